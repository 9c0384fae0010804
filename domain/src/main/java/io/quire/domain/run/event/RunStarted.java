package io.quire.domain.run.event;

/** The run got its kernel and started executing its {@code cellCount} cells. */
public record RunStarted(String runId, String kernelId, String kernelName, int cellCount) implements RunEvent {
}
