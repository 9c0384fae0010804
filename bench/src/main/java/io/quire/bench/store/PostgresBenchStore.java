package io.quire.bench.store;

import io.quire.domain.store.EventDatabase;
import io.quire.gateway.QuireSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database {@code quire_bench_<random>} of its own on a PostgreSQL server, created here and dropped (with its
 * connections) on {@link #close()}.
 */
final class PostgresBenchStore implements BenchStore {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(.*)");

    private final String serverUrl;
    private final String databaseName;
    private final String url;

    /**
     * @param serverUrl    a JDBC URL of any database of the server, e.g.
     *                     {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
     * @param databaseName the database to create
     * @throws IllegalArgumentException when the URL is not a PostgreSQL URL
     * @throws IllegalStateException    when the database cannot be created
     */
    PostgresBenchStore(String serverUrl, String databaseName) {
        this(serverUrl, databaseName, null);
    }

    /** As above; with a template, the new database is a copy of that one (PostgreSQL's CREATE DATABASE TEMPLATE). */
    private PostgresBenchStore(String serverUrl, String databaseName, String template) {
        Matcher parts = URL.matcher(serverUrl);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + serverUrl
                    + " (expected jdbc:postgresql://HOST:PORT/DATABASE?user=...)");
        }
        this.serverUrl = serverUrl;
        this.databaseName = databaseName;
        this.url = parts.group(1) + databaseName + parts.group(3);
        execute("CREATE DATABASE " + databaseName + (template == null ? "" : " TEMPLATE " + template));
    }

    @Override
    public String engine() {
        return "postgres";
    }

    @Override
    public QuireSettings settings(int snapshotThreshold) {
        return new QuireSettings(null, url, snapshotThreshold);
    }

    @Override
    public StoredBytes storedBytes() {
        try (EventDatabase database = EventDatabase.open(url)) {
            return StoredBytes.read(database);
        }
    }

    /** The server's write-ahead log position: every change of every database of the server is logged there. */
    @Override
    public long physicalBytesWritten() {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the WAL position: " + e.getMessage(), e);
        }
    }

    @Override
    public String physicalWritesMeaning() {
        return "WAL bytes of the whole PostgreSQL server (events, indexes, snapshots, read models; plus whatever"
                + " else runs on that server meanwhile)";
    }

    @Override
    public BenchStore copy(String purpose) {
        return new PostgresBenchStore(serverUrl, StoreFactory.name(purpose), databaseName);
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "postgres database " + databaseName;
    }
}
