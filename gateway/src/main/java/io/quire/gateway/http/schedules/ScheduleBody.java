package io.quire.gateway.http.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.StrictBody;
import io.quire.gateway.schedules.SchedulePolicies;
import io.vertx.core.buffer.Buffer;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * The body of {@code POST /quire/api/schedules} and {@code PUT /quire/api/schedules/{id}}: a whole schedule
 * definition, read strictly (unknown fields, wrong types and duplicate keys are 400s naming the field).
 */
record ScheduleBody(String notebook, String name, String cron, ZoneId timeZone, ObjectNode parameters, String kernel,
                    String version, String misfire, int maxConcurrentRuns, int retries, Duration retryBackoff,
                    Duration runTimeout, Duration cellTimeout) {

    private static final String EXAMPLE = "{\"notebook\": \"reports/daily.ipynb\", \"cron\": \"0 0 6 * * ?\","
            + " \"timeZone\": \"Europe/Paris\", \"parameters\": {\"region\": \"emea\"}}";
    private static final Set<String> FIELDS = Set.of("notebook", "name", "cron", "timeZone", "parameters", "kernel",
            "version", "misfire", "maxConcurrentRuns", "retries", "retryBackoffSeconds", "runTimeoutSeconds",
            "cellTimeoutSeconds");

    /** @throws HttpException 400 saying what is wrong with the body */
    static ScheduleBody parse(Buffer body) {
        ObjectNode object = StrictBody.object(body, EXAMPLE);
        StrictBody.onlyFields(object, FIELDS, "a schedule");
        String notebook = required(object, "notebook", "the notebook's path in Quire, e.g. reports/daily.ipynb");
        String cron = required(object, "cron", "a Quartz cron expression, e.g. \"0 0 6 * * ?\" for 06:00 daily");
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        StrictBody.values(object, "parameters").forEach(parameters::set);
        Duration backoff = StrictBody.seconds(object, "retryBackoffSeconds");
        return new ScheduleBody(notebook, StrictBody.text(object, "name"), cron, zone(object), parameters,
                StrictBody.text(object, "kernel"), StrictBody.text(object, "version"),
                StrictBody.text(object, "misfire"), count(object, "maxConcurrentRuns", 1, 1),
                count(object, "retries", 0, 0), backoff == null ? Duration.ofSeconds(60) : backoff,
                StrictBody.seconds(object, "runTimeoutSeconds"), StrictBody.seconds(object, "cellTimeoutSeconds"));
    }

    /** The definition, for the notebook with id {@code notebookId}; 400 for a policy Quire does not know. */
    ScheduleDefinition definition(String notebookId) {
        try {
            return new ScheduleDefinition(notebookId, name != null ? name : notebook, cron, timeZone, parameters,
                    kernel, SchedulePolicies.version(version), SchedulePolicies.misfire(misfire), maxConcurrentRuns,
                    retries, retryBackoff, runTimeout, cellTimeout);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest(e.getMessage());
        }
    }

    private static String required(ObjectNode object, String field, String what) {
        String value = StrictBody.text(object, field);
        if (value == null) {
            throw HttpException.badRequest("'" + field + "' is required: " + what);
        }
        return value;
    }

    private static ZoneId zone(ObjectNode object) {
        String zone = StrictBody.text(object, "timeZone");
        if (zone == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw HttpException.badRequest("'timeZone' " + zone + " is not a time zone: use a region like"
                    + " Europe/Paris, or UTC");
        }
    }

    private static int count(ObjectNode object, String field, int least, int absent) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < least) {
            throw HttpException.badRequest("'" + field + "' must be a whole number, " + least + " or more, not "
                    + StrictBody.kind(value));
        }
        return value.intValue();
    }
}
