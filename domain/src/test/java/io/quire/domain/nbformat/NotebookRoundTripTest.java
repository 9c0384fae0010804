package io.quire.domain.nbformat;

import io.quire.domain.nbformat.Samples.Sample;
import io.quire.domain.notebook.NotebookContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Every sample notebook survives export and re-import unchanged, and exports are deterministic. */
class NotebookRoundTripTest {

    private final NotebookReader reader = new NotebookReader();
    private final NotebookWriter writer = new NotebookWriter();

    static Stream<Sample> samples() {
        return Samples.all();
    }

    @Test
    void corpusIsPresent() {
        if (Samples.corpus().isEmpty()) {
            Prerequisites.missing("no notebooks in " + Samples.CORPUS + " (set -Dquire.nbformat.corpus=FOLDER)");
        }
        // papermill's 20 test notebooks, one of them in a subfolder: the walk must find them all.
        assertThat(Samples.corpus()).hasSizeGreaterThanOrEqualTo(20)
                .anyMatch(sample -> sample.name().contains("non-python/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void reimportingTheExportGivesTheSameContent(Sample sample) {
        NotebookContent content = reader.read(sample.bytes(), sample.name());

        NotebookContent reimported = reader.read(writer.write(content), "export of " + sample.name());

        assertThat(reimported).isEqualTo(content);
        assertThat(content.cells()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void exportingAgainGivesTheSameBytes(Sample sample) {
        byte[] export = writer.write(reader.read(sample.bytes(), sample.name()));

        assertThat(writer.write(reader.read(sample.bytes(), sample.name()))).isEqualTo(export);
        assertThat(writer.write(reader.read(export, "export"))).isEqualTo(export);
    }

    /** These fixtures were written by nbformat 5.5 itself, so they are already in canonical 4.5 form. */
    @ParameterizedTest
    @ValueSource(strings = {"all-outputs-4.5.ipynb", "text-edges-4.5.ipynb"})
    void aCanonical45FileIsExportedByteForByte(String fixture) {
        Sample sample = Samples.fixture(fixture);

        byte[] export = writer.write(reader.read(sample.bytes(), fixture));

        // Compared as text so that a failure shows where the files differ.
        assertThat(new String(export, UTF_8)).isEqualTo(new String(sample.bytes(), UTF_8));
    }
}
