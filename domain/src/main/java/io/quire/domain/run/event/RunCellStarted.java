package io.quire.domain.run.event;

/** The run started executing a cell. */
public record RunCellStarted(String runId, String cellId, int index) implements RunEvent {
}
