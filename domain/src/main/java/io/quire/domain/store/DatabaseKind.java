package io.quire.domain.store;

import java.util.Locale;

/** The databases Quire can keep its events in, recognised by their JDBC URL. */
public enum DatabaseKind {

    /** H2 2.x, embedded in the Quire process ({@code jdbc:h2:file:...}); the default for a single node. */
    H2("jdbc:h2:"),

    /** PostgreSQL ({@code jdbc:postgresql://host:port/database}); for several nodes or managed backups. */
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    DatabaseKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /**
     * The kind of database a JDBC URL names.
     *
     * @throws EventDatabaseException naming the accepted forms when the URL is neither H2 nor PostgreSQL
     */
    public static DatabaseKind of(String jdbcUrl) {
        String lower = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        for (DatabaseKind kind : values()) {
            if (lower.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new EventDatabaseException("unsupported event database URL '" + JdbcUrls.redact(jdbcUrl)
                + "': Quire keeps its events in PostgreSQL (jdbc:postgresql://HOST:PORT/DATABASE?user=USER) or in an"
                + " embedded H2 file (jdbc:h2:file:/PATH/events); use one of those, or --data DIR for the embedded"
                + " default");
    }
}
