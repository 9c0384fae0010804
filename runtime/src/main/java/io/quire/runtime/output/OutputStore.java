package io.quire.runtime.output;

import java.net.URI;
import java.util.Optional;

/**
 * Where the output notebooks of runs are kept. Each run's output notebook is written once, when the run ends, and
 * never changed; while it runs, its partial notebook may be saved again and again as a checkpoint.
 *
 * <p>Keys are relative paths such as {@code runs/2026/11/26/RUNID.ipynb}, checked by {@link OutputKey}. A key's
 * checkpoint is kept beside it under {@code KEY + ".partial"} ({@link OutputKey#CHECKPOINT_SUFFIX}), which is why no
 * key may end in {@code .partial}.
 *
 * <p>Every method blocks on I/O (disk or network): never call them on an event-loop thread. Implementations are
 * safe for concurrent use. Failures are {@link NotebookStorageException}s whose message says what to do.
 */
public interface OutputStore {

    /** Where the notebook under {@code key} is (or would be): a {@code file:} or {@code s3:} URI. */
    URI locationOf(String key);

    /**
     * Publishes {@code notebook} under {@code key}, whole or not at all: a reader sees either nothing or every
     * byte. Of several concurrent writers of one key exactly one succeeds.
     *
     * @throws OutputExistsException    when something is already stored under {@code key}; it is left untouched
     * @throws IllegalArgumentException when {@code key} is not a valid key
     */
    void writeOnce(String key, byte[] notebook);

    /** Saves the partial notebook of a run still going, replacing the previous checkpoint of {@code key}. */
    void writeCheckpoint(String key, byte[] partial);

    /** Removes the checkpoint of {@code key}, once its final notebook is written; nothing if there is none. */
    void removeCheckpoint(String key);

    /** The last checkpoint of {@code key}, if any: what a run had done when it stopped, if it never finished. */
    Optional<byte[]> readCheckpoint(String key);

    /** The (final) notebook stored under {@code key}, if any. */
    Optional<byte[]> read(String key);

    /** Whether a notebook is stored under {@code key}. */
    boolean exists(String key);
}
