package io.quire.gateway.notebook;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.notebook.command.ImportNotebook;
import io.quire.gateway.Quire;
import io.quire.projections.contents.ContentsEntry;
import io.quire.projections.notebook.LiveNotebook;
import io.quire.projections.versions.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * What users do with whole notebooks, by path: import, export (now, at a version or at an instant), history and
 * listing. Reads come from the projections; writes are commands to the Notebook aggregate.
 */
public class Notebooks {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);

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
        NotebookContent content = reader.read(ipynb, sourceName);
        catchUp();
        if (quire.projections().contents().notebookAt(path).isPresent()) {
            throw CommandRejectedException.conflict("a notebook already exists at " + path
                    + ": choose another path (quire import FILE --as PATH)");
        }
        String notebookId = UUID.randomUUID().toString();
        quire.commands().sendAndWait(new ImportNotebook(notebookId, path, content, user));
        return notebookId;
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

    private void catchUp() {
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
