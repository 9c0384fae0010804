package io.quire.domain.notebook.event;
import io.quire.domain.notebook.Kernelspec;

/** An empty notebook was created. */
public record NotebookCreated(String notebookId, String path, Kernelspec kernelspec, String user) implements NotebookEvent {
}
