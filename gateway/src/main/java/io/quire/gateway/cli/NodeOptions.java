package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that opens Quire's store takes. */
final class NodeOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (embedded event store and local state). Default: $QUIRE_DATA, or ~/.quire.")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Use this database for events instead of the embedded one, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/quire?user=postgres. Default: $QUIRE_DB.")
    String database;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Who makes the changes, recorded in every event. Default: the OS user.")
    String user;

    @Option(names = "--snapshot-every", paramLabel = "N",
            description = "Snapshot a notebook every N events so loading it stays fast. Default: ${DEFAULT-VALUE}.")
    int snapshotEvery;

    Quire open(boolean rebuild) {
        return Quire.start(settings(), rebuild);
    }

    QuireSettings settings() {
        return new QuireSettings(dataDirectory(), databaseUrl(), snapshotEvery);
    }

    String user() {
        return user != null ? user : System.getProperty("user.name", "unknown");
    }

    private Path dataDirectory() {
        if (data != null) {
            return data;
        }
        String fromEnvironment = System.getenv("QUIRE_DATA");
        return fromEnvironment != null && !fromEnvironment.isBlank()
                ? Path.of(fromEnvironment) : Path.of(System.getProperty("user.home"), ".quire");
    }

    private String databaseUrl() {
        if (database != null) {
            return database;
        }
        String fromEnvironment = System.getenv("QUIRE_DB");
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : null;
    }
}
