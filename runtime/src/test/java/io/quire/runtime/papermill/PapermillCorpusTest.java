package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;
import io.quire.runtime.papermill.Parameterizer.Options;
import io.quire.runtime.papermill.Parameterizer.Parameterized;
import io.quire.runtime.papermill.translator.UnsupportedLanguageException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outcomes listed in the corpus's EXPECTED.md that need no kernel, on papermill's own test notebooks. Where a
 * kernel would run cells, the test writes the outputs papermill records (an error output, execution counts).
 */
class PapermillCorpusTest {

    private final Parameterizer parameterizer = new Parameterizer();
    private final PapermillMetadata papermill = new PapermillMetadata("2.6.0");

    /** papermill's preparation: load, parameterize, record paths, remove old error markers. */
    private Parameterized prepare(String file, Map<String, JsonNode> parameters, Options options) {
        NotebookContent loaded = papermill.loaded(PapermillCorpus.notebook(file));
        Parameterized parameterized = parameterizer.parameterize(loaded, parameters, options);
        NotebookContent prepared = ErrorMarkers.removed(papermill.prepared(parameterized.notebook(), file,
                "out.ipynb"));
        return new Parameterized(prepared, parameterized.injectedIndex(), parameterized.warnings());
    }

    @Test
    void simpleExecuteGetsItsCellAfterTheParametersCell() {
        Parameterized result = prepare("simple_execute.ipynb", new ParameterSources().parameter("msg", "Hello")
                .resolve(), Options.defaults());
        Cell injected = result.notebook().cells().get(1);
        assertThat(result.injectedIndex()).isEqualTo(1);
        assertThat(injected.source()).isEqualTo("# Parameters\nmsg = \"Hello\"\n");
        assertThat(injected.metadata().get("tags").toString()).isEqualTo("[\"injected-parameters\"]");
        assertThat(result.notebook().metadata().get("papermill").get("parameters").toString())
                .isEqualTo("{\"msg\":\"Hello\"}");
        assertThat(result.warnings()).isEmpty();
        validates(result.notebook());
    }

    @Test
    void cliStringsAreEscapedAsPapermillTestsExpect() {
        assertThat(injectedSource("simple_execute.ipynb", new ParameterSources().parameter("msg", "\"Hello\"")))
                .isEqualTo("# Parameters\nmsg = \"\\\"Hello\\\"\"\n");
        assertThat(injectedSource("simple_execute.ipynb", new ParameterSources().parameter("foo", "do\\ not\\ crash")))
                .isEqualTo("# Parameters\nfoo = \"do\\\\ not\\\\ crash\"\n");
    }

    private String injectedSource(String file, ParameterSources sources) {
        Parameterized result = prepare(file, sources.resolve(), Options.defaults());
        return result.notebook().cells().get(result.injectedIndex()).source();
    }

    @Test
    void inspectionMatchesPapermills() {
        assertThat(ParametersCell.inspect(PapermillCorpus.notebook("simple_execute.ipynb"), null, null).parameters())
                .containsExactly(new DeclaredParameter("msg", "None", "None", ""));
        assertThat(ParametersCell.inspect(PapermillCorpus.notebook("complex_parameters.ipynb"), null, null)
                .parameters()).containsExactly(
                new DeclaredParameter("msg", "None", "None", ""),
                new DeclaredParameter("a", "float", "2.25", "Variable a"),
                new DeclaredParameter("b", "List[str]", "['Hello','World']", "Nice list"),
                new DeclaredParameter("c", "NoneType", "None", ""));
        ParameterInspection none = ParametersCell.inspect(PapermillCorpus.notebook("no_parameters.ipynb"), null, null);
        assertThat(none.parameters()).isEmpty();
        assertThat(none.notice()).startsWith("Can't infer anything about this notebook's parameters.");
        ParameterInspection r = ParametersCell.inspect(
                PapermillCorpus.notebook("non-python/notimplemented_translator.ipynb"), null, null);
        assertThat(r.parameters()).isEmpty();
        assertThat(r.notice()).startsWith("Can't infer anything about this notebook's parameters.");
    }

    @Test
    void strictModeUsesWhatInspectionFinds() {
        List<DeclaredParameter> declared = ParametersCell.inspect(
                PapermillCorpus.notebook("complex_parameters.ipynb"), null, null).parameters();
        StrictParameters.check(declared, new ParameterSources().parameter("a", "3").parameter("msg", "x")
                .yaml("b: [x, y]").resolve());
        assertThatThrownBy(() -> StrictParameters.check(declared, new ParameterSources().parameter("a", "abc")
                .parameter("d", "1").resolve()))
                .hasMessageContaining("unknown parameter 'd'")
                .hasMessageContaining("parameter 'a' takes int or float");
    }

