package io.quire.runtime.papermill;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times as papermill writes them: {@code datetime.utcnow().isoformat()}, i.e. UTC without an offset, to the
 * microsecond, the fraction left out when it is zero ({@code 2024-05-01T10:00:00.123456},
 * {@code 2024-05-01T10:00:00}); durations as {@code timedelta.total_seconds()}, a float.
 */
final class PapermillTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private PapermillTime() {
    }

    static String isoformat(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        int micros = time.getNano() / 1000;
        return SECONDS.format(time) + (micros == 0 ? "" : String.format(".%06d", micros));
    }

    /** Seconds from {@code start} to {@code end}, both at papermill's microsecond resolution. */
    static double seconds(Instant start, Instant end) {
        long micros = ChronoUnit.MICROS.between(start.truncatedTo(ChronoUnit.MICROS),
                end.truncatedTo(ChronoUnit.MICROS));
        return micros / 1e6;
    }

    /** A time papermill wrote, or null when it is not one (a hand-edited notebook). */
    static Instant parse(String isoformat) {
        try {
            return LocalDateTime.parse(isoformat, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
