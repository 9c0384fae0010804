package io.quire.bench.store;

import java.nio.file.Path;
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
        String name = "quire_bench_" + purpose + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return switch (engine) {
            case H2 -> new H2BenchStore(workDirectory.resolve(name));
            case POSTGRES -> new PostgresBenchStore(postgresServerUrl, name);
        };
    }
}
