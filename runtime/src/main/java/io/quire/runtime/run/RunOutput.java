package io.quire.runtime.run;

/**
 * Where a run's output notebook goes: published once when the run ends, never overwritten, with partial checkpoints
 * beside it while the run goes.
 */
public interface RunOutput {

    /**
     * Writes the finished output notebook, once.
     *
     * @return its location (a URI a person can use)
     * @throws RuntimeException when it cannot be written, e.g. because something is already there
     */
    String publish(byte[] notebook);

    /** Writes (or replaces) the partial output notebook of a run still going. */
    void checkpoint(byte[] partial);

    /** Removes the partial output notebook, once the finished one is published. */
    void discardCheckpoint();

    /** Where the finished notebook will be, for progress messages. */
    String location();
}
