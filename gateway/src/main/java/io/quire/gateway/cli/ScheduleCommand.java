package io.quire.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Run notebooks on a cron. Schedules are recorded as events; a serving Quire (quire serve)"
                + " fires them, each run pinned to the version the schedule's policy picks, on a fresh kernel.",
                "Their runs: quire runs --schedule ID."},
        subcommands = {ScheduleAddCommand.class, ScheduleListCommand.class, SchedulePauseCommand.class,
                ScheduleResumeCommand.class, ScheduleRemoveCommand.class})
final class ScheduleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: add, ls, pause, resume or rm");
    }
}
