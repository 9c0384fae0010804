package io.quire.domain.notebook.command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** Replace a cell's tags ({@code metadata.tags}). */
public record SetCellTags(@TargetAggregateIdentifier String notebookId, String cellId, List<String> tags, String user) {
}
