package io.quire.gateway.notebook;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.command.RestoreNotebook;
import io.quire.gateway.Quire;
import io.quire.projections.contents.ContentsEntry;
import io.quire.projections.versions.Version;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Deleted notebooks: deleting keeps a notebook's whole history, so it can be listed and brought back, at its old
 * path or another. Blocking, like {@link Notebooks}.
 */
public class DeletedNotebooks {

    private final Quire quire;
    private final Notebooks notebooks;

    public DeletedNotebooks(Quire quire) {
        this.quire = quire;
        this.notebooks = new Notebooks(quire);
    }

    /**
     * A deleted notebook.
     *
     * @param path      where it was when deleted
     * @param version   its last version: the deletion
     * @param deletedAt when it was deleted
     * @param deletedBy who deleted it
     */
    public record Deleted(String path, String notebookId, long version, Instant deletedAt, String deletedBy) {
    }

    /** Every deleted notebook, by path, then the most recently deleted first. */
    public List<Deleted> list() {
        notebooks.catchUp();
        return quire.projections().liveNotebooks().deleted().stream().map(this::describe)
                .sorted(Comparator.comparing(Deleted::path).thenComparing(Deleted::deletedAt, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Brings back the notebook deleted last at {@code path}, at {@code newPath} or, when that is null, at
     * {@code path}.
     *
     * @return the notebook's path now
     * @throws CommandRejectedException when no deleted notebook was at {@code path}, or the path to restore it at is
     *                                  taken (saying how to restore it elsewhere)
     */
    public String restore(String path, String newPath, String user) {
        notebooks.catchUp();
        // Only those deleted at this path are looked up in the versions, not every deleted notebook.
        Deleted deleted = quire.projections().liveNotebooks().deleted().stream()
                .filter(entry -> entry.path().equals(path)).map(this::describe)
                .max(Comparator.comparing(Deleted::deletedAt))
                .orElseThrow(() -> CommandRejectedException.notFound("no deleted notebook was at " + path
                        + " (quire ls --deleted lists them)"));
        String target = newPath == null ? path : newPath;
        notebooks.whyTaken(target).ifPresent(why -> {
            throw CommandRejectedException.conflict(why + (newPath == null
                    ? ": restore the deleted one under another path (quire restore " + path + " --as NEW_PATH)"
                    : ": choose another path"));
        });
        quire.commands().sendAndWait(new RestoreNotebook(deleted.notebookId(), target, user));
        notebooks.catchUp();
        return target;
    }

    private Deleted describe(ContentsEntry entry) {
        Version last = quire.projections().versions().latest(entry.notebookId())
                .orElseThrow(() -> new IllegalStateException("deleted notebook " + entry.notebookId()
                        + " has no versions in the read model; run quire rebuild"));
        return new Deleted(entry.path(), entry.notebookId(), last.version(), last.at(), last.user());
    }
}
