package io.quire.gateway.http.kernels;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JupyterTimeTest {

    @Test
    void writesMicrosecondsAndZAsPythonsIsoformatDoes() {
        assertThat(JupyterTime.format(Instant.parse("2024-05-01T12:00:00.123456789Z")))
                .isEqualTo("2024-05-01T12:00:00.123456Z");
        assertThat(JupyterTime.format(Instant.parse("2024-05-01T12:00:00.1Z"))).isEqualTo("2024-05-01T12:00:00.100000Z");
    }

    @Test
    void leavesTheFractionOutWhenItIsZero() {
        assertThat(JupyterTime.format(Instant.parse("2024-05-01T12:00:00Z"))).isEqualTo("2024-05-01T12:00:00Z");
    }
}
