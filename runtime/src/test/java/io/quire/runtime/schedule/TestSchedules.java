package io.quire.runtime.schedule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.VersionPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Definitions and cron expressions for the trigger tests. */
final class TestSchedules {

    static final String EVERY_SECOND = "* * * * * ?";

    private TestSchedules() {
    }

    static ScheduleDefinition definition(String cron, MisfirePolicy misfire, int maxConcurrentRuns, int retries,
                                         Duration backoff) {
        return new ScheduleDefinition("nb-1", "report " + cron, cron, ZoneOffset.UTC,
                JsonNodeFactory.instance.objectNode().put("region", "emea"), null, VersionPolicy.latest(), misfire,
                maxConcurrentRuns, retries, backoff, Duration.ofMinutes(5), null);
    }

    static ScheduleDefinition everySecond() {
        return definition(EVERY_SECOND, MisfirePolicy.SKIP, 10, 0, null);
    }

    /** A Quartz cron expression that fires once, at {@code instant} (whole seconds, UTC). */
    static String onceAt(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " "
                + t.getMonthValue() + " ? " + t.getYear();
    }

    /** The whole second at least {@code ahead} from now. */
    static Instant wholeSecondAfter(Duration ahead) {
        return Instant.now().plus(ahead).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
