package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.quire.domain.notebook.NotebookContent;

/** Import an existing notebook (parsed from .ipynb) at a path. */
public record ImportNotebook(@TargetAggregateIdentifier String notebookId, String path, NotebookContent content, String user) {
}
