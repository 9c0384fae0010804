package io.quire.gateway.notebook;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.notebook.command.DeleteNotebook;
import io.quire.domain.notebook.command.ImportNotebook;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.domain.notebook.command.NameVersion;
import io.quire.domain.notebook.command.RenameNotebook;
import io.quire.gateway.Quire;
import io.quire.projections.contents.ContentsEntry;
import io.quire.projections.notebook.LiveNotebook;
import io.quire.projections.versions.Version;
import io.quire.projections.versions.Versions;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * What users do with whole notebooks, by path: import, save (as cell-level commands), rename, delete, checkpoints,
 * export (now, at a version or at an instant), history and listing. Reads come from the projections; writes are
 * commands to the Notebook aggregate. Blocking: call it from a worker thread, never from an event loop.
 */
public class Notebooks {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    /** How often a save re-reads the notebook and tries again when a concurrent change got in its way. */
    private static final int SAVE_ATTEMPTS = 4;

    private final Quire quire;
    private final NotebookReader reader = new NotebookReader();
    private final NotebookWriter writer = new NotebookWriter();

    public Notebooks(Quire quire) {
        this.quire = quire;
    }

    /**
     * Imports an .ipynb document at {@code path}.
     *
     * @return the new notebook's id
     * @throws io.quire.domain.nbformat.InvalidNotebookException when the bytes are not a valid notebook
     * @throws CommandRejectedException                          when the path is taken or not acceptable
     */
    public String importNotebook(byte[] ipynb, String sourceName, String path, String user) {
        return create(path, reader.read(ipynb, sourceName), user);
    }

    /**
     * Creates a notebook at {@code path} with this content (an import); returns once the read models show it.
     *
     * @return the new notebook's id
     * @throws CommandRejectedException when the path is taken or not acceptable
     */
    public String create(String path, NotebookContent content, String user) {
        catchUp();
        refuseIfTaken(path);
        String notebookId = UUID.randomUUID().toString();
        quire.commands().sendAndWait(new ImportNotebook(notebookId, path, content, user));
        catchUp();
        return notebookId;
    }

    /**
     * Makes the notebook at {@code path} equal to {@code draft} with cell-level commands (see {@link NotebookDiff}),
     * or creates it when there is none. Returns once the read models show the result.
     *
     * @throws CommandRejectedException when a change is refused even after re-reading the notebook
     */
    public Saved save(String path, NotebookDraft draft, String user) {
        catchUp();
        Optional<String> existing = quire.projections().contents().notebookAt(path);
        if (existing.isEmpty()) {
            return new Saved(create(path, draft.content(), user), true, 1);
        }
        return new Saved(existing.get(), false, makeEqual(existing.get(), draft, user));
    }

    /** What a save did: the notebook, whether it was created, and how many commands it took (0: no change). */
    public record Saved(String notebookId, boolean created, int commands) {
    }

    /** Makes the notebook at {@code path} equal to what it was at {@code version}, with cell-level commands. */
    public Saved restore(String path, long version, String user) {
        LiveNotebook notebook = live(path);
        NotebookContent then = quire.history().at(notebook.notebookId(), version)
                .map(document -> document.content())
                .orElseThrow(() -> CommandRejectedException.notFound(path + " has no version " + version));
        return new Saved(notebook.notebookId(), false, makeEqual(notebook.notebookId(), NotebookDraft.of(then), user));
    }

    /** Moves the notebook at {@code path} to {@code newPath}. */
    public void rename(String path, String newPath, String user) {
        String notebookId = live(path).notebookId();
        refuseIfTaken(newPath);
        quire.commands().sendAndWait(new RenameNotebook(notebookId, newPath, user));
        catchUp();
    }

    /** Refuses a path where a new notebook cannot live: taken, inside a notebook, or a folder of notebooks. */
    private void refuseIfTaken(String path) {
        whyTaken(path).ifPresent(why -> {
            throw CommandRejectedException.conflict(why + ": choose another path");
        });
    }

    /** Why a new notebook cannot live at {@code path}, if it cannot. */
    Optional<String> whyTaken(String path) {
        return quire.projections().contents().pathInTheWayOf(path).map(other -> {
            if (other.equals(path)) {
                return "a notebook already exists at " + path;
            } else if (path.startsWith(other + "/")) {
                return path + " would be inside " + other + ", which is a notebook, not a folder";
            }
            return path + " is a folder of notebooks (" + other + ")";
        });
    }

    /** Deletes the notebook at {@code path}; its history stays, and it can be restored. */
    public void delete(String path, String user) {
        quire.commands().sendAndWait(new DeleteNotebook(live(path).notebookId(), user));
        catchUp();
    }

