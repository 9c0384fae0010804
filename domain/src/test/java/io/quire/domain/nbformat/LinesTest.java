package io.quire.domain.nbformat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines are split as Python's {@code str.splitlines(keepends=True)} splits them (expectations from Python 3.11). */
class LinesTest {

    @Test
    void eachLineKeepsItsLineBreak() {
        assertThat(Lines.split("a\nb\n")).containsExactly("a\n", "b\n");
        assertThat(Lines.split("a\nb")).containsExactly("a\n", "b");
        assertThat(Lines.split("\n\n")).containsExactly("\n", "\n");
    }

    @Test
    void emptyTextHasNoLines() {
        assertThat(Lines.split("")).isEmpty();
    }

    @Test
    void crlfIsOneLineBreakAndALoneCrIsAnother() {
        assertThat(Lines.split("a\r\nb\rc\n\rd")).containsExactly("a\r\n", "b\r", "c\n", "\r", "d");
    }

    @Test
    void pythonAlsoBreaksAtControlAndUnicodeSeparators() {
        assertThat(Lines.split("a\u000bb\fc\u001cd\u001de\u001ef\u0085g\u2028h\u2029i"))
                .containsExactly("a\u000b", "b\f", "c\u001c", "d\u001d", "e\u001e", "f\u0085", "g\u2028", "h\u2029",
                        "i");
    }

    @Test
    void otherControlCharactersDoNotBreakLines() {
        String text = "tab\there\u0000nul\u001fus\u007fdel";

        assertThat(Lines.split(text)).containsExactly(text);
    }
}
