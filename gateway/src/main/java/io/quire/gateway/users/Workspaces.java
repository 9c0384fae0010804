package io.quire.gateway.users;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.NotebookPath;

import java.util.List;
import java.util.TreeSet;

/**
 * The parts of the contents tree a user may use: path prefixes ("workspaces"), each a folder of the tree. A user
 * with none may use everything (the server's owner, and users made before workspaces existed). A path is inside a
 * workspace when it is that folder or lies under it; "team" does not contain "teamwork". Immutable.
 */
public record Workspaces(List<String> folders) {

    /** No limit: the whole tree. */
    public static final Workspaces EVERYWHERE = new Workspaces(List.of());

    public Workspaces {
        folders = List.copyOf(new TreeSet<>(folders));
    }

    /**
     * Workspaces from folders as a person wrote them: leading and trailing slashes are ignored; each is checked as a
     * notebook path is (no '..', '.', backslashes, control characters).
     *
     * @throws CommandRejectedException when a folder is the root or not a path inside the tree
     */
    public static Workspaces of(List<String> written) {
        return new Workspaces(written.stream().map(Workspaces::folder).toList());
    }

    /** One folder, normalized and checked. */
    public static String folder(String written) {
        String stripped = written == null ? "" : stripSlashes(written);
        if (stripped.isEmpty()) {
            throw CommandRejectedException.invalid("a workspace is a folder of the contents tree, not the root: to let"
                    + " a user use everything, give them no workspace");
        }
        return NotebookPath.check(stripped);
    }

    public boolean unlimited() {
        return folders.isEmpty();
    }

    /**
     * Whether {@code path} (already checked to stay inside the tree; "" is the root; leading and trailing slashes are
     * ignored) is inside one of the workspaces.
     */
    public boolean allows(String path) {
        String inTree = stripSlashes(path);
        return unlimited() || folders.stream().anyMatch(folder -> inTree.equals(folder)
                || inTree.startsWith(folder + "/"));
    }

    /**
     * Whether {@code path} is a folder on the way to a workspace (the root, or "team" for "team/a"): it may be listed,
     * showing only what leads to or lies in a workspace, but nothing in it may be changed.
     */
    public boolean leadsTo(String path) {
        String inTree = stripSlashes(path);
        return !unlimited() && folders.stream().anyMatch(folder -> inTree.isEmpty()
                || folder.startsWith(inTree + "/"));
    }

    private static String stripSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** Whether an entry at {@code path} is shown in a listing: it is in a workspace or leads to one. */
    public boolean shows(String path) {
        return allows(path) || leadsTo(path);
    }

    /** With {@code added} and without {@code removed} (both as a person wrote them). */
    public Workspaces change(List<String> added, List<String> removed) {
        TreeSet<String> changed = new TreeSet<>(folders);
        added.stream().map(Workspaces::folder).forEach(changed::add);
        removed.stream().map(Workspaces::folder).forEach(changed::remove);
        return new Workspaces(List.copyOf(changed));
    }

    /** For messages and listings: "team/a, team/b", or "everything". */
    @Override
    public String toString() {
        return unlimited() ? "everything" : String.join(", ", folders);
    }
}
