package io.quire.gateway.cli;

import io.quire.runtime.output.s3.S3Settings;
import java.net.URI;

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

    @Option(names = "--output-store", paramLabel = "TARGET",
            description = "Where runs' output notebooks go: a directory, or s3://BUCKET[/PREFIX]."
                    + " Default: $QUIRE_OUTPUT_STORE, or DATA/outputs.")
    String outputStore;

    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "An S3-compatible server instead of AWS (path-style access), e.g. http://127.0.0.1:9000."
                    + " Default: $QUIRE_S3_ENDPOINT. Credentials and region come from the AWS variables"
                    + " (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION) or profile.")
    String s3Endpoint;

    Quire open(boolean rebuild) {
        return Quire.start(settings(), rebuild);
    }

    /**
     * A node for one short command (not a run, a server or a rebuild): its read models catch up only if a read
     * needs it.
     */
    Quire openForCommand() {
        return Quire.startForCommand(settings());
    }

    QuireSettings settings() {
        S3Settings s3 = S3Settings.defaults();
        if (s3Endpoint != null && !s3Endpoint.isBlank()) {
            try {
                s3 = s3.withEndpoint(URI.create(s3Endpoint)).withPathStyle(true);
            } catch (IllegalArgumentException e) {
                throw new UserError("--s3-endpoint " + s3Endpoint + " is not a URL: " + e.getMessage());
            }
        }
        return new QuireSettings(dataDirectory(), databaseUrl(), snapshotEvery)
                .withOutputs(outputStore == null || outputStore.isBlank() ? null : outputStore, s3);
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
                ? Path.of(fromEnvironment) : QuireDefaults.home(System.getenv()).resolve(".quire");
    }

    private String databaseUrl() {
        if (database != null) {
            return database;
        }
        String fromEnvironment = System.getenv("QUIRE_DB");
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : null;
    }
}
