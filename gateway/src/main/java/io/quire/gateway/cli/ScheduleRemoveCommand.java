package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a schedule (its runs stay in the history).")
final class ScheduleRemoveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The schedule's id (quire schedule ls).")
    String scheduleId;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Quire quire = node.open(false)) {
            quire.schedules().delete(scheduleId, node.user());
        }
        spec.commandLine().getOut().println("schedule " + scheduleId + ": deleted");
        return 0;
    }
}
