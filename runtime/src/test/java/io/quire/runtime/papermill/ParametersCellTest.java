package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.NotebookContent;
import io.quire.runtime.papermill.translator.UnsupportedLanguageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quire.runtime.papermill.Notebooks.code;
import static io.quire.runtime.papermill.Notebooks.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParametersCellTest {

    @Test
    void readsNamesTypesDefaultsAndHelp() {
        assertThat(ParametersCell.python("x = 1\ny: int = 2  # the y\nz = 'a#b' # type: str why\n"))
                .containsExactly(new DeclaredParameter("x", "None", "1", ""),
                        new DeclaredParameter("y", "int", "2", "the y"),
                        // papermill's regex takes the first '#' as the comment, even inside a string
                        new DeclaredParameter("z", "None", "'a", "b' # type: str why"));
    }

    @Test
    void joinsMultilineValuesAndSkipsLinesWithSeveralEquals() {
        assertThat(ParametersCell.python("d = {\n  'a': 1,  # one\n  'b': 2\n}  # a dict\nok = x == y\nlast = 3"))
                .containsExactly(new DeclaredParameter("d", "None", "{'a': 1,'b': 2}", "a dict"),
                        new DeclaredParameter("last", "None", "3", ""));
    }

    @Test
    void findsNothingInCodeWithoutAssignments() {
        assertThat(ParametersCell.python("")).isEmpty();
        assertThat(ParametersCell.python("print(1)\n# x = 1\n")).isEmpty();
        assertThat(ParametersCell.python("= 2\n")).isEmpty();
    }

    @Test
    void splitsLinesAsPython() {
        assertThat(ParametersCell.python("a = 1\r\nb = 2\rc = 3\u2028d = 4")).extracting(DeclaredParameter::name)
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void aNotebookWithoutParametersCellHasNothingToInfer() {
        ParameterInspection inspection = ParametersCell.inspect(python(code("a", "x = 1")), null, null);
        assertThat(inspection.parameters()).isEmpty();
        assertThat(inspection.notice()).startsWith(ParameterInspection.NOTHING_INFERRED);
    }

    @Test
    void theFirstTaggedCellIsRead() {
        NotebookContent notebook = python(code("a", "x = 1"), code("b", "y = 2", "parameters"),
                code("c", "z = 3", "parameters"));
        ParameterInspection inspection = ParametersCell.inspect(notebook, null, null);
        assertThat(inspection.parameters()).extracting(DeclaredParameter::name).containsExactly("y");
        assertThat(inspection.notice()).isNull();
    }

    @Test
    void otherLanguagesCannotBeInspected() {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.putObject("kernelspec").put("name", "julia-1.9").put("language", "julia");
        ParameterInspection inspection = ParametersCell.inspect(
                new NotebookContent(metadata, List.of(code("a", "x = 1", "parameters"))), null, null);
        assertThat(inspection.parameters()).isEmpty();
        assertThat(inspection.notice()).isEqualTo(ParameterInspection.NOTHING_INFERRED
                + " (papermill cannot inspect parameters written in julia, only in Python)");
        // ...but a language override makes it Python
        assertThat(ParametersCell.inspect(new NotebookContent(metadata, List.of(code("a", "x = 1", "parameters"))),
                "python3", "python").parameters()).hasSize(1);
    }

    @Test
    void anUnknownLanguageIsAnError() {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.putObject("kernelspec").put("name", "cobol").put("language", "cobol");
        assertThatThrownBy(() -> ParametersCell.inspect(
                new NotebookContent(metadata, List.of(code("a", "x = 1", "parameters"))), null, null))
                .isInstanceOf(UnsupportedLanguageException.class);
    }
}
