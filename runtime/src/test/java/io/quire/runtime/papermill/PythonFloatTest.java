package io.quire.runtime.papermill;

import io.quire.domain.nbformat.PythonFloat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PythonFloatTest {

    @Test
    void reprMatchesPython() {
        PythonOracle.require("struct");
        Random random = new Random(42);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.1, 1e16, 1e15, 123456789012345678.0, 1e-4,
                1e-5, 2.5e-308, Double.MIN_VALUE, Double.MAX_VALUE, 5e-324, 9007199254740993.0, 0.3, 2.0 / 3,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 100.0, 1234.5678));
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextBoolean() ? Double.longBitsToDouble(random.nextLong())
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(50) - 25));
        }
        StringBuilder bits = new StringBuilder();
        values.forEach(value -> bits.append(Long.toHexString(Double.doubleToRawLongBits(value))).append('\n'));
        List<String> python = PythonOracle.run("import sys, struct\nfor line in sys.stdin.read().split():\n"
                + "    print(repr(struct.unpack('>d', bytes.fromhex(line.zfill(16)))[0]))", bits.toString())
                .lines().toList();
        assertThat(python).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(PythonFloat.repr(values.get(i))).as("bits %s", Long.toHexString(
                    Double.doubleToRawLongBits(values.get(i)))).isEqualTo(python.get(i));
        }
    }
}
