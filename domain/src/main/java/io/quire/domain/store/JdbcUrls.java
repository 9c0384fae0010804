package io.quire.domain.store;

import java.util.regex.Pattern;

/** Small text operations on JDBC URLs that do not depend on the database kind. */
final class JdbcUrls {

    // Covers PostgreSQL's "?password=x&..." and H2's ";PASSWORD=x;...": the value runs to the next separator.
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private JdbcUrls() {
    }

    /** The URL with any password value replaced by {@code ***}, fit for messages and logs. */
    static String redact(String jdbcUrl) {
        return jdbcUrl == null ? "null" : PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }
}
