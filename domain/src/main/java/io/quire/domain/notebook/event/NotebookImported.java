package io.quire.domain.notebook.event;
import io.quire.domain.notebook.NotebookContent;

/** A notebook was imported from an .ipynb document. */
public record NotebookImported(String notebookId, String path, NotebookContent content, String user) implements NotebookEvent {
}
