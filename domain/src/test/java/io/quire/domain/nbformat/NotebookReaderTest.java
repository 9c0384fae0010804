package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the reader makes of valid notebooks: joined text, kept JSON, dropped transient keys. */
class NotebookReaderTest {

    private final NotebookReader reader = new NotebookReader();

    @Test
    void streamTextAndSourcesAreJoined() {
        NotebookContent notebook = read("all-outputs-4.5.ipynb");
        Cell streams = cell(notebook, "streams");

        assertThat(streams.source())
                .isEqualTo("import sys\nprint('hello\\nworld')\nprint('careful', file=sys.stderr)");
        assertThat(streams.executionCount()).isEqualTo(1);
        assertThat(streams.outputs())
                .extracting(output -> output.get("name").asText(), output -> output.get("text").asText())
                .containsExactly(tuple("stdout", "hello\nworld\n"), tuple("stderr", "careful\n"));
    }

    @Test
    void mimeBundlesJoinTextAndKeepJsonAsJson() {
        List<JsonNode> outputs = cell(read("all-outputs-4.5.ipynb"), "displays").outputs();
        JsonNode table = outputs.get(1).get("data");

        assertThat(outputs.get(0).at("/data/image~1png").asText()).endsWith("QmCC\n");
        assertThat(outputs.get(0).at("/metadata/image~1png/width").asInt()).isEqualTo(1);
        assertThat(table.get("text/html").asText()).isEqualTo("<table>\n<tr><td>1</td></tr>\n</table>");
        assertThat(table.get("application/json").toString())
                .isEqualTo("{\"a\":[1,2.5,null,true],\"nested\":{\"k\":\"v\"}}");
        assertThat(table.get("application/vnd.quire.lines+json").isArray()).isTrue();
    }

    @Test
    void executeResultsAndErrorsKeepTheirFields() {
        NotebookContent notebook = read("all-outputs-4.5.ipynb");
        JsonNode result = cell(notebook, "result").outputs().get(0);
        JsonNode error = cell(notebook, "failure").outputs().get(0);

        assertThat(result.get("execution_count").asInt()).isEqualTo(3);
        assertThat(result.at("/data/text~1latex").asText()).isEqualTo("$$\n42\n$$");
        assertThat(error.get("ename").asText()).isEqualTo("ZeroDivisionError");
        assertThat(error.get("traceback")).hasSize(2);
        assertThat(cell(notebook, "never-run").executionCount()).isNull();
        assertThat(cell(notebook, "never-run").source()).isEmpty();
    }

    @Test
    void markdownAttachmentsAndRawCellsAreRead() {
        NotebookContent notebook = read("all-outputs-4.5.ipynb");
        Cell markdown = cell(notebook, "with_attachment");
        Cell raw = cell(notebook, "raw");

        assertThat(markdown.type()).isEqualTo(CellType.MARKDOWN);
        assertThat(markdown.attachments().at("/dot.png/text~1plain").asText()).isEqualTo("a dot\nof one pixel");
        assertThat(raw.type()).isEqualTo(CellType.RAW);
        assertThat(raw.metadata().get("format").asText()).isEqualTo("text/restructuredtext");
        assertThat(raw.attachments()).isNull();
    }

    @Test
    void unicodeCrlfAndEveryLineBreakSurviveJoining() {
        NotebookContent notebook = read("text-edges-4.5.ipynb");

        assertThat(cell(notebook, "unicode").source()).isEqualTo("Grüße, 日本語, emoji 🎉, שלום\nsecond line");
        assertThat(cell(notebook, "crlf").source()).isEqualTo("x = 1\r\ny = 2\r\n");
        assertThat(cell(notebook, "crlf").outputs().get(0).get("text").asText())
                .isEqualTo("10%\r50%\r100%\r\ndone\n");
        assertThat(cell(notebook, "line-breaks").source())
                .isEqualTo("a\u000bb\fc\u001cd\u001de\u001ef\u0085g\u2028h\u2029i\n\nj");
        assertThat(cell(notebook, "controls").source()).startsWith("bell \u0007, nul \u0000, del \u007f");
    }

    @Test
    void transientKeysAreDropped() {
        NotebookContent notebook = read("metadata-4.4.ipynb");

        assertThat(notebook.metadata().has("signature")).isFalse();
        assertThat(notebook.metadata().has("orig_nbformat")).isFalse();
        assertThat(notebook.metadata().get("title").asText()).isEqualTo("Metadata");
        assertThat(notebook.cells().get(0).metadata().has("trusted")).isFalse();
        assertThat(notebook.cells().get(0).metadata().get("scrolled").asText()).isEqualTo("auto");
    }

    @Test
    void a40FileWithUnsplitStringsIsRead() {
        NotebookContent notebook = read("minimal-4.0.ipynb");
        Cell code = notebook.cells().get(1);

        assertThat(notebook.cells().get(0).source()).isEqualTo("# Old\nnotebook");
        assertThat(code.executionCount()).isEqualTo(5);
        assertThat(code.outputs().get(1).at("/data/text~1html").asText()).isEqualTo("<b>old</b>\n<i>html</i>");
    }

    @Test
    void aParsedTreeIsReadLikeAFileAndLeftUnchanged() throws Exception {
        byte[] file = Samples.fixture("all-outputs-4.5.ipynb").bytes();
        JsonNode tree = new ObjectMapper().readTree(file);
        JsonNode before = tree.deepCopy();

        NotebookContent fromTree = reader.read(tree, "tree");

        assertThat(fromTree).isEqualTo(reader.read(file, "file"));
        assertThat(tree).isEqualTo(before);
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] file = Samples.fixture("minimal-4.0.ipynb").bytes();
        byte[] withBom = new byte[file.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(file, 0, withBom, 3, file.length);

        assertThat(reader.read(withBom, null)).isEqualTo(reader.read(file, null));
    }

    @Test
    void aLaterMinorVersionIsReadWithoutTheKeys45DoesNotKnow() {
        String future = """
                {"nbformat": 4, "nbformat_minor": 6, "metadata": {}, "extra": true, "cells": [
                 {"id": "a", "cell_type": "markdown", "metadata": {}, "source": "x", "extra": 1}]}""";

        NotebookContent notebook = reader.read(future.getBytes(UTF_8), null);

        assertThat(notebook.cells()).singleElement().extracting(Cell::id, Cell::source).containsExactly("a", "x");
    }

    private NotebookContent read(String fixture) {
        return reader.read(Samples.fixture(fixture).bytes(), fixture);
    }

    private static Cell cell(NotebookContent notebook, String id) {
        return notebook.cells().stream().filter(cell -> cell.id().equals(id)).findFirst().orElseThrow();
    }
}
