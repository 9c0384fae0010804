package io.quire.gateway.http.kernels;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times as Jupyter Server writes them: Python's {@code isoformat()} in UTC with {@code Z}, to the microsecond. */
public final class JupyterTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private JupyterTime() {
    }

    /** e.g. {@code 2024-05-01T12:00:00.123456Z}; without a fraction when it is zero, as Python. */
    public static String format(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        int fraction = micros.getNano() / 1000;
        return SECONDS.format(micros) + (fraction == 0 ? "" : String.format(".%06d", fraction)) + "Z";
    }
}
