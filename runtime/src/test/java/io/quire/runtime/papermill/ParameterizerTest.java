package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.NotebookContent;
import io.quire.runtime.papermill.Parameterizer.Options;
import io.quire.runtime.papermill.Parameterizer.Parameterized;
import io.quire.runtime.papermill.translator.UnsupportedLanguageException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.quire.runtime.papermill.Notebooks.code;
import static io.quire.runtime.papermill.Notebooks.markdown;
import static io.quire.runtime.papermill.Notebooks.parameters;
import static io.quire.runtime.papermill.Notebooks.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterizerTest {

    private final Parameterizer parameterizer = new Parameterizer();

    @Test
    void injectsRightAfterTheParametersCell() {
        Parameterized result = parameterizer.parameterize(python(markdown("m", "# Title"),
                code("p", "msg = None", "parameters"), code("c", "print(msg)")), parameters("{\"msg\": \"Hello\"}"),
                Options.defaults());
        assertThat(result.injectedIndex()).isEqualTo(2);
        Cell injected = result.notebook().cells().get(2);
        assertThat(injected.id()).isEqualTo("injected-parameters");
        assertThat(injected.source()).isEqualTo("# Parameters\nmsg = \"Hello\"\n");
        assertThat(injected.metadata().toString()).isEqualTo("{\"tags\":[\"injected-parameters\"]}");
        assertThat(injected.outputs()).isEmpty();
        assertThat(injected.executionCount()).isNull();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.notebook().metadata().path("papermill").path("parameters").toString())
                .isEqualTo("{\"msg\":\"Hello\"}");
    }

    @Test
    void replacesAnEarlierInjectedCellInPlaceKeepingItsId() {
        NotebookContent once = parameterizer.parameterize(python(code("p", "a = 1", "parameters"), code("c", "a")),
                parameters("{\"a\": 2}"), Options.defaults()).notebook();
        Parameterized twice = parameterizer.parameterize(once, parameters("{\"a\": 3}"), Options.defaults());
        assertThat(twice.notebook().cells()).extracting(Cell::id).containsExactly("p", "injected-parameters", "c");
        assertThat(twice.notebook().cells().get(1).source()).isEqualTo("# Parameters\na = 3\n");
        assertThat(twice.injectedIndex()).isEqualTo(1);
    }

    @Test
    void injectsAtTheTopWithAWarningWithoutParametersCell() {
        Parameterized result = parameterizer.parameterize(python(code("a", "x = 1")), parameters("{\"x\": 2}"),
                Options.defaults());
        assertThat(result.injectedIndex()).isZero();
        assertThat(result.notebook().cells()).extracting(Cell::id).containsExactly("injected-parameters", "a");
        assertThat(result.warnings()).containsExactly(Parameterizer.NO_PARAMETERS_CELL,
                "Passed unknown parameter: x");
    }

    @Test
    void warnsAboutParametersTheNotebookDoesNotDeclare() {
        Parameterized result = parameterizer.parameterize(python(code("p", "a = 1", "parameters")),
                parameters("{\"a\": 2, \"b\": 3}"), Options.defaults());
        assertThat(result.warnings()).containsExactly("Passed unknown parameter: b");
    }

    @Test
    void picksAFreeIdWhenACellAlreadyHasTheInjectedId() {
        Parameterized result = parameterizer.parameterize(python(code("injected-parameters", "x = 1", "parameters"),
                code("injected-parameters-1", "")), parameters("{\"x\": 2}"), Options.defaults());
        assertThat(result.notebook().cells()).extracting(Cell::id)
                .containsExactly("injected-parameters", "injected-parameters-2", "injected-parameters-1");
        new NotebookWriter().write(result.notebook()); // ids stay valid and unique
    }

    @Test
    void noParametersMeansNoInjectedCell() {
        NotebookContent notebook = python(code("p", "a = 1", "parameters"));
        Parameterized result = parameterizer.parameterize(notebook, parameters("{}"), Options.defaults());
        assertThat(result.injectedIndex()).isEqualTo(-1);
        assertThat(result.notebook()).isEqualTo(notebook);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void reportModeHidesEveryCodeCellReplacingItsJupyterMetadata() {
        Cell withJupyter = code("c", "x");
        ((ObjectNode) withJupyter.metadata()).putObject("jupyter").put("outputs_hidden", true);
        Parameterized result = parameterizer.parameterize(python(code("p", "a = 1", "parameters"), withJupyter,
                markdown("m", "text")), parameters("{\"a\": 2}"), Options.defaults().withReportMode(true));
        List<Cell> cells = result.notebook().cells();
        assertThat(cells.get(1).metadata().toString())
                .isEqualTo("{\"tags\":[\"injected-parameters\"],\"jupyter\":{\"source_hidden\":true}}");
        assertThat(cells.get(0).metadata().path("jupyter").toString()).isEqualTo("{\"source_hidden\":true}");
        // papermill replaces metadata.jupyter: outputs_hidden is lost, as it is there
        assertThat(cells.get(2).metadata().path("jupyter").toString()).isEqualTo("{\"source_hidden\":true}");
        assertThat(cells.get(3).metadata().has("jupyter")).isFalse();
    }

    @Test
    void leavesTheGivenNotebookAndValuesUntouched() {
        NotebookContent notebook = python(code("p", "a = 1", "parameters"));
        String before = notebook.toString();
        var values = parameters("{\"a\": {\"k\": [1]}}");
        NotebookContent result = parameterizer.parameterize(notebook, values, Options.defaults().withReportMode(true))
                .notebook();
        ((ObjectNode) result.metadata().path("papermill").path("parameters").path("a")).put("changed", true);
        assertThat(notebook.toString()).isEqualTo(before);
        assertThat(values.get("a").toString()).isEqualTo("{\"k\":[1]}");
    }

    @Test
    void theSameInputGivesTheSameNotebookFromManyThreads() throws Exception {
        NotebookContent notebook = python(code("p", "a = 1", "parameters"), code("c", "print(a)"));
        var values = parameters("{\"a\": \"secret\", \"b\": [1.5, null]}");
        byte[] expected = new NotebookWriter().write(parameterizer.parameterize(notebook, values,
                Options.defaults()).notebook());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                tasks.add(() -> new NotebookWriter().write(parameterizer.parameterize(notebook, values,
                        Options.defaults()).notebook()));
            }
            for (Future<byte[]> each : pool.invokeAll(tasks)) {
                assertThat(each.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theKernelAndLanguageCanBeOverridden() {
        Parameterized result = parameterizer.parameterize(python(code("p", "a = 1", "parameters")),
                parameters("{\"a\": true}"), Options.defaults().withKernel("ir", "R"));
        assertThat(result.notebook().cells().get(1).source()).isEqualTo("# Parameters\na = TRUE\n");
    }

    @Test
    void namesThatAreNotIdentifiersAreRefused() {
        assertThatThrownBy(() -> parameterizer.parameterize(python(code("p", "a = 1", "parameters")),
                parameters("{\"a b\": 1}"), Options.defaults()))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessageStartingWith("parameter: 'a b' is not a valid parameter name");
    }

    @Test
    void anUnsupportedLanguageIsRefused() {
        assertThatThrownBy(() -> parameterizer.parameterize(python(code("p", "a = 1", "parameters")),
                parameters("{\"a\": 1}"), Options.defaults().withKernel("cobol", "cobol")))
                .isInstanceOf(UnsupportedLanguageException.class)
                .hasMessageContaining("supported kernel names and languages are python, R,");
    }
}
