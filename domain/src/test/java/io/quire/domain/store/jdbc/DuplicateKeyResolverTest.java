package io.quire.domain.store.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding SQLState 23505 wherever the drivers put it. */
class DuplicateKeyResolverTest {

    private final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    @Test
    void uniqueViolationItselfIsADuplicate() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("duplicate", "23505"))).isTrue();
    }

    @Test
    void uniqueViolationAsABatchsNextExceptionIsADuplicate() {
        // PostgreSQL's shape: the batch exception has another state, the server's error is the next exception.
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "0A000", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void uniqueViolationAsACauseDeepDownIsADuplicate() {
        // H2's shape, further wrapped the way Axon and callers wrap it.
        SQLException violation = new SQLException("Unique index or primary key violation", "23505");
        BatchUpdateException batch = new BatchUpdateException("batch", null, 0, new int[0], violation);
        RuntimeException wrapped = new RuntimeException("append failed", new IllegalStateException("x", batch));

        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
    }

    @Test
    void otherStatesAreNotDuplicates() {
        SQLException lockTimeout = new SQLException("Timeout trying to lock table", "HYT00");
        lockTimeout.setNextException(new SQLException("foreign key", "23503"));

        assertThat(resolver.isDuplicateKeyViolation(lockTimeout)).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("no SQL at all"))).isFalse();
    }

    @Test
    void cyclesBetweenCauseAndNextExceptionEnd() {
        SQLException first = new SQLException("first", "08006");
        SQLException second = new SQLException("second", "08006", first);
        first.setNextException(second);

        assertThat(resolver.isDuplicateKeyViolation(first)).isFalse();
    }
}
