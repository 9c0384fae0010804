package io.quire.runtime.schedule;

import com.zaxxer.hikari.HikariDataSource;
import org.quartz.utils.ConnectionProvider;

import java.sql.Connection;
import java.sql.SQLException;

/** HikariCP as Quartz's connection pool (instead of Quartz's default, c3p0). Quartz closes it at shutdown. */
final class PooledConnections implements ConnectionProvider {

    private final HikariDataSource pool;

    PooledConnections(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void initialize() {
        // the pool is started when built
    }

    @Override
    public void shutdown() {
        pool.close();
    }
}
