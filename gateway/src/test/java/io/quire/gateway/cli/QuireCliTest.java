package io.quire.gateway.cli;

import org.axonframework.modelling.command.AbstractRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user drives it: real files, a real embedded store, exit codes and messages. */
class QuireCliTest {

    static final Path CORPUS = Path.of("..", "..", "shared", "corpus", "papermill").toAbsolutePath().normalize();

    @TempDir
    Path data;
    @TempDir
    Path work;

    record Run(int exitCode, String out, String err) {
    }

    Run quire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = QuireCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] withData = new String[args.length + 2];
        System.arraycopy(args, 0, withData, 0, args.length);
        withData[args.length] = "--data";
        withData[args.length + 1] = data.toString();
        int exitCode = args.length == 0 || args[0].startsWith("-") ? commandLine.execute(args)
                : commandLine.execute(withData);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void importedNotebookExportsAndListsAndHasAHistory() throws IOException {
        Path source = CORPUS.resolve("simple_execute.ipynb");
        assertThat(quire("import", source.toString(), "--as", "runs/simple.ipynb", "--user", "ann").exitCode()).isZero();

        Run ls = quire("ls");
        assertThat(ls.exitCode()).isZero();
        assertThat(ls.out()).isEqualTo("runs/simple.ipynb\n");

        Path exported = work.resolve("out.ipynb");
        assertThat(quire("export", "runs/simple.ipynb", "-o", exported.toString()).exitCode()).isZero();
        String json = Files.readString(exported);
        assertThat(json).contains("\"nbformat\": 4").contains("\"nbformat_minor\": 5").endsWith("}\n");

        Run history = quire("history", "runs/simple.ipynb");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).contains("VERSION").contains("ann").contains("imported runs/simple.ipynb");
    }

    @Test
    void malformedNotebookIsRefusedWithAMessageAndNothingIsStored() throws IOException {
        Path broken = work.resolve("broken.ipynb");
        Files.writeString(broken, "{\"cells\": [", StandardCharsets.UTF_8);
        Run run = quire("import", broken.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("quire: ").contains("broken.ipynb");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(quire("ls").out()).isEmpty();
    }

    @Test
    void importingOverAnExistingPathIsRefused() {
        String source = CORPUS.resolve("simple_execute.ipynb").toString();
        assertThat(quire("import", source, "--as", "a.ipynb").exitCode()).isZero();
        Run again = quire("import", source, "--as", "a.ipynb");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists at a.ipynb");
    }

    @Test
    void aPathCannotBeANotebookAndAFolder() {
        String source = CORPUS.resolve("simple_execute.ipynb").toString();
        assertThat(quire("import", source, "--as", "reports/a.ipynb").exitCode()).isZero();

        Run overFolder = quire("import", source, "--as", "reports");
        assertThat(overFolder.exitCode()).isEqualTo(1);
        assertThat(overFolder.err()).isEqualTo("quire: reports is a folder of notebooks (reports/a.ipynb):"
                + " choose another path\n");
        Run insideNotebook = quire("import", source, "--as", "reports/a.ipynb/b.ipynb");
        assertThat(insideNotebook.exitCode()).isEqualTo(1);
        assertThat(insideNotebook.err()).contains("would be inside reports/a.ipynb, which is a notebook");
        // A sibling whose name merely starts the same, or holds LIKE's wildcards, is no collision.
        assertThat(quire("import", source, "--as", "reports/a.ipynb2").exitCode()).isZero();
        assertThat(quire("import", source, "--as", "r_ports").exitCode()).isZero();
        assertThat(quire("ls").out()).isEqualTo("r_ports\nreports/a.ipynb\nreports/a.ipynb2\n");
    }

    @Test
    void aDeletedNotebookIsListedAndRestoredWithItsHistory() {
        String source = CORPUS.resolve("simple_execute.ipynb").toString();
        assertThat(quire("import", source, "--as", "a.ipynb", "--user", "ann").exitCode()).isZero();
        Run rm = quire("rm", "a.ipynb", "--user", "bob");
        assertThat(rm.exitCode()).as(rm.err()).isZero();
        assertThat(rm.out()).isEqualTo("deleted a.ipynb (quire restore a.ipynb brings it back)\n");
        assertThat(quire("ls").out()).isEmpty();
        assertThat(quire("history", "a.ipynb").err()).isEqualTo("quire: no notebook at a.ipynb (quire ls lists them)\n");

        Run deleted = quire("ls", "--deleted");
        assertThat(deleted.out().lines().toList()).hasSize(2);
        assertThat(deleted.out().lines().toList().get(0)).matches("PATH +DELETED +WHO");
        assertThat(deleted.out().lines().toList().get(1)).matches("a\\.ipynb +\\d{4}-\\d\\d-\\d\\dT\\S+Z +bob");

        // Another notebook took the path meanwhile: the deleted one comes back elsewhere, if asked.
        assertThat(quire("import", source, "--as", "a.ipynb").exitCode()).isZero();
        Run taken = quire("restore", "a.ipynb");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).isEqualTo("quire: a notebook already exists at a.ipynb: restore the deleted one under"
                + " another path (quire restore a.ipynb --as NEW_PATH)\n");
        Run restored = quire("restore", "a.ipynb", "--as", "old/a.ipynb", "--user", "cy");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).isEqualTo("restored a.ipynb as old/a.ipynb\n");

        assertThat(quire("ls").out()).isEqualTo("a.ipynb\nold/a.ipynb\n");
        assertThat(quire("ls", "--deleted").out()).isEqualTo("PATH  DELETED                   WHO\n");
        assertThat(quire("history", "old/a.ipynb").out())
                .contains("ann  imported a.ipynb").contains("bob  deleted a.ipynb").contains("cy   restored old/a.ipynb");
        Run nothing = quire("restore", "a.ipynb");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).isEqualTo("quire: no deleted notebook was at a.ipynb (quire ls --deleted lists them)\n");
        assertThat(quire("rm", "nope.ipynb").err()).isEqualTo("quire: no notebook at nope.ipynb (quire ls lists them)\n");
    }

    @Test
    void aNotebookMovesWithItsHistory() {
        String source = CORPUS.resolve("simple_execute.ipynb").toString();
        assertThat(quire("import", source, "--as", "a.ipynb", "--user", "ann").exitCode()).isZero();
        assertThat(quire("import", source, "--as", "taken.ipynb").exitCode()).isZero();

        Run moved = quire("mv", "a.ipynb", "reports/a.ipynb", "--user", "bob");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).isEqualTo("moved a.ipynb to reports/a.ipynb\n");
        assertThat(quire("ls").out()).isEqualTo("reports/a.ipynb\ntaken.ipynb\n");
        assertThat(quire("history", "reports/a.ipynb").out()).contains("ann  imported a.ipynb")
                .contains("bob  renamed a.ipynb to reports/a.ipynb");

        Run taken = quire("mv", "reports/a.ipynb", "taken.ipynb");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).isEqualTo("quire: a notebook already exists at taken.ipynb: choose another path\n");
        assertThat(quire("mv", "nope.ipynb", "x.ipynb").err())
                .isEqualTo("quire: no notebook at nope.ipynb (quire ls lists them)\n");
        assertThat(quire("mv", "reports/a.ipynb").exitCode()).as("NEW_PATH missing: usage").isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        List<String> commands = new ArrayList<>();
        collect(QuireCli.commandLine(), List.of(), commands);
        assertThat(commands).contains("export", "schedule add", "user add");
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            Run help = quire(args.toArray(String[]::new));
            assertThat(help.exitCode()).as("quire %s --help: %s", command, help.err()).isZero();
            assertThat(help.out()).as("quire %s --help", command).startsWith("Usage: quire " + command);
        }
    }

    private static void collect(CommandLine commandLine, List<String> parents, List<String> commands) {
        commandLine.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> path = new ArrayList<>(parents);
            path.add(name);
            commands.add(String.join(" ", path));
            collect(sub, path, commands);
        });
    }

    @Test
    void aFileThatCannotBeWrittenSaysWhy() {
        assertThat(quire("import", CORPUS.resolve("simple_execute.ipynb").toString(), "--as", "a.ipynb").exitCode())
                .isZero();
        Path nowhere = work.resolve("no-such-directory").resolve("a.ipynb");

        Run export = quire("export", "a.ipynb", "-o", nowhere.toString());

        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).isEqualTo("quire: cannot write " + nowhere + ": no such file or directory\n");
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void aNotebookRefusedAsItIsCreatedIsNotLoggedAsAWarning() {
        // Axon logs a constructor's exception at WARN with its stack trace; the user gets the one-line message only.
        assertThat(LoggerFactory.getLogger(AbstractRepository.class).isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger(AbstractRepository.class).isErrorEnabled()).isTrue();
    }

    @Test
    void missingFilesAndUnknownPathsAreUserErrors() {
        Run missing = quire("import", work.resolve("nope.ipynb").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");

        Run unknown = quire("export", "nope.ipynb");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no notebook at nope.ipynb");

        Run badPath = quire("import", CORPUS.resolve("simple_execute.ipynb").toString(), "--as", "../escape.ipynb");
        assertThat(badPath.exitCode()).isEqualTo(1);
        assertThat(badPath.err()).startsWith("quire: ").contains("'..'");
        assertThat(badPath.err().lines()).hasSize(1);
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(quire().exitCode()).isEqualTo(2);
        assertThat(quire("export").exitCode()).isEqualTo(2);
        assertThat(quire("frobnicate").exitCode()).isEqualTo(2);
        assertThat(quire("export", "a.ipynb", "--version", "1", "--at", "2026-01-01T00:00:00Z").exitCode()).isEqualTo(2);
    }

    @Test
    void badInstantAndUnknownVersionAreExplained() {
        assertThat(quire("import", CORPUS.resolve("simple_execute.ipynb").toString(), "--as", "a.ipynb").exitCode())
                .isZero();
        Run badInstant = quire("export", "a.ipynb", "--at", "yesterday");
        assertThat(badInstant.exitCode()).isEqualTo(1);
        assertThat(badInstant.err()).contains("not an ISO instant");
        Run badVersion = quire("export", "a.ipynb", "--version", "99");
        assertThat(badVersion.exitCode()).isEqualTo(1);
        assertThat(badVersion.err()).contains("no version 99");
    }

    @Test
    void rebuildGivesByteIdenticalReadModels() throws IOException {
        for (String name : new String[]{"simple_execute.ipynb", "broken1.ipynb", "nb_version_4.4.ipynb"}) {
            assertThat(quire("import", CORPUS.resolve(name).toString()).exitCode()).isZero();
        }
        Path before = work.resolve("before.ipynb");
        Path after = work.resolve("after.ipynb");
        assertThat(quire("export", "nb_version_4.4.ipynb", "-o", before.toString()).exitCode()).isZero();
        String historyBefore = quire("history", "broken1.ipynb").out();

        Run rebuild = quire("rebuild");
        assertThat(rebuild.exitCode()).isZero();
        assertThat(rebuild.out()).contains("rebuilt the read models from 3 events");
        assertThat(rebuild.err()).contains("replayed 3 events");

        assertThat(quire("export", "nb_version_4.4.ipynb", "-o", after.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(after)).isEqualTo(Files.readAllBytes(before));
        assertThat(quire("history", "broken1.ipynb").out()).isEqualTo(historyBefore);
        assertThat(quire("ls").out().lines()).hasSize(3);
    }
}
