package io.quire.domain.blob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.blob.jdbc.JdbcBlobStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputBlobsTest {

    @TempDir
    Path directory;
    JdbcBlobStore store;
    OutputBlobs blobs;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + directory.resolve("blobs"));
        store = new JdbcBlobStore(dataSource, "BLOB");
        blobs = new OutputBlobs(store, 100);
    }

    static JsonNode output(String png, String text) throws Exception {
        return new ObjectMapper().createObjectNode().put("output_type", "display_data")
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("data", new ObjectMapper().createObjectNode()
                        .put("image/png", png).put("text/plain", text));
    }

    @Test
    void largeValuesLeaveTheOutputAndComeBackUnchanged() throws Exception {
        String png = "iVBORw0KGgo".repeat(100);
        JsonNode original = output(png, "<Figure>");
        JsonNode extracted = blobs.extract(original);
        assertThat(extracted.at("/data/image~1png").asText()).startsWith("sha256:").hasSize(71);
        assertThat(extracted.at("/data/text~1plain").asText()).isEqualTo("<Figure>");
        assertThat(extracted.get(OutputBlobs.MARKER).toString()).isEqualTo("[\"image/png\"]");
        assertThat(blobs.inline(extracted)).isEqualTo(original);
        assertThat(original.has(OutputBlobs.MARKER)).isFalse();
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        String png = "A".repeat(500);
        JsonNode first = blobs.extract(output(png, "a"));
        JsonNode second = blobs.extract(output(png, "b"));
        assertThat(first.at("/data/image~1png")).isEqualTo(second.at("/data/image~1png"));
        assertThat(store.put(png.getBytes())).isEqualTo(first.at("/data/image~1png").asText());
    }

    @Test
    void smallOutputsAndOutputsWithoutDataStayAsTheyAre() throws Exception {
        JsonNode small = output("abc", "x");
        assertThat(blobs.extract(small)).isEqualTo(small);
        JsonNode stream = new ObjectMapper().createObjectNode().put("output_type", "stream").put("text", "x".repeat(500));
        assertThat(blobs.extract(stream)).isSameAs(stream);
    }

    @Test
    void aMissingBlobIsReportedNotHidden() throws Exception {
        JsonNode extracted = new OutputBlobs(new JdbcBlobStore(dataSource("other"), "BLOB"), 100)
                .extract(output("B".repeat(500), "x"));
        assertThatThrownBy(() -> blobs.inline(extracted)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing from the blob store");
    }

    private JdbcDataSource dataSource(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + directory.resolve(name));
        return dataSource;
    }
}
