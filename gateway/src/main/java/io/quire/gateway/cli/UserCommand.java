package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the users who may call the server.",
        subcommands = {UserCommand.Add.class, UserCommand.List.class})
final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: add or ls");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user and print their new token (shown once: keep it).")
    static final class Add implements Runnable {
        @Parameters(paramLabel = "NAME", description = "The user's name, recorded in every event they cause.")
        String name;

        @Mixin
        NodeOptions node;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Quire quire = node.open(false)) {
                spec.commandLine().getOut().println(quire.users().add(name));
            }
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List the users.")
    static final class List implements Runnable {
        @Mixin
        NodeOptions node;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Quire quire = node.open(false)) {
                quire.users().all().forEach(spec.commandLine().getOut()::println);
            }
        }
    }
}
