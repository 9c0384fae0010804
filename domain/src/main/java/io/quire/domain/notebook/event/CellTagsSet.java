package io.quire.domain.notebook.event;
import java.util.List;

/** A cell's tags were replaced. */
public record CellTagsSet(String notebookId, String cellId, List<String> tags, String user) implements NotebookEvent {
}
