package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "resume", mixinStandardHelpOptions = true, description = "Fire a paused schedule again, from its next fire time.")
final class ScheduleResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The schedule's id (quire schedule ls).")
    String scheduleId;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Quire quire = node.open(false)) {
            quire.schedules().resume(scheduleId, node.user());
        }
        spec.commandLine().getOut().println("schedule " + scheduleId + ": resumed");
        return 0;
    }
}
