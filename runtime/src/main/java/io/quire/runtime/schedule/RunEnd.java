package io.quire.runtime.schedule;

/**
 * How a launched run ended.
 *
 * @param runId     the run, as the runner names it (null when no run could be started)
 * @param succeeded whether every cell ran without error within the timeouts
 * @param detail    for people: why it failed (the failing cell, the timeout), or a short summary
 */
public record RunEnd(String runId, boolean succeeded, String detail) {
}
