package io.quire.domain.store.jdbc;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a unique-key violation (SQLState {@value #UNIQUE_VIOLATION}, the same on H2 and PostgreSQL) anywhere in
 * an exception: in its causes and in the {@link SQLException#getNextException() next-exception} chains of batches.
 * With it, Axon's JDBC storage engine turns a second event at an (aggregate, sequence number) that already exists
 * into {@code ConcurrencyException}, or {@code AggregateStreamCreationException} for sequence number 0, instead of a
 * generic {@code EventStoreException}.
 *
 * <p>Why not Axon's own resolvers: H2 reports the violation inside a {@code BatchUpdateException} whose own state
 * is not 23505, PostgreSQL reports it as the batch's next exception, and the default error-code resolver knows
 * neither. Thread-safe and stateless.
 */
public final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    /** The SQL standard's state for "unique violation". */
    public static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        // Walks causes, suppressed and next-exceptions breadth first; the identity set stops cycles, which
        // drivers do produce (a next-exception that is also the cause).
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        addIfPresent(pending, exception);
        while (!pending.isEmpty()) {
            Throwable current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof SQLException sql) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
                addIfPresent(pending, sql.getNextException());
            }
            addIfPresent(pending, current.getCause());
            for (Throwable suppressed : current.getSuppressed()) {
                addIfPresent(pending, suppressed);
            }
        }
        return false;
    }

    private static void addIfPresent(Deque<Throwable> pending, Throwable throwable) {
        if (throwable != null) {
            pending.add(throwable);
        }
    }
}
