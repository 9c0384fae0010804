package io.quire.domain.store.jdbc;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Axon's {@link TransactionManager} for plain JDBC: a transaction is one pooled connection, taken out of auto-commit
 * and bound to the thread that started it until that thread commits or rolls back. Axon's JDBC code never commits by
 * itself (it expects a transaction manager such as Spring's), so without this nothing it writes would become
 * visible; {@link ThreadBoundConnectionProvider} hands the bound connection to Axon's statements.
 *
 * <p>Nesting: {@link #startTransaction()} on a thread that already has a transaction joins it. The joined
 * {@link Transaction}'s {@code commit} does nothing (the outermost one commits); its {@code rollback} marks the whole
 * transaction rollback-only, so the outermost {@code commit} then rolls back and throws instead of committing half of
 * the work. This is how Axon uses it: the unit of work starts the outer transaction and the storage engine's
 * {@code executeInTransaction} joins it.
 *
 * <p>Threads: any thread may start a transaction; it must be ended on the thread that started it, and the
 * outermost transaction must be ended (commit or rollback) or its connection stays out of the pool.
 */
public final class ThreadBoundTransactionManager implements TransactionManager {

    private final DataSource dataSource;
    private final ThreadLocal<BoundConnection> bound = new ThreadLocal<>();

    /** @param dataSource where transactions take their connections from; normally a pool */
    public ThreadBoundTransactionManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Starts a transaction on the calling thread, or joins the one it already has.
     *
     * @throws JdbcException when no connection can be had from the data source (its cause says why)
     */
    @Override
    public Transaction startTransaction() {
        BoundConnection current = bound.get();
        if (current != null) {
            return new JoinedTransaction(current);
        }
        BoundConnection started = BoundConnection.open(dataSource);
        bound.set(started);
        return new OutermostTransaction(started);
    }

    /** The connection of the calling thread's transaction, if it has one. Never close it: the transaction does. */
    public Optional<Connection> currentConnection() {
        BoundConnection current = bound.get();
        return current == null ? Optional.empty() : Optional.of(current.connection);
    }

    /** Whether the calling thread is inside a transaction started here. */
    public boolean isTransactionActive() {
        return bound.get() != null;
    }

    /** The connection of one transaction, and whether a joined part of it asked for a rollback. */
    private static final class BoundConnection {
        final Connection connection;
        final Thread owner = Thread.currentThread();
        boolean rollbackOnly;
        boolean ended;

        private BoundConnection(Connection connection) {
            this.connection = connection;
        }

        static BoundConnection open(DataSource dataSource) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                return new BoundConnection(connection);
            } catch (SQLException e) {
                closeQuietly(connection, e);
                throw new JdbcException("cannot start a transaction: no database connection (" + e.getMessage() + ")",
                                        e);
            }
        }

        void checkOwner(String action) {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a transaction must " + action + " on the thread that started it ("
                        + owner.getName() + "), not on " + Thread.currentThread().getName());
            }
        }
    }

    private final class OutermostTransaction implements Transaction {
        private final BoundConnection tx;

        OutermostTransaction(BoundConnection tx) {
            this.tx = tx;
        }

        /**
         * Commits and returns the connection to the pool.
         *
         * @throws IllegalStateException when a joined part rolled back (the work is rolled back instead), when
         *                               the transaction has already ended, or when called on another thread
         * @throws JdbcException         when the database refuses the commit (the work is then rolled back)
         */
        @Override
        public void commit() {
            tx.checkOwner("commit");
            if (tx.ended) {
                throw new IllegalStateException("this transaction has already ended");
            }
            try {
                if (tx.rollbackOnly) {
                    tx.connection.rollback();
                    throw new IllegalStateException("rolled back instead of committing: a nested part of this"
                            + " transaction failed and rolled back");
                }
                tx.connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(tx.connection, e);
                throw new JdbcException("the database refused to commit the transaction: " + e.getMessage(), e);
            } finally {
                end();
            }
        }

        /**
         * Rolls back and returns the connection to the pool. Does nothing when the transaction has already ended,
         * because Axon's unit of work rolls back after a commit that failed.
         *
         * @throws JdbcException when the rollback itself fails (the connection is still released)
         */
        @Override
        public void rollback() {
            tx.checkOwner("roll back");
            if (tx.ended) {
                return;
            }
            try {
                tx.connection.rollback();
            } catch (SQLException e) {
                throw new JdbcException("cannot roll back the transaction: " + e.getMessage(), e);
            } finally {
                end();
            }
        }

        private void end() {
            tx.ended = true;
            bound.remove();
            try {
                // The pool restores auto-commit too; doing it here keeps a non-pooled DataSource correct as well.
                tx.connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // A broken connection: closing it below is all that is left to do, and the pool discards it.
            }
            closeQuietly(tx.connection, null);
        }
    }

    private static final class JoinedTransaction implements Transaction {
        private final BoundConnection tx;

        JoinedTransaction(BoundConnection tx) {
            this.tx = tx;
        }

        /** Does nothing: the outermost transaction commits. */
        @Override
        public void commit() {
            tx.checkOwner("commit");
        }

        /** Marks the whole transaction rollback-only; the outermost transaction then rolls back. */
        @Override
        public void rollback() {
            tx.checkOwner("roll back");
            tx.rollbackOnly = true;
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
