package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.users.User;
import io.quire.gateway.users.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the users who may call the server.",
        subcommands = {UserCommand.Add.class, UserCommand.List.class, UserCommand.ChangeWorkspaces.class})
final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: add, ls or workspaces");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user and print their new token (shown once: keep it).")
    static final class Add implements Runnable {
        @Parameters(paramLabel = "NAME", description = "The user's name, recorded in every event they cause.")
        String name;

        @Option(names = "--workspace", paramLabel = "FOLDER", description = "Limit the user to this folder of the"
                + " contents tree (repeat for several); without any, the user may use everything.")
        java.util.List<String> workspaces = new ArrayList<>();

        @Mixin
        NodeOptions node;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Quire quire = node.openForCommand()) {
                spec.commandLine().getOut().println(quire.users().add(name, Workspaces.of(workspaces)));
            }
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true,
            description = "List the users, each with the workspaces they are limited to (or 'everything').")
    static final class List implements Runnable {
        @Mixin
        NodeOptions node;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Quire quire = node.openForCommand()) {
                for (User user : quire.users().everyone()) {
                    spec.commandLine().getOut().println(user.name() + "\t" + user.workspaces());
                }
            }
        }
    }

    @Command(name = "workspaces", mixinStandardHelpOptions = true,
            description = "Show or change the folders a user is limited to; prints them afterwards. A user with no"
                    + " workspace left may use everything.")
    static final class ChangeWorkspaces implements Runnable {
        @Parameters(paramLabel = "NAME", description = "The user.")
        String name;

        @Option(names = "--add", paramLabel = "FOLDER", description = "Add this folder (repeatable).")
        java.util.List<String> added = new ArrayList<>();

        @Option(names = "--remove", paramLabel = "FOLDER", description = "Remove this folder (repeatable).")
        java.util.List<String> removed = new ArrayList<>();

        @Mixin
        NodeOptions node;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Quire quire = node.openForCommand()) {
                User user = quire.users().find(name).orElseThrow(() -> new UserError("there is no user named " + name
                        + ": `quire user ls` lists them, `quire user add " + name + "` adds one"));
                Workspaces changed = user.workspaces().change(added, removed);
                if (!added.isEmpty() || !removed.isEmpty()) {
                    quire.users().limit(name, changed);
                }
                spec.commandLine().getOut().println(changed);
            }
        }
    }
}
