package io.quire.gateway.cli;

import io.quire.runtime.kernel.KernelLaunchException;
import io.quire.runtime.output.NotebookStorageException;
import io.quire.runtime.papermill.InvalidParametersException;
import io.quire.runtime.papermill.translator.UnsupportedLanguageException;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.nbformat.InvalidNotebookException;
import io.quire.domain.store.EventDatabaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code quire} command line. Exit codes: 0 ok, 1 a user error (one line on stderr), 2 usage, 3 failure. */
@Command(name = "quire", mixinStandardHelpOptions = true, versionProvider = QuireVersion.class,
        description = "Quire: event-sourced notebooks. Every edit, run and version is an event.",
        subcommands = {ImportCommand.class, ExportCommand.class, HistoryCommand.class, ListCommand.class,
                MoveCommand.class, RemoveCommand.class, RestoreCommand.class, RebuildCommand.class, KernelsCommand.class, ExecuteCommand.class, RunCommand.class, RunsCommand.class, ScheduleCommand.class,
                ServeCommand.class,
                UserCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:a user error (the message says what to change)", "2:wrong usage",
                "3:Quire failed (details on stderr)"})
public final class QuireCli implements Runnable {

    static final int USER_ERROR = 1;
    static final int FAILURE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        try {
            System.exit(commandLine().execute(args));
        } catch (IllegalArgumentException e) {
            System.err.println("quire: " + e.getMessage());
            System.exit(USER_ERROR);
        }
    }

    /** The command line with Quire's error handling, for main and for tests. */
    public static CommandLine commandLine() {
        QuireDefaults defaults = QuireDefaults.load(System.getenv());
        CommandLine commandLine = new CommandLine(new QuireCli())
                .setExecutionExceptionHandler(QuireCli::handle)
                .setDefaultValueProvider(defaults);
        defaults.check(commandLine);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CommandRejectedException || e instanceof InvalidNotebookException
                || e instanceof UserError || e instanceof EventDatabaseException
                || e instanceof IllegalArgumentException || e instanceof InvalidParametersException
                || e instanceof NotebookStorageException || e instanceof KernelLaunchException
                || e instanceof UnsupportedLanguageException) {
            err.println("quire: " + e.getMessage());
            return USER_ERROR;
        }
        err.println("quire: failed: " + e);
        e.printStackTrace(err);
        return FAILURE;
    }
}
