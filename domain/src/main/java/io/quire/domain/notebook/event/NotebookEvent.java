package io.quire.domain.notebook.event;

/** Something that happened to a notebook: every event names its notebook and the user who caused it. */
public interface NotebookEvent {

    String notebookId();

    /** The user who caused this event; when it happened is the event message's timestamp. */
    String user();
}
