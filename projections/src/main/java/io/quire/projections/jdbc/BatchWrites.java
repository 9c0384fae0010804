package io.quire.projections.jdbc;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gathers a projection's changes over the unit of work that processes one batch of events and writes them once,
 * just before that unit of work commits (with the processor's token). A rebuild then writes each notebook once
 * per batch instead of once per event.
 *
 * @param <K> what a change is keyed by (a later change to the same key replaces the earlier one)
 * @param <V> the change
 */
public final class BatchWrites<K, V> {

    private final String resourceKey;
    private final Consumer<Map<K, V>> flush;
    private final Runnable onRollback;

    /**
     * @param name       unique per projection
     * @param flush      writes the gathered changes; called on the processor thread, inside the transaction
     * @param onRollback forgets in-memory state that the rolled-back batch changed
     */
    public BatchWrites(String name, Consumer<Map<K, V>> flush, Runnable onRollback) {
        this.resourceKey = BatchWrites.class.getName() + "/" + name;
        this.flush = flush;
        this.onRollback = onRollback;
    }

    /** Records a change in the current unit of work; without one (a direct call), writes it at once. */
    public void put(K key, V value) {
        if (!CurrentUnitOfWork.isStarted()) {
            flush.accept(Map.of(key, value));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<K, V> pending = root.getOrComputeResource(resourceKey, k -> {
            Map<K, V> changes = new LinkedHashMap<>();
            root.onPrepareCommit(u -> flush.accept(changes));
            root.onRollback(u -> onRollback.run());
            return changes;
        });
        pending.put(key, value);
    }
}
