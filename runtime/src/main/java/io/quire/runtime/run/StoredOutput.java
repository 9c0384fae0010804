package io.quire.runtime.run;

import io.quire.runtime.output.OutputStore;

/** A run's output notebook under one key of an output store; its checkpoint beside it. */
public final class StoredOutput implements RunOutput {

    private final OutputStore store;
    private final String key;

    /** @throws IllegalArgumentException when {@code key} is not a valid key */
    public StoredOutput(OutputStore store, String key) {
        this.store = store;
        this.key = io.quire.runtime.output.OutputKey.check(key);
    }

    /** @throws io.quire.runtime.output.OutputExistsException when something is stored under the key already */
    @Override
    public String publish(byte[] notebook) {
        store.writeOnce(key, notebook);
        return store.locationOf(key).toString();
    }

    @Override
    public void checkpoint(byte[] partial) {
        store.writeCheckpoint(key, partial);
    }

    @Override
    public void discardCheckpoint() {
        store.removeCheckpoint(key);
    }

    @Override
    public String location() {
        return store.locationOf(key).toString();
    }

    /** Whether the key is taken already: checked before a run starts, so that it fails before, not after. */
    public boolean taken() {
        return store.exists(key);
    }
}
