package io.quire.gateway.http.schedules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.gateway.schedules.SchedulePolicies;
import io.quire.projections.schedules.ScheduleView;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;

/** Schedules as Quire's API shows them: camelCase, durations in seconds, instants in ISO-8601. */
final class ScheduleJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScheduleJson() {
    }

    static String self(String scheduleId) {
        return "/quire/api/schedules/" + scheduleId;
    }

    /** @param pathOf the notebook's current path, or null when it is gone */
    static ObjectNode schedule(ScheduleView view, Function<String, String> pathOf) {
        ScheduleDefinition definition = view.definition();
        ObjectNode json = NODES.objectNode();
        json.put("id", view.scheduleId());
        json.put("name", definition.name());
        json.put("notebookId", definition.notebookId());
        json.put("notebook", pathOf.apply(definition.notebookId()));
        json.put("cron", definition.cron());
        json.put("timeZone", definition.timeZone().getId());
        json.set("parameters", definition.parameters() == null ? NODES.objectNode() : definition.parameters());
        json.put("kernel", definition.kernelName());
        json.put("version", SchedulePolicies.describe(definition.versionPolicy()));
        json.put("misfire", SchedulePolicies.describe(definition.misfirePolicy()));
        json.put("maxConcurrentRuns", definition.maxConcurrentRuns());
        json.put("retries", definition.retries());
        seconds(json, "retryBackoffSeconds", definition.retryBackoff());
        seconds(json, "runTimeoutSeconds", definition.runTimeout());
        seconds(json, "cellTimeoutSeconds", definition.cellTimeout());
        json.put("paused", view.paused());
        json.put("nextFireTime", view.paused() ? null : next(definition));
        json.put("createdBy", view.createdBy());
        json.put("createdAt", instant(view.createdAt()));
        json.put("updatedBy", view.updatedBy());
        json.put("updatedAt", instant(view.updatedAt()));
        ObjectNode links = json.putObject("links");
        links.put("self", self(view.scheduleId()));
        links.put("runs", "/quire/api/runs?schedule=" + view.scheduleId());
        return json;
    }

    static ArrayNode schedules(List<ScheduleView> views, Function<String, String> pathOf) {
        ArrayNode array = NODES.arrayNode();
        views.forEach(view -> array.add(schedule(view, pathOf)));
        return array;
    }

    private static void seconds(ObjectNode json, String field, Duration duration) {
        if (duration == null) {
            json.putNull(field);
        } else {
            json.put(field, duration.toMillis() / 1000.0);
        }
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String next(ScheduleDefinition definition) {
        try {
            CronExpression cron = new CronExpression(definition.cron());
            cron.setTimeZone(TimeZone.getTimeZone(definition.timeZone()));
            Date next = cron.getNextValidTimeAfter(new Date());
            return next == null ? null : next.toInstant().toString();
        } catch (ParseException e) {
            return null;
        }
    }
}
