package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import io.quire.domain.notebook.Kernelspec;

/** Create an empty notebook at a path, for a kernel. */
public record CreateNotebook(@TargetAggregateIdentifier String notebookId, String path, Kernelspec kernelspec, String user) {
}
