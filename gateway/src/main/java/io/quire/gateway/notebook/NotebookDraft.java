package io.quire.gateway.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.NotebookContent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A whole notebook as a client wants it to be (a Jupyter save, or a version to restore), and which of its cells
 * came with their own id. Cells of an nbformat 4.0-4.4 document may come without one: the reader derives an id for
 * them, but that id says nothing about which stored cell they are, so they are matched by content instead.
 *
 * @param content  the notebook, as read
 * @param declared for each cell, whether its id was in the document
 */
public record NotebookDraft(NotebookContent content, List<Boolean> declared) {

    private static final NotebookReader READER = new NotebookReader();

    public NotebookDraft {
        declared = List.copyOf(declared);
        if (declared.size() != content.cells().size()) {
            throw new IllegalArgumentException("one 'declared' flag per cell is needed");
        }
    }

    /** A draft whose every cell carries its own id (a stored version of a notebook). */
    public static NotebookDraft of(NotebookContent content) {
        return new NotebookDraft(content, Collections.nCopies(content.cells().size(), true));
    }

    /**
     * Reads a notebook sent as JSON (the {@code content} of a Jupyter contents model).
     *
     * @throws io.quire.domain.nbformat.InvalidNotebookException when it is not an nbformat 4 notebook
     */
    public static NotebookDraft read(JsonNode notebook, String sourceName) {
        NotebookContent content = READER.read(notebook, sourceName);
        List<Boolean> declared = new ArrayList<>(content.cells().size());
        JsonNode cells = notebook.path("cells");
        for (int i = 0; i < content.cells().size(); i++) {
            JsonNode id = cells.path(i).path("id");
            declared.add(id.isTextual() && id.textValue().equals(content.cells().get(i).id()));
        }
        return new NotebookDraft(content, declared);
    }

    public List<Cell> cells() {
        return content.cells();
    }

    public boolean declared(int index) {
        return declared.get(index);
    }
}
