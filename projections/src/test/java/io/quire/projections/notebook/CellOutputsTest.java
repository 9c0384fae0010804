package io.quire.projections.notebook;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CellOutputsTest {

    @Test
    void carriageReturnsHideWhatCameBeforeThemOnTheirLineAsJupytersRegexDoes() {
        Random random = new Random(11);
        char[] alphabet = {'a', 'b', '\r', '\n', '\b'};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String sample = text.toString();
            assertThat(CellOutputs.removeOverwritten(sample)).as("%s", sample.chars().boxed().toList())
                    .isEqualTo(sample.replaceAll("[^\\n]*\\r(?=[^\\n])", ""));
        }
    }

    @Test
    void progressBarsKeepTheirLastState() {
        assertThat(CellOutputs.coalesce("10%\r50%\r100%\ndone\r")).isEqualTo("100%\ndone\r");
        assertThat(CellOutputs.coalesce("ab\bc\n")).isEqualTo("ac\n");
    }
}
