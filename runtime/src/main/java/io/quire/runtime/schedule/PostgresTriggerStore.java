package io.quire.runtime.schedule;

import java.util.regex.Pattern;

/**
 * Where a cluster of nodes keeps its triggers: Quartz's tables in one PostgreSQL schema, shared by every node, so
 * each fire time is claimed by exactly one node and fire times missed while all nodes were down are known.
 *
 * @param jdbcUrl  e.g. {@code jdbc:postgresql://db:5432/quire}
 * @param user     may be null when the URL carries it
 * @param password may be null
 * @param schema   the schema of Quartz's tables, created with them when missing; lower case letters, digits, '_'
 */
public record PostgresTriggerStore(String jdbcUrl, String user, String password, String schema) {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** @throws IllegalArgumentException saying which setting is wrong and what it should look like */
    public PostgresTriggerStore {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the trigger store needs a PostgreSQL JDBC URL like"
                    + " jdbc:postgresql://host:5432/quire, got '" + jdbcUrl + "'");
        }
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("'" + schema + "' cannot name the triggers' schema: use 1 to 63"
                    + " lower case letters, digits and '_', not starting with a digit, e.g. quire_quartz");
        }
    }

    @Override
    public String toString() {
        return "PostgresTriggerStore[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + ", schema=" + schema
                + "]";
    }
}
