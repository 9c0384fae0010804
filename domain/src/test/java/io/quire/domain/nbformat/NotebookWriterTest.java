package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The writer's layout and the keys it writes for each cell type. */
class NotebookWriterTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final NotebookWriter writer = new NotebookWriter();

    @Test
    void writesNbformatsLayoutWithAFinalNewline() {
        ObjectNode metadata = JSON.objectNode();
        metadata.putObject("language_info").put("name", "python");
        metadata.put("signature", "sha256:dropped");
        ObjectNode cellMetadata = JSON.objectNode().put("trusted", true);
        cellMetadata.putArray("tags");
        NotebookContent notebook = new NotebookContent(metadata, List.of(
                new Cell("c1", CellType.CODE, "x = 1\nx", cellMetadata, List.of(), null, null),
                Cell.empty("m1", CellType.MARKDOWN, "")));

        assertThat(new String(writer.write(notebook), UTF_8)).isEqualTo("""
                {
                 "cells": [
                  {
                   "cell_type": "code",
                   "execution_count": null,
                   "id": "c1",
                   "metadata": {
                    "tags": []
                   },
                   "outputs": [],
                   "source": [
                    "x = 1\\n",
                    "x"
                   ]
                  },
                  {
                   "cell_type": "markdown",
                   "id": "m1",
                   "metadata": {},
                   "source": []
                  }
                 ],
                 "metadata": {
                  "language_info": {
                   "name": "python"
                  }
                 },
                 "nbformat": 4,
                 "nbformat_minor": 5
                }
                """);
    }

    @Test
    void splitsTextMimeTypesButKeepsABase64ImageWhole() {
        ObjectNode data = JSON.objectNode().put("image/png", "iVBOR\nw0KG\n").put("text/html", "<p>\n</p>")
                .put("image/svg+xml", "<svg>\n</svg>");
        data.putArray("application/json").add("a\n").add("b");
        ObjectNode display = JSON.objectNode().put("output_type", "display_data");
        display.set("data", data);
        display.putObject("metadata");
        ObjectNode stream = JSON.objectNode().put("output_type", "stream").put("name", "stdout").put("text", "1\n2");

        JsonNode outputs = writeCell(new Cell("c", CellType.CODE, "", null, List.of(display, stream), 1, null))
                .get("outputs");

        assertThat(outputs.at("/0/data/image~1png").isTextual()).isTrue();
        assertThat(outputs.at("/0/data/text~1html")).hasSize(2);
        assertThat(outputs.at("/0/data/image~1svg+xml")).hasSize(2);
        assertThat(outputs.at("/0/data/application~1json").toString()).isEqualTo("[\"a\\n\",\"b\"]");
        assertThat(outputs.at("/1/text").toString()).isEqualTo("[\"1\\n\",\"2\"]");
    }

    @Test
    void writesAttachmentsOnlyWhereTheCellTypeAllowsThem() {
        ObjectNode attachments = JSON.objectNode();
        attachments.putObject("a.txt").put("text/plain", "one\ntwo");

        JsonNode markdown = writeCell(new Cell("m", CellType.MARKDOWN, "", null, null, null, attachments));
        JsonNode code = writeCell(new Cell("c", CellType.CODE, "", null, null, null, attachments));
        JsonNode raw = writeCell(Cell.empty("r", CellType.RAW, "text"));

        assertThat(markdown.at("/attachments/a.txt/text~1plain").toString()).isEqualTo("[\"one\\n\",\"two\"]");
        assertThat(markdown.has("outputs")).isFalse();
        assertThat(code.has("attachments")).isFalse();
        assertThat(code.has("outputs")).isTrue();
        assertThat(raw.has("attachments")).isFalse();
        assertThat(raw.has("execution_count")).isFalse();
    }

    @Test
    void refusesCellsWithoutValidUniqueIds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.write(notebookOf(Cell.empty(null, CellType.RAW, ""))))
                .withMessage("cells[0]: invalid cell id null:"
                        + " expected 1-64 characters, each a-z, A-Z, 0-9, '-' or '_'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.write(notebookOf(Cell.empty("a", CellType.RAW, ""),
                        Cell.empty("b", CellType.RAW, ""), Cell.empty("a", CellType.CODE, ""))))
                .withMessage("cells[0] and cells[2] have the same id 'a'");
    }

    private JsonNode writeCell(Cell cell) {
        return writer.toJson(notebookOf(cell)).get("cells").get(0);
    }

    private static NotebookContent notebookOf(Cell... cells) {
        return new NotebookContent(null, List.of(cells));
    }
}
