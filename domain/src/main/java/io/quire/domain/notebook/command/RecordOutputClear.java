package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The kernel cleared the cell's outputs; with {@code waitForNext}, only when the next output arrives. */
public record RecordOutputClear(@TargetAggregateIdentifier String notebookId, String executionId, boolean waitForNext) {
}
