package io.quire.domain.schedule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.ZoneId;

/** Schedule definitions for tests: a valid one, and copies with one field changed. */
final class Definitions {

    private Definitions() {
    }

    static ScheduleDefinition nightly() {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("region", "emea").put("limit", 10);
        return new ScheduleDefinition("nb-1", "nightly report", "0 0 6 * * ?", ZoneId.of("Europe/Paris"), parameters,
                null, VersionPolicy.latestNamed(), MisfirePolicy.RUN_ONCE, 1, 2, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofMinutes(10));
    }

    static ScheduleDefinition withCron(String cron) {
        ScheduleDefinition d = nightly();
        return new ScheduleDefinition(d.notebookId(), d.name(), cron, d.timeZone(), d.parameters(), d.kernelName(),
                d.versionPolicy(), d.misfirePolicy(), d.maxConcurrentRuns(), d.retries(), d.retryBackoff(),
                d.runTimeout(), d.cellTimeout());
    }

    static ScheduleDefinition withLimits(int maxConcurrentRuns, int retries, Duration backoff, Duration runTimeout) {
        ScheduleDefinition d = nightly();
        return new ScheduleDefinition(d.notebookId(), d.name(), d.cron(), d.timeZone(), d.parameters(),
                d.kernelName(), d.versionPolicy(), d.misfirePolicy(), maxConcurrentRuns, retries, backoff, runTimeout,
                d.cellTimeout());
    }

    static ScheduleDefinition withVersionPolicy(VersionPolicy policy) {
        ScheduleDefinition d = nightly();
        return new ScheduleDefinition(d.notebookId(), d.name(), d.cron(), d.timeZone(), d.parameters(),
                d.kernelName(), policy, d.misfirePolicy(), d.maxConcurrentRuns(), d.retries(), d.retryBackoff(),
                d.runTimeout(), d.cellTimeout());
    }
}
