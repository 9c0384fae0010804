package io.quire.domain.notebook;

import io.quire.domain.notebook.event.CellInserted;
import io.quire.domain.notebook.event.NotebookCreated;
import io.quire.domain.notebook.text.TextOperation;

import java.util.List;

/** What the Notebook's fixture tests start from: notebook nb-1 at a.ipynb, created by ann, and its cells. */
final class NotebookGivens {

    static final String NB = "nb-1";
    static final Kernelspec PYTHON = new Kernelspec("python3", "Python 3", "python");

    private NotebookGivens() {
    }

    static NotebookCreated created() {
        return new NotebookCreated(NB, "a.ipynb", PYTHON, "ann");
    }

    /** A code cell ann inserted. */
    static CellInserted inserted(String cellId, String after, String source) {
        return new CellInserted(NB, cellId, after, CellType.CODE, source, "ann");
    }

    /** A text operation from its JSON form: [5, "text", -2]. */
    static TextOperation op(Object... parts) {
        return TextOperation.fromJson(List.of(parts));
    }
}
