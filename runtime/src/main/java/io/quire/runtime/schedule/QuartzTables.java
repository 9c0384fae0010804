package io.quire.runtime.schedule;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates Quartz's tables in a schema when they are missing, from the DDL the Quartz jar ships
 * ({@value #DDL}), without its DROP statements. Nodes starting together take an advisory lock first, so only
 * one of them creates the tables.
 */
final class QuartzTables {

    static final String DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    private QuartzTables() {
    }

    static void createIfMissing(DataSource pool, String schema) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext('quire-quartz-tables/" + schema + "'))");
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                if (!exists(statement, schema)) {
                    statement.execute("SET LOCAL search_path TO " + schema);
                    for (String sql : statements()) {
                        statement.execute(sql);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean exists(Statement statement, String schema) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT to_regclass('" + schema + ".qrtz_locks') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** The CREATE statements of the shipped script: no comments, no DROP, no COMMIT (the caller commits). */
    static List<String> statements() {
        String script;
        try (InputStream in = QuartzTables.class.getClassLoader().getResourceAsStream(DDL)) {
            if (in == null) {
                throw new IllegalStateException(DDL + " is missing from the classpath: is the Quartz jar there?");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DDL, e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String sql : withoutComments.toString().split(";")) {
            String trimmed = sql.trim();
            String head = trimmed.toUpperCase();
            if (!trimmed.isEmpty() && !head.startsWith("DROP") && !head.equals("COMMIT")) {
                statements.add(trimmed);
            }
        }
        return statements;
    }
}
