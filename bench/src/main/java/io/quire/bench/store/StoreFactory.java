package io.quire.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Makes a fresh {@link BenchStore} per benchmark case. */
public final class StoreFactory {

    private final Path workDirectory;
    private final String postgresServerUrl;

    /**
     * @param workDirectory     where H2 stores get their directories
     * @param postgresServerUrl a JDBC URL of any database of the PostgreSQL server to create databases on
     */
    public StoreFactory(Path workDirectory, String postgresServerUrl) {
        this.workDirectory = workDirectory;
        this.postgresServerUrl = postgresServerUrl;
    }

    /**
     * A new empty store.
     *
     * @param purpose a short word naming the case, part of the directory or database name
     */
    public BenchStore create(Engine engine, String purpose) {
        String name = name(purpose);
        return switch (engine) {
            case H2 -> new H2BenchStore(workDirectory.resolve(name));
            case POSTGRES -> new PostgresBenchStore(postgresServerUrl, name);
        };
    }

    /**
     * Fails now, rather than after the H2 half of a run, when the PostgreSQL server cannot be reached.
     *
     * @throws IllegalArgumentException saying what to do
     */
    public static void checkPostgres(String postgresServerUrl) {
        try (Connection ignored = DriverManager.getConnection(postgresServerUrl)) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot reach PostgreSQL at " + postgresServerUrl + " ("
                    + e.getMessage() + "): start it, pass another server with --postgres, or run with --db h2");
        }
    }

    /** {@code quire_bench_<purpose>_<8 random hex digits>}: a directory or database name no other run uses. */
    static String name(String purpose) {
        return "quire_bench_" + purpose + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
