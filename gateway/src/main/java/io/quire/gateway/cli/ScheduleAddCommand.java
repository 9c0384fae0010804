package io.quire.gateway.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.gateway.Quire;
import io.quire.gateway.schedules.NotebookSchedules;
import io.quire.gateway.schedules.SchedulePolicies;
import io.quire.projections.schedules.ScheduleView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "add", sortOptions = false,
        description = "Schedule a notebook: a Quartz cron (seconds minutes hours day-of-month month day-of-week"
                + " [year]), e.g. \"0 0 6 * * ?\" for 06:00 every day.")
final class ScheduleAddCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "The notebook's path in Quire.")
    String path;

    @Option(names = "--cron", required = true, paramLabel = "EXPRESSION", description = "When it runs (Quartz cron).")
    String cron;

    @Option(names = "--zone", paramLabel = "ZONE", description = "The time zone of the cron, e.g. Europe/Paris."
            + " Default: this machine's.")
    String zone;

    @Option(names = "--name", paramLabel = "NAME", description = "What to call it. Default: the notebook's path.")
    String name;

    @Option(names = {"-p", "--parameters"}, arity = "2", paramLabel = "NAME VALUE",
            description = "A parameter, typed as papermill types it.")
    List<String> typed;

    @Option(names = {"-r", "--parameters_raw"}, arity = "2", paramLabel = "NAME VALUE", description = "A string parameter.")
    List<String> raw;

    @Option(names = {"-y", "--parameters_yaml"}, paramLabel = "YAML", description = "Parameters as a YAML mapping.")
    List<String> yaml;

    @Option(names = {"-f", "--parameters_file"}, paramLabel = "FILE", description = "Parameters from a YAML or JSON file.")
    List<String> files;

    @Option(names = "--version", paramLabel = "POLICY", defaultValue = "latest",
            description = "Which version runs: latest (as it is at each run), latest-named (the latest checkpoint),"
                    + " or a version number. Default: ${DEFAULT-VALUE}.")
    String version;

    @Option(names = "--misfire", paramLabel = "POLICY", defaultValue = "run-once",
            description = "After downtime: run-once (one run for what was missed) or skip. Default: ${DEFAULT-VALUE}.")
    String misfire;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "1",
            description = "A firing while N runs are still going is skipped. Default: ${DEFAULT-VALUE}.")
    int maxConcurrent;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0", description = "Retries of a failed run.")
    int retries;

    @Option(names = "--backoff", paramLabel = "SECONDS", defaultValue = "60",
            description = "Wait before the first retry; doubled for each next one. Default: ${DEFAULT-VALUE}.")
    long backoff;

    @Option(names = "--run-timeout", paramLabel = "SECONDS", description = "Fail a run that takes longer.")
    Long runTimeout;

    @Option(names = {"--cell-timeout", "--execution-timeout"}, paramLabel = "SECONDS",
            description = "Fail a run whose cell takes longer.")
    Long cellTimeout;

    @Option(names = {"-k", "--kernel"}, paramLabel = "NAME", description = "The kernel. Default: the notebook's.")
    String kernel;

    @Mixin
    NodeOptions node;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        ParameterOrder.sources(spec.commandLine().getParseResult()).resolve().forEach(parameters::set);
        try (Quire quire = node.openForCommand()) {
            NotebookSchedules schedules = quire.schedules();
            ScheduleDefinition definition = new ScheduleDefinition(schedules.notebookIdOf(path),
                    name != null ? name : path, cron, zone(), parameters, kernel, SchedulePolicies.version(version), SchedulePolicies.misfire(misfire),
                    maxConcurrent, retries, Duration.ofSeconds(backoff), seconds(runTimeout), seconds(cellTimeout));
            ScheduleView created = schedules.create(definition, node.user());
            spec.commandLine().getOut().printf("schedule %s: %s runs %s at \"%s\" (%s)%n", created.scheduleId(),
                    definition.name(), path, cron, definition.timeZone());
            spec.commandLine().getOut().println("a serving Quire fires it (quire serve); its runs: quire runs --schedule "
                    + created.scheduleId());
        }
        return 0;
    }

    private ZoneId zone() {
        try {
            return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UserError("--zone " + zone + " is not a time zone: use a region like Europe/Paris or UTC");
        }
    }

    private static Duration seconds(Long value) {
        return value == null ? null : Duration.ofSeconds(value);
    }
}
