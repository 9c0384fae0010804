package io.quire.domain.schedule;

import io.quire.domain.CommandRejectedException;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;

/**
 * Checks a {@link ScheduleDefinition} a user sent, rejecting it with a message that says what to change.
 * Runs in command handlers only: stored events are never checked again, so tightening a rule never breaks replay.
 */
public final class ScheduleDefinitionCheck {

    private static final int MAX_NAME = 200;

    private ScheduleDefinitionCheck() {
    }

    /**
     * @throws CommandRejectedException (INVALID) naming the first field that is wrong
     */
    public static void check(ScheduleDefinition definition) {
        if (definition == null) {
            throw CommandRejectedException.invalid("a schedule needs a definition: notebook, name, cron, time zone");
        }
        if (definition.notebookId() == null || definition.notebookId().isBlank()) {
            throw CommandRejectedException.invalid("a schedule must name the notebook it runs");
        }
        if (definition.name() == null || definition.name().isBlank() || definition.name().length() > MAX_NAME) {
            throw CommandRejectedException.invalid("a schedule needs a name of 1 to " + MAX_NAME + " characters");
        }
        checkCron(definition.cron());
        if (definition.timeZone() == null) {
            throw CommandRejectedException.invalid("a schedule needs a time zone, e.g. 'UTC' or 'Europe/Paris'");
        }
        if (definition.parameters() == null) {
            throw CommandRejectedException.invalid("parameters must be a JSON object ({} for none)");
        }
        if (definition.kernelName() != null && definition.kernelName().isBlank()) {
            throw CommandRejectedException.invalid("a kernel name cannot be blank: leave it out to use the notebook's");
        }
        checkVersionPolicy(definition.versionPolicy());
        if (definition.misfirePolicy() == null) {
            throw CommandRejectedException.invalid("a schedule needs a misfire policy: SKIP or RUN_ONCE");
        }
        if (definition.maxConcurrentRuns() < 1) {
            throw CommandRejectedException.invalid("max concurrent runs is " + definition.maxConcurrentRuns()
                    + ": it must be at least 1");
        }
        if (definition.retries() < 0) {
            throw CommandRejectedException.invalid("retries is " + definition.retries() + ": use 0 for no retries");
        }
        requirePositive("retry backoff", definition.retryBackoff(), definition.retries() == 0);
        requirePositive("run timeout", definition.runTimeout(), true);
        requirePositive("cell timeout", definition.cellTimeout(), true);
    }

    /**
     * @throws CommandRejectedException (INVALID) when {@code cron} is not a Quartz cron expression, with Quartz's
     *                                  reason
     */
    public static void checkCron(String cron) {
        if (cron == null || cron.isBlank()) {
            throw CommandRejectedException.invalid("a schedule needs a Quartz cron expression, e.g. '0 0 6 * * ?'"
                    + " for 06:00 every day");
        }
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            throw CommandRejectedException.invalid("cron '" + cron + "' is not a valid Quartz cron expression: "
                    + e.getMessage() + " (fields: seconds minutes hours day-of-month month day-of-week [year],"
                    + " e.g. '0 0 6 * * ?')");
        }
    }

    private static void checkVersionPolicy(VersionPolicy policy) {
        if (policy == null || policy.kind() == null) {
            throw CommandRejectedException.invalid("a schedule needs a version policy: PINNED (with a version),"
                    + " LATEST_NAMED or LATEST");
        }
        boolean pinned = policy.kind() == VersionPolicy.Kind.PINNED;
        if (pinned && (policy.version() == null || policy.version() < 0)) {
            throw CommandRejectedException.invalid("a pinned version policy needs the version to run (0 or more),"
                    + " got " + policy.version());
        }
        if (!pinned && policy.version() != null) {
            throw CommandRejectedException.invalid("version " + policy.version() + " is only meaningful with"
                    + " PINNED, not " + policy.kind());
        }
    }

    private static void requirePositive(String what, Duration value, boolean optional) {
        if (value == null) {
            if (!optional) {
                throw CommandRejectedException.invalid("a schedule needs a " + what + ", e.g. PT1M");
            }
            return;
        }
        if (value.isNegative() || value.isZero()) {
            throw CommandRejectedException.invalid(what + " is " + value + ": it must be longer than zero"
                    + (optional ? " (leave it out for no limit)" : ""));
        }
    }
}
