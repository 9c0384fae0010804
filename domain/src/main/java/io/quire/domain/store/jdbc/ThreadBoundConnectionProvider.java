package io.quire.domain.store.jdbc;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.jdbc.ConnectionWrapperFactory.ConnectionCloseHandler;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Axon's {@link ConnectionProvider} that makes Axon's JDBC statements part of the calling thread's transaction.
 *
 * <ul>
 *   <li>Inside a transaction of the {@link ThreadBoundTransactionManager}: returns that transaction's connection,
 *       wrapped so that Axon's {@code close()} and any {@code commit()} do nothing; the transaction decides when
 *       the work becomes visible.</li>
 *   <li>Outside a transaction: returns a connection from the pool in auto-commit mode, so each statement commits
 *       on its own and {@code close()} returns the connection to the pool. Use this only for work that is one
 *       statement (schema creation, a single read); anything that must be atomic belongs in a transaction.</li>
 * </ul>
 *
 * <p>Threads: any thread; what it returns depends on the calling thread's transaction.
 */
public final class ThreadBoundConnectionProvider implements ConnectionProvider {

    // Axon closes every connection it gets after each statement; the bound one must survive until the transaction ends.
    private static final ConnectionCloseHandler LEAVE_TO_TRANSACTION = new ConnectionCloseHandler() {
        @Override
        public void close(Connection connection) {
        }

        @Override
        public void commit(Connection connection) {
        }
    };

    private final DataSource dataSource;
    private final ThreadBoundTransactionManager transactions;

    /**
     * @param dataSource   the pool used outside transactions; the same one {@code transactions} draws from
     * @param transactions the manager whose thread-bound connections this provider hands out
     */
    public ThreadBoundConnectionProvider(DataSource dataSource, ThreadBoundTransactionManager transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * The calling thread's transaction connection, or an auto-commit connection from the pool.
     *
     * @throws SQLException when the pool has no connection to give (after its timeout) or the database is down
     */
    @Override
    public Connection getConnection() throws SQLException {
        Optional<Connection> bound = transactions.currentConnection();
        if (bound.isPresent()) {
            return ConnectionWrapperFactory.wrap(bound.get(), LEAVE_TO_TRANSACTION);
        }
        return dataSource.getConnection();
    }
}
