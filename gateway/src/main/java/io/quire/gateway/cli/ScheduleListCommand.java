package io.quire.gateway.cli;

import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.gateway.Quire;
import io.quire.projections.schedules.ScheduleView;
import org.quartz.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;

@Command(name = "ls", mixinStandardHelpOptions = true, description = "List the schedules and when each runs next.")
final class ScheduleListCommand implements Callable<Integer> {

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ScheduleView> schedules;
        try (Quire quire = node.openForCommand()) {
            schedules = quire.schedules().all();
        }
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-36s  %-24s  %-20s  %-20s  %-7s  %s%n";
        out.printf(format, "SCHEDULE", "NAME", "CRON", "ZONE", "STATE", "NEXT");
        for (ScheduleView schedule : schedules) {
            ScheduleDefinition definition = schedule.definition();
            out.printf(format, schedule.scheduleId(), definition.name(), definition.cron(), definition.timeZone(),
                    schedule.paused() ? "paused" : "active", schedule.paused() ? "" : next(definition));
        }
        out.flush();
        return 0;
    }

    private static String next(ScheduleDefinition definition) {
        try {
            CronExpression cron = new CronExpression(definition.cron());
            cron.setTimeZone(TimeZone.getTimeZone(definition.timeZone()));
            Date next = cron.getNextValidTimeAfter(new Date());
            return next == null ? "never" : next.toInstant().toString();
        } catch (ParseException e) {
            return "?";
        }
    }
}
