package io.quire.domain.notebook;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.notebook.text.TextMismatchException;
import io.quire.domain.notebook.text.TextOperation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A cell's source and the recent edits that made it, so that an edit written against an older revision can be
 * transformed over the edits accepted since (the aggregate is the one sequencer).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class CellText {

    /** How many past edits a cell keeps for transforming late edits; older bases are refused. */
    static final int HISTORY = 256;

    private String source;
    private long revision;
    /** The edits that made revisions {@code revision - history.size() + 1 .. revision}, oldest first. */
    private final Deque<TextOperation> history = new ArrayDeque<>();

    CellText() {
    }

    CellText(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    long revision() {
        return revision;
    }

    /**
     * Rewrites an edit made against {@code baseRevision} so that it applies to the current source.
     *
     * @throws CommandRejectedException when the base revision is unknown, too old, or the edit does not fit it
     */
    TextOperation rebase(String cellId, long baseRevision, TextOperation operation) {
        if (baseRevision > revision || baseRevision < 0) {
            throw CommandRejectedException.invalid("cell " + cellId + " has no revision " + baseRevision
                    + " (its latest is " + revision + ")");
        }
        long oldest = revision - history.size();
        if (baseRevision < oldest) {
            throw CommandRejectedException.conflict("the edit of cell " + cellId + " is based on revision " + baseRevision
                    + ", more than " + HISTORY + " edits ago: reload the cell and edit again");
        }
        List<TextOperation> since = new ArrayList<>(history).subList((int) (baseRevision - oldest), history.size());
        TextOperation rebased = operation;
        try {
            for (TextOperation accepted : since) {
                rebased = TextOperation.transform(accepted, rebased).bPrime();
            }
            // An operation fits a text of its base length; checking that, rather than applying it here and again
            // in accept, spares a copy of the whole cell per edit.
            int length = source.codePointCount(0, source.length());
            if (rebased.baseLength() != length) {
                throw new TextMismatchException("the edit covers " + rebased.baseLength()
                        + " characters but the text has " + length);
            }
        } catch (TextMismatchException e) {
            throw CommandRejectedException.invalid("the edit does not fit revision " + baseRevision + " of cell " + cellId
                    + ": " + e.getMessage());
        }
        return rebased;
    }

    void accept(long newRevision, TextOperation operation) {
        source = operation.apply(source);
        revision = newRevision;
        history.addLast(operation);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellText that && source.equals(that.source) && revision == that.revision
                && List.copyOf(history).equals(List.copyOf(that.history));
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, revision);
    }
}
