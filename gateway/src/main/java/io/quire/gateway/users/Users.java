package io.quire.gateway.users;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.quire.domain.CommandRejectedException;

/**
 * The people who may use this Quire, each with an API token and, optionally, the workspaces they are limited to
 * ({@link Workspaces}). Only a hash of each token is kept: a stolen database does not give access. Workspaces are
 * kept one folder a line in the {@code workspaces} column, added to databases made before it existed. Blocking
 * (JDBC).
 */
public final class Users {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    public Users(DataSource dataSource) {
        this.dataSource = dataSource;
        update("CREATE TABLE IF NOT EXISTS quire_user (name VARCHAR(255) PRIMARY KEY, token_sha256 VARCHAR(64) NOT NULL)");
        // Databases made before workspaces existed lack the column; H2 and PostgreSQL both know IF NOT EXISTS here.
        update("ALTER TABLE quire_user ADD COLUMN IF NOT EXISTS workspaces VARCHAR(65535) DEFAULT '' NOT NULL");
    }

    /**
     * Adds a user and returns their new token (shown once).
     *
     * @throws CommandRejectedException when the name is malformed or taken
     */
    public String add(String name) {
        return add(name, Workspaces.EVERYWHERE);
    }

    /**
     * Adds a user limited to {@code workspaces} (none: everything) and returns their new token (shown once).
     *
     * @throws CommandRejectedException when the name is malformed or taken
     */
    public String add(String name, Workspaces workspaces) {
        if (name == null || !name.matches("[A-Za-z0-9._@-]{1,255}")) {
            throw CommandRejectedException.invalid("'" + name + "' is not a user name: use letters, digits, '.', '_',"
                    + " '@' or '-'");
        }
        if (all().contains(name)) {
            throw CommandRejectedException.conflict("a user named " + name + " exists already");
        }
        String token = newToken();
        update("INSERT INTO quire_user (name, token_sha256, workspaces) VALUES (?, ?, ?)", name, sha256(token),
                column(workspaces));
        return token;
    }

    /**
     * Limits {@code name} to other workspaces (none: everything); requests already authenticated keep the old ones.
     *
     * @throws CommandRejectedException when there is no such user
     */
    public void limit(String name, Workspaces workspaces) {
        find(name).orElseThrow(() -> unknown(name));
        update("UPDATE quire_user SET workspaces = ? WHERE name = ?", column(workspaces), name);
    }

    /** The user a token belongs to. */
    public Optional<User> byToken(String token) {
        return users("SELECT name, workspaces FROM quire_user WHERE token_sha256 = ?", sha256(token)).stream()
                .findFirst();
    }

    public Optional<User> find(String name) {
        return users("SELECT name, workspaces FROM quire_user WHERE name = ?", name).stream().findFirst();
    }

    /** The names of every user, sorted. */
    public List<String> all() {
        return everyone().stream().map(User::name).toList();
    }

    /** Every user with their workspaces, by name. */
    public List<User> everyone() {
        return users("SELECT name, workspaces FROM quire_user ORDER BY name");
    }

    private static CommandRejectedException unknown(String name) {
        return CommandRejectedException.notFound("there is no user named " + name + ": `quire user ls` lists them");
    }

    private static String column(Workspaces workspaces) {
        return String.join("\n", workspaces.folders());
    }

    /** Runs a query of (name, workspaces) rows. */
    private List<User> users(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<User> users = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String folders = rows.getString(2);
                    users.add(new User(rows.getString(1), new Workspaces(folders == null || folders.isEmpty()
                            ? List.of() : List.of(folders.split("\n")))));
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the users: " + e.getMessage(), e);
        }
    }

    /** A random token of 48 hex digits, as Jupyter makes them. */
    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the users: " + e.getMessage(), e);
        }
    }
}