    @Test
    void noParametersNotebookGetsItsCellOnTopWithTheWarning() {
        Parameterized result = prepare("no_parameters.ipynb", new ParameterSources().parameter("msg", "Hello")
                .resolve(), Options.defaults());
        assertThat(result.injectedIndex()).isZero();
        assertThat(result.notebook().cells().get(0).source()).isEqualTo("# Parameters\nmsg = \"Hello\"\n");
        assertThat(result.notebook().cells().get(1).source()).isEqualTo("msg = None");
        assertThat(result.warnings()).contains("Input notebook does not contain a cell with tag 'parameters'");
    }

    @Test
    void resultNoExecGetsItsCellAfterTheParametersCell() {
        Parameterized result = prepare("result_no_exec.ipynb", new ParameterSources().parameter("foo", "2")
                .resolve(), Options.defaults());
        assertThat(result.injectedIndex()).isEqualTo(1);
        assertThat(result.notebook().cells().get(1).source()).isEqualTo("# Parameters\nfoo = 2\n");
        // the stale parameters a previous papermill run recorded are replaced by this run's
        assertThat(result.notebook().metadata().get("papermill").get("parameters").toString())
                .isEqualTo("{\"foo\":2}");
    }

    @Test
    void version44NotebookStillValidatesOnceParameterized() {
        Parameterized result = prepare("nb_version_4.4.ipynb", new ParameterSources().parameter("var", "It works")
                .resolve(), Options.defaults());
        assertThat(result.notebook().cells().get(1).source()).isEqualTo("# Parameters\nvar = \"It works\"\n");
        validates(result.notebook());
    }

    @Test
    void reportModeHidesEveryCodeCell() {
        Parameterized result = prepare("report_mode_test.ipynb", new ParameterSources().parameter("a", "2")
                .resolve(), Options.defaults().withReportMode(true));
        assertThat(result.notebook().cells()).hasSize(4).allSatisfy(cell -> {
            assertThat(cell.type()).isEqualTo(CellType.CODE);
            assertThat(cell.metadata().path("jupyter").path("source_hidden").asBoolean()).isTrue();
        });
        validates(result.notebook());
    }

    @Test
    void prepareOnlyKeepsStoredOutputs() {
        NotebookContent original = PapermillCorpus.notebook("keyboard_interrupt.ipynb");
        Parameterized result = prepare("keyboard_interrupt.ipynb", new ParameterSources().parameter("x", "1")
                .resolve(), Options.defaults());
        assertThat(result.injectedIndex()).isZero();
        Cell stored = result.notebook().cells().get(1);
        assertThat(stored.outputs()).isEqualTo(original.cells().get(0).outputs()).hasSize(1);
        assertThat(stored.outputs().get(0).path("ename").asText()).isEqualTo("KeyboardInterrupt");
        assertThat(stored.executionCount()).isEqualTo(2);
    }

    @Test
    void aNotebookWithoutKernelspecNeedsAKernel() {
        assertThatThrownBy(() -> prepare("blank-vscode.ipynb", new ParameterSources().parameter("x", "1").resolve(),
                Options.defaults()))
                .isInstanceOf(UnsupportedLanguageException.class)
                .hasMessageStartingWith("No kernel name found in notebook and no override provided.");
        Parameterized result = prepare("blank-vscode.ipynb", new ParameterSources().parameter("x", "1").resolve(),
                Options.defaults().withKernel("python3", null));
        assertThat(result.notebook().cells().get(0).source()).isEqualTo("# Parameters\nx = 1\n");
        validates(result.notebook());
    }

    @Test
    void aNotebookWithoutLanguageInfoUsesTheKernelspecLanguage() {
        Parameterized result = prepare("test_notebooknode_io.ipynb", new ParameterSources().raw("x", "1").resolve(),
                Options.defaults());
        assertThat(result.notebook().cells().get(0).source()).isEqualTo("# Parameters\nx = \"1\"\n");
    }

    @Test
    void broken1LosesItsStaleMarkersAndGetsTwoNewOnes() {
        NotebookContent prepared = prepare("broken1.ipynb", Map.of(), Options.defaults()).notebook();
        assertThat(prepared.cells()).noneMatch(cell -> CellTags.has(cell, CellTags.ERROR_MARKER));
        // What the kernel leaves: "We're good" ran as [1], "assert False" failed as [2], the last never ran.
        List<Cell> cells = new ArrayList<>(prepared.cells());
        cells.set(1, ran(cells.get(1), 1, stream("We're good.\n")));
        cells.set(4, ran(cells.get(4), 2, error("AssertionError", "")));
        NotebookContent marked = markFailure(new NotebookContent(prepared.metadata(), cells));

        assertThat(marked.cells().get(0).source()).isEqualTo(ErrorMarkers.banner(2)).contains("In [2]");
        assertThat(marked.cells().get(5).source()).startsWith("<span id=\"papermill-error-cell\"");
        assertThat(marked.cells().get(6).executionCount()).isEqualTo(2);
        assertThat(marked.cells().get(6).outputs()).extracting(o -> o.get("output_type").asText())
                .containsExactly("error");
        assertThat(marked.cells().get(7).executionCount()).isNull();
        assertThat(marked.cells()).filteredOn(cell -> CellTags.has(cell, CellTags.ERROR_MARKER)).hasSize(2);
        validates(marked);
    }