    /** Names the notebook's current version (a checkpoint) and returns that version. */
    public Version checkpoint(String path, String user) {
        LiveNotebook notebook = live(path);
        String name = "checkpoint-" + notebook.version();
        for (int attempt = 1; ; attempt++) {
            try {
                quire.commands().sendAndWait(new NameVersion(notebook.notebookId(), name, user));
                break;
            } catch (CommandRejectedException e) {
                if (e.reason() != CommandRejectedException.Reason.CONFLICT || attempt == 3) {
                    throw e;
                }
                name = "checkpoint-" + notebook.version() + "-" + UUID.randomUUID().toString().substring(0, 8);
            }
        }
        catchUp();
        String given = name;
        return quire.projections().versions().named(notebook.notebookId()).stream()
                .filter(version -> given.equals(version.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the version named " + given + " is not in the read model"));
    }

    /** The named versions (checkpoints) of the notebook at {@code path}, oldest first. */
    public List<Version> checkpoints(String path) {
        return quire.projections().versions().named(live(path).notebookId());
    }

    /** The notebook at {@code path}, if there is one. */
    public Optional<LiveNotebook> find(String path) {
        catchUp();
        return quire.projections().contents().notebookAt(path)
                .flatMap(notebookId -> quire.projections().liveNotebooks().find(notebookId));
    }

    /** When the notebook was created and last changed. */
    public Optional<Versions.Span> span(String notebookId) {
        return quire.projections().versions().span(notebookId);
    }

    /** The version of the notebook at {@code path} that was current at {@code instant}. */
    public long versionAt(String path, Instant instant) {
        return quire.projections().versions().asOf(live(path).notebookId(), instant)
                .orElseThrow(() -> CommandRejectedException.notFound(path + " did not exist yet at " + instant));
    }

    /**
     * Sends the diff, re-reading the notebook and diffing again when a command is refused because the notebook
     * changed meanwhile (a concurrent edit), or because a new cell's id was used by a deleted cell.
     */
    private int makeEqual(String notebookId, NotebookDraft draft, String user) {
        Set<String> refusedIds = new HashSet<>();
        int sent = 0;
        for (int attempt = 1; ; attempt++) {
            LiveNotebook notebook = quire.projections().liveNotebooks().find(notebookId)
                    .orElseThrow(() -> CommandRejectedException.notFound("no notebook " + notebookId));
            if (notebook.deleted()) {
                throw CommandRejectedException.conflict("notebook " + notebook.path() + " was deleted: restore it first");
            }
            List<Object> commands = NotebookDiff.between(notebookId, reader.read(notebook.content(), notebook.path()),
                    notebook.revisions(), draft, refusedIds, user);
            Object command = null;
            try {
                for (Object next : commands) {
                    command = next;
                    quire.commands().sendAndWait(next);
                    sent++;
                }
                catchUp();
                return sent;
            } catch (CommandRejectedException e) {
                if (attempt == SAVE_ATTEMPTS || e.reason() == CommandRejectedException.Reason.INVALID) {
                    throw e;
                }
                if (command instanceof InsertCell insert && e.reason() == CommandRejectedException.Reason.CONFLICT) {
                    refusedIds.add(insert.cellId());
                }
                catchUp();
            }
        }
    }

    /** The notebook at {@code path} as it is now, as nbformat 4.5 bytes. */
    public byte[] export(String path) {
        return live(path).content();
    }

    /** The notebook at {@code path} as it was at {@code version}. */
    public byte[] exportVersion(String path, long version) {
        LiveNotebook notebook = live(path);
        if (version < 0 || version > notebook.version()) {
            throw CommandRejectedException.notFound(path + " has no version " + version + ": its versions are 0 to "
                    + notebook.version() + " (see quire history " + path + ")");
        }
        return quire.history().at(notebook.notebookId(), version)
                .map(document -> writer.write(document.content()))
                .orElseThrow(() -> CommandRejectedException.notFound(path + " has no version " + version));
    }

    /** The notebook at {@code path} as it was at {@code instant}. */
    public byte[] exportAt(String path, Instant instant) {
        LiveNotebook notebook = live(path);
        long version = quire.projections().versions().asOf(notebook.notebookId(), instant)
                .orElseThrow(() -> CommandRejectedException.notFound(path + " did not exist yet at " + instant));
        return exportVersion(path, version);
    }

    /** The id of the notebook at {@code path}. */
    public String idOf(String path) {
        return live(path).notebookId();
    }

    /** The notebook at {@code path} as it is now. */
    public NotebookContent content(String path) {
        return reader.read(live(path).content(), path);
    }

    /** Every version of the notebook at {@code path}, oldest first. */
    public List<Version> history(String path) {
        return quire.projections().versions().of(live(path).notebookId());
    }

    /** Every notebook that is not deleted, in path order. */
    public List<ContentsEntry> list() {
        catchUp();
        return quire.projections().contents().list();
    }

    private LiveNotebook live(String path) {
        catchUp();
        String notebookId = quire.projections().contents().notebookAt(path)
                .orElseThrow(() -> CommandRejectedException.notFound("no notebook at " + path + " (quire ls lists them)"));
        return quire.projections().liveNotebooks().find(notebookId)
                .orElseThrow(() -> CommandRejectedException.notFound("no notebook at " + path));
    }

    void catchUp() {
        try {
            quire.awaitProjections(CATCH_UP);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read models", e);
        }
    }
}
