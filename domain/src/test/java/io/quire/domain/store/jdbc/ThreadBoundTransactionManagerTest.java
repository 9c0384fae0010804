package io.quire.domain.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Thread-bound transactions and the connections Axon gets inside and outside them, on an in-memory H2. */
class ThreadBoundTransactionManagerTest {

    private HikariDataSource pool;
    private ThreadBoundTransactionManager transactions;
    private ThreadBoundConnectionProvider connections;

    @BeforeEach
    void openPool() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        transactions = new ThreadBoundTransactionManager(pool);
        connections = new ThreadBoundConnectionProvider(pool, transactions);
        execute("CREATE TABLE cells (id VARCHAR(20) PRIMARY KEY)");
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void statementsThroughTheProviderCommitWithTheTransaction() throws Exception {
        Transaction transaction = transactions.startTransaction();
        execute("INSERT INTO cells VALUES ('a')");

        assertThat(countFromAnotherThread()).isZero();
        transaction.commit();

        assertThat(countFromAnotherThread()).isEqualTo(1);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void rollbackDiscardsTheWorkAndReleasesTheConnection() throws Exception {
        Transaction transaction = transactions.startTransaction();
        execute("INSERT INTO cells VALUES ('a')");
        transaction.rollback();

        assertThat(countFromAnotherThread()).isZero();
        assertThat(transactions.isTransactionActive()).isFalse();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void nestedTransactionJoinsTheOuterOneAndOnlyTheOutermostCommits() throws Exception {
        Transaction outer = transactions.startTransaction();
        Transaction inner = transactions.startTransaction();
        execute("INSERT INTO cells VALUES ('a')");
        inner.commit();

        assertThat(countFromAnotherThread()).isZero();
        outer.commit();
        assertThat(countFromAnotherThread()).isEqualTo(1);
    }

    @Test
    void nestedRollbackMakesTheOuterCommitRollBackAndSaySo() throws Exception {
        Transaction outer = transactions.startTransaction();
        execute("INSERT INTO cells VALUES ('a')");
        Transaction inner = transactions.startTransaction();
        inner.rollback();

        assertThatThrownBy(outer::commit).isInstanceOf(IllegalStateException.class)
                                        .hasMessageContaining("rolled back instead of committing");
        assertThat(countFromAnotherThread()).isZero();
        assertThat(transactions.isTransactionActive()).isFalse();
    }

    @Test
    void providerConnectionInsideTransactionIsTheBoundOneAndSurvivesClose() throws SQLException {
        Transaction transaction = transactions.startTransaction();
        try {
            Connection first = connections.getConnection();
            first.close();
            first.commit();
            Connection second = connections.getConnection();

            assertThat(second.isClosed()).isFalse();
            assertThat(second.getAutoCommit()).isFalse();
            assertThat(sessionId(second)).isEqualTo(sessionId(transactions.currentConnection().orElseThrow()));
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void providerConnectionOutsideTransactionIsPooledAndAutoCommits() throws Exception {
        try (Connection connection = connections.getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO cells VALUES ('a')");
            }
        }

        assertThat(countFromAnotherThread()).isEqualTo(1);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void transactionMustEndOnTheThreadThatStartedIt() throws Exception {
        Transaction transaction = transactions.startTransaction();
        try {
            CompletableFuture<Void> elsewhere = CompletableFuture.runAsync(transaction::commit);

            assertThatThrownBy(() -> elsewhere.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("on the thread that started it");
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void rollbackAfterTheEndDoesNothingButASecondCommitIsRefused() {
        Transaction transaction = transactions.startTransaction();
        transaction.commit();

        transaction.rollback();
        assertThatThrownBy(transaction::commit).isInstanceOf(IllegalStateException.class)
                                               .hasMessageContaining("already ended");
    }

    @Test
    void eachThreadHasItsOwnTransaction() throws Exception {
        Transaction mine = transactions.startTransaction();
        try {
            boolean otherThreadSeesOne = CompletableFuture.supplyAsync(transactions::isTransactionActive)
                                                          .get(10, TimeUnit.SECONDS);
            assertThat(otherThreadSeesOne).isFalse();
            assertThat(transactions.isTransactionActive()).isTrue();
        } finally {
            mine.rollback();
        }
    }

    private void execute(String sql) throws SQLException {
        Connection connection = connections.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } finally {
            connection.close();
        }
    }

    private int countFromAnotherThread() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try (Connection connection = pool.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM cells")) {
                result.next();
                return result.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    private static int sessionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT SESSION_ID()")) {
            result.next();
            return result.getInt(1);
        }
    }
}
