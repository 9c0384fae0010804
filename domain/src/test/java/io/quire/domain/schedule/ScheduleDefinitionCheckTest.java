package io.quire.domain.schedule;

import io.quire.domain.CommandRejectedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every field of a definition a user can get wrong, and the message that tells them what to do. */
class ScheduleDefinitionCheckTest {

    private static void rejected(ScheduleDefinition definition, String message) {
        assertThatThrownBy(() -> ScheduleDefinitionCheck.check(definition))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((CommandRejectedException) e).reason())
                        .isEqualTo(CommandRejectedException.Reason.INVALID));
    }

    private static ScheduleDefinition with(UnaryOperator<Object[]> change) {
        ScheduleDefinition d = Definitions.nightly();
        Object[] f = {d.notebookId(), d.name(), d.cron(), d.timeZone(), d.parameters(), d.kernelName(),
                d.versionPolicy(), d.misfirePolicy(), d.maxConcurrentRuns(), d.retries(), d.retryBackoff(),
                d.runTimeout(), d.cellTimeout()};
        f = change.apply(f);
        return new ScheduleDefinition((String) f[0], (String) f[1], (String) f[2], (ZoneId) f[3],
                (com.fasterxml.jackson.databind.node.ObjectNode) f[4], (String) f[5], (VersionPolicy) f[6],
                (MisfirePolicy) f[7], (Integer) f[8], (Integer) f[9], (Duration) f[10], (Duration) f[11],
                (Duration) f[12]);
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return f -> {
            f[index] = value;
            return f;
        };
    }

    @Test
    void acceptsAValidDefinitionAndOptionalFieldsLeftOut() {
        assertThatCode(() -> ScheduleDefinitionCheck.check(Definitions.nightly())).doesNotThrowAnyException();
        assertThatCode(() -> ScheduleDefinitionCheck.check(with(f -> {
            f[5] = "ir";
            f[9] = 0;
            f[10] = null;
            f[11] = null;
            f[12] = null;
            return f;
        }))).doesNotThrowAnyException();
        assertThatCode(() -> ScheduleDefinitionCheck.check(Definitions.withCron("0 15 10 ? * MON-FRI 2030")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesCronExpressionsQuartzCannotRead() {
        rejected(Definitions.withCron("61 * * * * ?"), "cron '61 * * * * ?' is not a valid Quartz cron expression: ");
        rejected(Definitions.withCron("* * * * *"), "is not a valid Quartz cron expression");
        rejected(Definitions.withCron("0 0 6 * * *"), "is not a valid Quartz cron expression");
        rejected(Definitions.withCron(" "), "needs a Quartz cron expression");
    }

    @Test
    void refusesEachMissingOrOutOfRangeField() {
        rejected(null, "needs a definition");
        rejected(with(set(0, " ")), "must name the notebook");
        rejected(with(set(1, "")), "needs a name");
        rejected(with(set(1, "x".repeat(201))), "needs a name of 1 to 200 characters");
        rejected(with(set(3, null)), "needs a time zone");
        rejected(with(set(4, null)), "parameters must be a JSON object");
        rejected(with(set(5, "  ")), "kernel name cannot be blank");
        rejected(with(set(6, null)), "needs a version policy");
        rejected(with(set(6, new VersionPolicy(VersionPolicy.Kind.PINNED, -1L))), "got -1");
        rejected(with(set(6, new VersionPolicy(VersionPolicy.Kind.LATEST, 3L))), "only meaningful with PINNED");
        rejected(with(set(7, null)), "misfire policy: SKIP or RUN_ONCE");
        rejected(with(set(8, 0)), "max concurrent runs is 0: it must be at least 1");
        rejected(with(set(9, -1)), "retries is -1");
        rejected(with(set(10, null)), "needs a retry backoff");
        rejected(with(set(10, Duration.ZERO)), "retry backoff is PT0S: it must be longer than zero");
        rejected(with(set(11, Duration.ofSeconds(-1))), "run timeout is PT-1S");
        rejected(with(set(12, Duration.ZERO)), "cell timeout is PT0S: it must be longer than zero (leave it out");
    }

    @Test
    void backoffDoublesWithEachAttempt() {
        ScheduleDefinition d = Definitions.withLimits(1, 5, Duration.ofSeconds(3), null);
        assertThat(d.backoffAfter(1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.backoffAfter(2)).isEqualTo(Duration.ofSeconds(6));
        assertThat(d.backoffAfter(4)).isEqualTo(Duration.ofSeconds(24));
    }
}
