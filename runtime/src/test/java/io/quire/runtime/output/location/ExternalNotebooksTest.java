package io.quire.runtime.output.location;

import io.quire.runtime.output.NotebookStorageException;
import io.quire.runtime.output.OutputExistsException;
import io.quire.runtime.testing.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class ExternalNotebooksTest {

    private static final byte[] NOTEBOOK = "{\"cells\": [], \"nbformat\": 4}".getBytes(StandardCharsets.UTF_8);

    private static S3TestServer s3;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServer() {
        s3 = S3TestServer.inMemory();
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    private NotebookLocation at(String text) {
        return NotebookLocation.parse(text, directory);
    }

    @Test
    void aNotebookIsCopiedFromOneBucketToAnother() {
        String in = s3.newBucket();
        String out = s3.newBucket();
        s3.client().putObject(put -> put.bucket(in).key("a.ipynb"), RequestBody.fromBytes(NOTEBOOK));
        try (ExternalNotebooks notebooks = new ExternalNotebooks(s3.settings())) {
            URI written = notebooks.writeOnce(at("s3://" + out + "/runs/b.ipynb"),
                    notebooks.read(at("s3://" + in + "/a.ipynb")));

            assertThat(written).isEqualTo(URI.create("s3://" + out + "/runs/b.ipynb"));
        }
        assertThat(s3.client().getObjectAsBytes(get -> get.bucket(out).key("runs/b.ipynb")).asByteArray())
                .isEqualTo(NOTEBOOK);
    }

    @Test
    void aLocalNotebookIsWrittenToANewFileAndNeverOverAnExistingOne() throws IOException {
        Files.write(directory.resolve("in.ipynb"), NOTEBOOK);
        Files.writeString(directory.resolve("taken.ipynb"), "keep me");
        // A local-only run must not need S3 at all.
        try (ExternalNotebooks notebooks = new ExternalNotebooks(() -> fail("no S3 client needed"))) {
            byte[] input = notebooks.read(at("in.ipynb"));
            notebooks.writeOnce(at("out/result.ipynb"), input);

            assertThatThrownBy(() -> notebooks.writeOnce(at("taken.ipynb"), input))
                    .isInstanceOf(OutputExistsException.class)
                    .hasMessageContaining("taken.ipynb");
        }
        assertThat(directory.resolve("out/result.ipynb")).hasBinaryContent(NOTEBOOK);
        assertThat(directory.resolve("taken.ipynb")).hasContent("keep me");
    }

    @Test
    void aMissingInputIsNamed() {
        String bucket = s3.newBucket();
        try (ExternalNotebooks notebooks = new ExternalNotebooks(s3.settings())) {
            assertThatThrownBy(() -> notebooks.read(at("missing.ipynb")))
                    .isInstanceOf(NotebookStorageException.class)
                    .hasMessageContaining("no notebook at " + directory.resolve("missing.ipynb"));
            assertThatThrownBy(() -> notebooks.read(at("s3://" + bucket + "/missing.ipynb")))
                    .isInstanceOf(NotebookStorageException.class)
                    .hasMessageContaining("no notebook at s3://" + bucket + "/missing.ipynb");
        }
    }

    @Test
    void quireNotebooksAreLeftToQuire() {
        try (ExternalNotebooks notebooks = new ExternalNotebooks(s3.settings())) {
            assertThatThrownBy(() -> notebooks.read(at("quire:team/a.ipynb@2")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("quire:team/a.ipynb@2 is one of Quire's own notebooks");
        }
    }
}