    @Test
    void broken2KeepsTheDisplayBeforeTheErrorAndItsStaleMetadata() {
        NotebookContent input = PapermillCorpus.notebook("broken2.ipynb");
        NotebookContent prepared = prepare("broken2.ipynb", Map.of(), Options.defaults()).notebook();
        assertThat(prepared.metadata().get("papermill").get("parameters"))
                .isEqualTo(input.metadata().get("papermill").get("parameters"));
        assertThat(prepared.metadata().get("papermill").get("version").asText()).isEqualTo("0.4+2.ge10f94c.dirty");
        List<Cell> cells = new ArrayList<>(prepared.cells());
        cells.set(0, ran(cells.get(0), 1, stream("We're good.\n")));
        ObjectNode display = JsonNodeFactory.instance.objectNode().put("output_type", "display_data");
        display.putObject("data").put("text/plain", "<IPython.core.display.HTML object>");
        display.putObject("metadata");
        cells.set(1, ran(cells.get(1), 2, display, error("Exception", "message")));
        NotebookContent marked = markFailure(new NotebookContent(prepared.metadata(), cells));
        assertThat(marked.cells().get(0).source()).contains("In [2]");
        assertThat(marked.cells().get(3).outputs()).extracting(o -> o.get("output_type").asText())
                .containsExactly("display_data", "error");
        assertThat(marked.cells().get(4).executionCount()).isNull();
    }

    @Test
    void systemExitWithoutStatusIsNoFailureButSysExit1Is() {
        for (String file : List.of("sysexit.ipynb", "sysexit0.ipynb", "systemexit.ipynb")) {
            NotebookContent prepared = prepare(file, Map.of(), Options.defaults()).notebook();
            List<Cell> cells = new ArrayList<>(prepared.cells());
            cells.set(1, ran(cells.get(1), 2, error("SystemExit", file.equals("sysexit0.ipynb") ? "0" : "")));
            assertThat(ErrorMarkers.find(new NotebookContent(prepared.metadata(), cells))).as(file).isEmpty();
        }
        NotebookContent prepared = prepare("sysexit1.ipynb", Map.of(), Options.defaults()).notebook();
        List<Cell> cells = new ArrayList<>(prepared.cells());
        cells.set(1, ran(cells.get(1), 2, error("SystemExit", "1")));
        NotebookContent marked = markFailure(new NotebookContent(prepared.metadata(), cells));
        assertThat(marked.cells().get(0).source()).contains("In [2]");
        assertThat(marked.cells().get(3).outputs().get(0).get("traceback").get(1).asText())
                .isEqualTo("SystemExit: 1\n");
    }

    @Test
    void aLineMagicErrorFailsThroughTheCellsMetadata() {
        NotebookContent prepared = prepare("line_magic_error.ipynb", Map.of(), Options.defaults()).notebook();
        List<Cell> cells = new ArrayList<>(prepared.cells());
        Cell failed = papermill.cellFailed(ran(cells.get(0), 1));
        cells.set(0, failed);
        NotebookContent marked = markFailure(new NotebookContent(prepared.metadata(), cells));
        assertThat(ErrorMarkers.find(new NotebookContent(prepared.metadata(), cells)).orElseThrow().ename())
                .isEqualTo("CellExecutionError");
        assertThat(marked.cells().get(0).source()).contains("In [1]");
        assertThat(marked.cells().get(2).executionCount()).isEqualTo(1);
        assertThat(marked.cells().get(3).executionCount()).isNull();
    }

    private static NotebookContent markFailure(NotebookContent notebook) {
        return ErrorMarkers.marked(notebook, ErrorMarkers.find(notebook).orElseThrow());
    }

    private static Cell ran(Cell cell, int count, JsonNode... outputs) {
        return new Cell(cell.id(), cell.type(), cell.source(), cell.metadata(), List.of(outputs), count, null);
    }

    private static JsonNode stream(String text) {
        return JsonNodeFactory.instance.objectNode().put("output_type", "stream").put("name", "stdout")
                .put("text", text);
    }

    private static JsonNode error(String ename, String evalue) {
        ObjectNode output = JsonNodeFactory.instance.objectNode().put("output_type", "error").put("ename", ename)
                .put("evalue", evalue);
        output.putArray("traceback").add("Traceback (most recent call last)")
                .add(ename + (evalue.isEmpty() ? "" : ": " + evalue) + "\n");
        return output;
    }

    /** nbformat (Debian's python) accepts the notebook as written. */
    private static void validates(NotebookContent notebook) {
        PythonOracle.require("nbformat");
        String file = new String(new NotebookWriter().write(notebook), StandardCharsets.UTF_8);
        String verdict = PythonOracle.run("import sys, nbformat\n"
                + "nb = nbformat.reads(sys.stdin.read(), as_version=4)\n"
                + "nbformat.validate(nb)\nprint('valid', nb.nbformat_minor)", file);
        assertThat(verdict.strip()).isEqualTo("valid 5");
    }
}
