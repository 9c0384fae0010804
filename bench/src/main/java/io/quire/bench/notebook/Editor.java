package io.quire.bench.notebook;

import io.quire.domain.notebook.command.EditCellSource;
import io.quire.domain.notebook.text.TextOperation;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * One person typing into one cell of a notebook: each {@link #edit} sends one {@link EditCellSource} that types a
 * character at the cursor (every tenth is a backspace instead), written against the revision this editor's
 * previous edit produced. Nobody else edits the cell, so that revision is the cell's latest and the aggregate
 * accepts the edit as it is; every command is a real single-cell edit of the real aggregate.
 *
 * <p>Threads: not thread-safe; one editor per thread. The cell text is ASCII, so its length in code points (what
 * {@link TextOperation} counts) is its length in chars.
 */
public final class Editor {

    private static final String TYPED = "the quick brown fox jumps over the lazy dog; ";

    private final String notebookId;
    private final String cellId;
    private final String user;
    private int length;
    private int cursor;
    private long revision;
    private long edits;

    /**
     * @param length   the cell's current length
     * @param revision the cell's current revision (0 for a cell that was never edited)
     */
    public Editor(String notebookId, String cellId, int length, long revision, String user) {
        this.notebookId = notebookId;
        this.cellId = cellId;
        this.user = user;
        this.length = length;
        this.cursor = length / 2;
        this.revision = revision;
    }

    /**
     * Sends the next edit and waits until it is committed.
     *
     * @return how long that took, in nanoseconds
     * @throws org.axonframework.commandhandling.CommandExecutionException when the aggregate rejects it
     */
    public long edit(CommandGateway commands) {
        boolean backspace = edits % 10 == 9 && cursor > 0;
        TextOperation.Builder operation = TextOperation.builder();
        if (backspace) {
            operation.retain(cursor - 1).delete(1);
        } else {
            operation.retain(cursor).insert(String.valueOf(TYPED.charAt((int) (edits % TYPED.length()))));
        }
        EditCellSource command = new EditCellSource(notebookId, cellId, revision,
                operation.retain(length - cursor).build(), user);
        long start = System.nanoTime();
        commands.sendAndWait(command);
        long took = System.nanoTime() - start;
        cursor += backspace ? -1 : 1;
        length += backspace ? -1 : 1;
        revision++;
        edits++;
        return took;
    }

    /** An editor in the same state, for a copy of the store this one edits. */
    public Editor copy() {
        Editor copy = new Editor(notebookId, cellId, length, revision, user);
        copy.cursor = cursor;
        copy.edits = edits;
        return copy;
    }

    public String notebookId() {
        return notebookId;
    }
}
