package io.quire.gateway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire user}: users, their tokens and their workspaces, as an administrator manages them. */
class UserCommandTest {

    @TempDir
    Path data;

    record Run(int exitCode, String out, String err) {
    }

    Run quire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = QuireCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] withData = java.util.Arrays.copyOf(args, args.length + 2);
        withData[args.length] = "--data";
        withData[args.length + 1] = data.toString();
        return new Run(commandLine.execute(withData), out.toString(), err.toString());
    }

    @Test
    void usersAreAddedWithWorkspacesThatCanChangeAndAreListed() {
        Run added = quire("user", "add", "wanda", "--workspace", "team/wanda", "--workspace", "/shared/");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out().trim()).matches("[0-9a-f]{48}");
        assertThat(quire("user", "add", "owner").exitCode()).isZero();

        assertThat(quire("user", "ls").out()).isEqualTo("owner\teverything\nwanda\tshared, team/wanda\n");

        Run changed = quire("user", "workspaces", "wanda", "--add", "lab", "--remove", "shared");
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).isEqualTo("lab, team/wanda\n");
        assertThat(quire("user", "workspaces", "wanda").out()).isEqualTo("lab, team/wanda\n");
        assertThat(quire("user", "workspaces", "wanda", "--remove", "lab", "--remove", "team/wanda").out())
                .isEqualTo("everything\n");
    }

    @Test
    void badWorkspacesAndUnknownUsersAreUserErrors() {
        Run traversal = quire("user", "add", "eve", "--workspace", "team/../../etc");
        assertThat(traversal.exitCode()).isEqualTo(1);
        assertThat(traversal.err()).contains("'..'");
        Run root = quire("user", "add", "eve", "--workspace", "/");
        assertThat(root.exitCode()).isEqualTo(1);
        assertThat(root.err()).contains("give them no workspace");
        assertThat(quire("user", "ls").out()).isEmpty();

        Run unknown = quire("user", "workspaces", "nobody", "--add", "x");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("quire user ls");
    }
}
