package io.quire.domain.run.event;

/** Something that happened to a run. */
public interface RunEvent {

    String runId();
}
