package io.quire.runtime.papermill;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quire.runtime.papermill.Notebooks.parameters;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictParametersTest {

    private static final List<DeclaredParameter> DECLARED = ParametersCell.python(String.join("\n",
            "msg = None",
            "a: float = 2.25 # Variable a",
            "b = ['Hello', 'World'] # type: List[str] Nice list",
            "c: \"NoneType\" = None",
            "n = 3",
            "s = 'text'",
            "flag = False",
            "conf = {'k': 1}",
            "o: Optional[int] = None",
            "u: Union[int, str] = 1",
            "p: Path = Path('x')",
            "e = compute(1)",
            "x = 1.5"));

    @Test
    void valuesOfTheDeclaredTypesPass() {
        assertThatCode(() -> StrictParameters.check(DECLARED, parameters("{\"msg\": {\"any\": [1]}, \"a\": 3,"
                + " \"b\": [\"x\"], \"c\": \"anything\", \"n\": -1, \"s\": \"t\", \"flag\": true, \"conf\": {},"
                + " \"o\": null, \"u\": \"s\", \"p\": \"/tmp\", \"e\": [1], \"x\": 2}"))).doesNotThrowAnyException();
        assertThatCode(() -> StrictParameters.check(DECLARED, parameters("{\"o\": 5, \"u\": 7, \"a\": 1.5}")))
                .doesNotThrowAnyException();
    }

    @Test
    void everyProblemIsListedInOneMessage() {
        assertThatThrownBy(() -> StrictParameters.check(DECLARED, parameters("{\"nope\": 1, \"a\": \"2.5\","
                + " \"n\": 1.5, \"flag\": 1, \"b\": {}, \"o\": \"x\", \"s\": null}")))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessage("the parameters do not match the notebook's parameters cell (strict mode):"
                        + " unknown parameter 'nope': the notebook declares msg, a, b, c, n, s, flag, conf, o, u, p, e,"
                        + " x; parameter 'a' takes int or float (declared float with default 2.25) but was given str"
                        + " \"2.5\"; parameter 'n' takes int (declared with default 3) but was given float 1.5;"
                        + " parameter 'flag' takes bool (declared with default False) but was given int 1;"
                        + " parameter 'b' takes list (declared List[str] with default ['Hello', 'World']) but was"
                        + " given dict {}; parameter 'o' takes None or int (declared Optional[int] with default None)"
                        + " but was given str \"x\"; parameter 's' takes str (declared with default 'text') but was"
                        + " given None null. Fix the parameters, declare them in the notebook, or run without"
                        + " strict mode.");
    }

    @Test
    void aNotebookDeclaringNothingRefusesEveryParameter() {
        assertThatThrownBy(() -> StrictParameters.check(List.of(), parameters("{\"a\": 1}")))
                .hasMessageContaining("unknown parameter 'a': the notebook declares none");
        assertThatCode(() -> StrictParameters.check(List.of(), parameters("{}"))).doesNotThrowAnyException();
    }
}
