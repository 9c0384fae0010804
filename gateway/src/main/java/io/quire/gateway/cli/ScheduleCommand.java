package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.schedules.NotebookSchedules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.function.BiConsumer;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Run notebooks on a cron. Schedules are recorded as events; a serving Quire (quire serve)"
                + " fires them, each run pinned to the version the schedule's policy picks, on a fresh kernel.",
                "Their runs: quire runs --schedule ID."},
        subcommands = {ScheduleAddCommand.class, ScheduleListCommand.class})
final class ScheduleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: add, ls, pause, resume or rm");
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Stop firing a schedule until it is resumed.")
    int pause(@Parameters(paramLabel = "ID", description = "The schedule's id (quire schedule ls).") String id,
              @Mixin NodeOptions node) {
        return change(id, node, "paused", (schedules, user) -> schedules.pause(id, user));
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Fire a paused schedule again, from its next fire time.")
    int resume(@Parameters(paramLabel = "ID", description = "The schedule's id (quire schedule ls).") String id,
               @Mixin NodeOptions node) {
        return change(id, node, "resumed", (schedules, user) -> schedules.resume(id, user));
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = "Delete a schedule (its runs stay in the history).")
    int remove(@Parameters(paramLabel = "ID", description = "The schedule's id (quire schedule ls).") String id,
               @Mixin NodeOptions node) {
        return change(id, node, "deleted", (schedules, user) -> schedules.delete(id, user));
    }

    private int change(String id, NodeOptions node, String done, BiConsumer<NotebookSchedules, String> change) {
        try (Quire quire = node.openForCommand()) {
            change.accept(quire.schedules(), node.user());
        }
        spec.commandLine().getOut().println("schedule " + id + ": " + done);
        return 0;
    }
}
