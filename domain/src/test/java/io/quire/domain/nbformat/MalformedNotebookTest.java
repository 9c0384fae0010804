package io.quire.domain.nbformat;

import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the reader refuses, and that each refusal says what is wrong and where. */
class MalformedNotebookTest {

    private static final String CODE_CELL = """
            {"id": "c", "cell_type": "code", "metadata": {}, "source": "1", "execution_count": null, "outputs": []}""";

    @Test
    void textThatIsNotJsonIsRefusedWithItsLineAndColumn() {
        String message = refusal("{\n \"cells\": [],\n    }");

        assertThat(message).startsWith("nb.ipynb: not JSON: Unexpected character ('}' (code 125))")
                .endsWith("at line 3, column 5");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirOffset() {
        byte[] latin1 = "{\"x\": \"caf\u00e9\"}".getBytes(ISO_8859_1);

        assertThat(refusal(latin1)).isEqualTo("nb.ipynb: not UTF-8: invalid byte sequence at byte offset 10");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(refusal("  \n")).isEqualTo("nb.ipynb: not JSON: the document is empty");
    }

    @Test
    void aJsonArrayIsNotANotebook() {
        assertThat(refusal("[1, 2]")).isEqualTo("nb.ipynb: not a notebook: expected a JSON object, found an array");
    }

    @Test
    void nbformat3IsRefusedWithHowToConvertIt() {
        assertThat(refusal("{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}"))
                .isEqualTo("nb.ipynb: nbformat 3 is not supported:"
                        + " convert it with `jupyter nbconvert --to notebook --nbformat 4`");
    }

    @Test
    void aDocumentWithoutNbformatIsNotANotebook() {
        assertThat(refusal("{\"cells\": [], \"metadata\": {}}"))
                .isEqualTo("nb.ipynb: not a notebook: no 'nbformat' version");
    }

    @Test
    void aVersionWrittenAsAStringIsRefused() {
        assertThat(refusal("{\"nbformat\": \"4\", \"nbformat_minor\": 5, \"cells\": [], \"metadata\": {}}"))
                .isEqualTo("nb.ipynb: nbformat: expected a non-negative integer, found a string");
    }

    @Test
    void aDocumentWithoutCellsIsNotANotebook() {
        assertThat(refusal("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}"))
                .isEqualTo("nb.ipynb: not a notebook: no 'cells' array");
    }

    @Test
    void anUnknownCellTypeIsRefused() {
        String heading = "{\"id\": \"h\", \"cell_type\": \"heading\", \"metadata\": {}, \"source\": \"# Title\"}";

        assertThat(refusal(notebook(5, CODE_CELL + ", " + heading)))
                .isEqualTo("nb.ipynb: cells[1]: unknown cell_type 'heading' (expected code, markdown or raw)");
    }

    @Test
    void anUnknownOutputTypeIsRefused() {
        String cell = CODE_CELL.replace("\"outputs\": []", "\"outputs\": [{\"output_type\": \"foo\"}]");

        assertThat(refusal(notebook(5, cell)))
                .isEqualTo("nb.ipynb: cells[0].outputs[0]: unknown output_type 'foo'"
                        + " (expected stream, display_data, execute_result or error)");
    }

    @Test
    void anOutputWithoutARequiredKeyIsRefused() {
        String cell = CODE_CELL.replace("\"outputs\": []",
                "\"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\"}]");

        assertThat(refusal(notebook(5, cell))).isEqualTo("nb.ipynb: cells[0].outputs[0]: missing 'text'");
    }

    @Test
    void outputDataThatIsNotTextIsRefusedNamingItsMimeType() {
        String cell = CODE_CELL.replace("\"outputs\": []", "\"outputs\": [{\"output_type\": \"display_data\","
                + " \"metadata\": {}, \"data\": {\"image/png\": 5}}]");

        assertThat(refusal(notebook(5, cell))).isEqualTo("nb.ipynb: cells[0].outputs[0].data[\"image/png\"]:"
                + " expected a string or a list of strings, found the number 5");
    }

    @Test
    void anOutputKeyTheSchemaDoesNotKnowIsRefused() {
        String cell = CODE_CELL.replace("\"outputs\": []", "\"outputs\": [{\"output_type\": \"error\","
                + " \"ename\": \"E\", \"evalue\": \"\", \"traceback\": [], \"transient\": {}}]");

        assertThat(refusal(notebook(5, cell))).isEqualTo("nb.ipynb: cells[0].outputs[0]: unexpected key"
                + " 'transient' (allowed: ename, evalue, output_type, traceback)");
    }

    @Test
    void anInvalidIdIn45IsRefused() {
        assertThat(refusal(notebook(5, CODE_CELL.replace("\"c\"", "\"a b\""))))
                .isEqualTo("nb.ipynb: cells[0].id: invalid cell id 'a b':"
                        + " expected 1-64 characters, each a-z, A-Z, 0-9, '-' or '_'");
    }

    @Test
    void aSourceThatIsNotAStringIsRefused() {
        assertThat(refusal(notebook(5, CODE_CELL.replace("\"source\": \"1\"", "\"source\": 42"))))
                .isEqualTo("nb.ipynb: cells[0].source: expected a string or a list of strings, found the number 42");
        assertThat(refusal(notebook(5, CODE_CELL.replace("\"source\": \"1\"", "\"source\": [\"a\\n\", null]"))))
                .isEqualTo("nb.ipynb: cells[0].source[1]: expected a string (a line), found null");
    }

    @Test
    void aCodeCellWithoutOutputsIsRefused() {
        assertThat(refusal(notebook(4, CODE_CELL.replace(", \"outputs\": []", ""))))
                .isEqualTo("nb.ipynb: cells[0]: missing 'outputs'");
    }

    @Test
    void aNegativeExecutionCountIsRefused() {
        assertThat(refusal(notebook(4, CODE_CELL.replace("null", "-1"))))
                .isEqualTo("nb.ipynb: cells[0].execution_count: expected null or a non-negative integer,"
                        + " found the number -1");
    }

    @Test
    void attachmentsOnACodeCellAreRefused() {
        String withAttachments = CODE_CELL.substring(0, CODE_CELL.length() - 1) + ", \"attachments\": {}}";

        assertThat(refusal(notebook(4, withAttachments)))
                .isEqualTo("nb.ipynb: cells[0]: unexpected key 'attachments'"
                        + " (allowed: cell_type, execution_count, id, metadata, outputs, source)");
    }

    @Test
    void metadataTheSchemaConstrainsIsChecked() {
        assertThat(refusal(notebook(4, CODE_CELL.replace("\"metadata\": {}", "\"metadata\": {\"tags\": [\"a,b\"]}"))))
                .isEqualTo("nb.ipynb: cells[0].metadata.tags[0]: a tag must not be empty nor contain a comma,"
                        + " found \"a,b\"");
        assertThat(refusal("{\"nbformat\": 4, \"nbformat_minor\": 4, \"cells\": [],"
                + " \"metadata\": {\"kernelspec\": {\"name\": \"python3\"}}}"))
                .isEqualTo("nb.ipynb: metadata.kernelspec: missing 'display_name'");
    }

    @Test
    void aLaterMinorVersionStillNeedsCellTypesThat45Knows() {
        String future = "{\"id\": \"f\", \"cell_type\": \"chart\", \"metadata\": {}}";

        assertThat(refusal(notebook(9, future)))
                .isEqualTo("nb.ipynb: cells[0]: unknown cell_type 'chart' (expected code, markdown or raw)");
    }

    @Test
    void withoutASourceNameTheMessageStartsWithTheLocation() {
        InvalidNotebookException refused = catchThrowableOfType(InvalidNotebookException.class,
                () -> new NotebookReader().read("{\"nbformat\": 4, \"nbformat_minor\": 5}".getBytes(UTF_8), null));

        assertThat(refused.getMessage()).isEqualTo("not a notebook: no 'metadata' object");
        assertThat(refused.sourceName()).isNull();
        assertThat(refused.location()).isEmpty();
    }

    private static String notebook(int minor, String cells) {
        return "{\"nbformat\": 4, \"nbformat_minor\": " + minor + ", \"metadata\": {}, \"cells\": [" + cells + "]}";
    }

    private static String refusal(String json) {
        return refusal(json.getBytes(UTF_8));
    }

    private static String refusal(byte[] ipynb) {
        InvalidNotebookException refused = catchThrowableOfType(InvalidNotebookException.class,
                () -> new NotebookReader().read(ipynb, "nb.ipynb"));
        assertThat(refused).as("refused").isNotNull();
        return refused.getMessage();
    }
}
