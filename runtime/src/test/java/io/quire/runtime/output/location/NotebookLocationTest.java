package io.quire.runtime.output.location;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotebookLocationTest {

    private static final Path HERE = Path.of("/home/ada/work");

    private static NotebookLocation parse(String text) {
        return NotebookLocation.parse(text, HERE);
    }

    @Test
    void aRelativePathIsAFileInTheWorkingDirectory() {
        assertThat(parse("reports/../in.ipynb"))
                .isEqualTo(new NotebookLocation.LocalFile(Path.of("/home/ada/work/in.ipynb")));
    }

    @Test
    void anAbsolutePathIsTheFileItNames() {
        assertThat(parse("/data/out.ipynb")).isEqualTo(new NotebookLocation.LocalFile(Path.of("/data/out.ipynb")));
    }

    @Test
    void anS3UrlIsABucketAndAKey() {
        NotebookLocation location = parse("s3://team-bucket/runs/2026/out.ipynb");

        assertThat(location).isEqualTo(new NotebookLocation.S3File("team-bucket", "runs/2026/out.ipynb"));
        assertThat(location).hasToString("s3://team-bucket/runs/2026/out.ipynb");
    }

    @Test
    void aQuireLocationIsRecognisedWithItsVersionButNotResolved() {
        assertThat(parse("quire:team/report.ipynb@7"))
                .isEqualTo(new NotebookLocation.QuireNotebook("team/report.ipynb", Optional.of("7")));
        assertThat(parse("quire:team/report.ipynb"))
                .isEqualTo(new NotebookLocation.QuireNotebook("team/report.ipynb", Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s3://                    | it has no bucket",
            "s3:///key.ipynb          | it has no bucket",
            "s3://bucket              | names the bucket 'bucket' but no object",
            "s3://bucket/             | names the bucket 'bucket' but no object",
            "s3://bucket/runs/        | it names a folder, not a notebook",
            "s3://bucket/a/../b.ipynb | '..' segment",
            "s3://bucket/a//b.ipynb   | empty segment",
            "quire:                   | it has no notebook path",
            "quire:@3                 | it has no notebook path",
            "quire:a.ipynb@           | ends with '@' but no version",
            "https://host/a.ipynb     | only local paths, s3:// and quire: locations are supported",
            "out/                     | it names a directory",
    })
    void badFormsAreRefusedSayingWhatIsWrongAndWhatIsAccepted(String text, String why) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid notebook location '" + text + "'")
                .hasMessageContaining(why)
                .hasMessageContaining("s3://BUCKET/KEY");
    }

    @Test
    void anEmptyLocationIsRefused() {
        assertThatThrownBy(() -> parse(" ")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> parse(null)).hasMessageContaining("it is empty");
    }
}
