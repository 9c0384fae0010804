package io.quire.domain.notebook.event;

/** The notebook's version {@code version} (an event sequence number) was given a name. */
public record VersionNamed(String notebookId, String name, long version, String user) implements NotebookEvent {
}
