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
 * The people who may use this Quire, each with an API token. Only a hash of each token is kept: a stolen
 * database does not give access.
 */
public final class Users {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    public Users(DataSource dataSource) {
        this.dataSource = dataSource;
        update("CREATE TABLE IF NOT EXISTS quire_user (name VARCHAR(255) PRIMARY KEY, token_sha256 VARCHAR(64) NOT NULL)");
    }

    /**
     * Adds a user and returns their new token (shown once).
     *
     * @throws CommandRejectedException when the name is malformed or taken
     */
    public String add(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._@-]{1,255}")) {
            throw CommandRejectedException.invalid("'" + name + "' is not a user name: use letters, digits, '.', '_',"
                    + " '@' or '-'");
        }
        if (all().contains(name)) {
            throw CommandRejectedException.conflict("a user named " + name + " exists already");
        }
        String token = newToken();
        update("INSERT INTO quire_user (name, token_sha256) VALUES (?, ?)", name, sha256(token));
        return token;
    }

    /** The user a token belongs to. */
    public Optional<String> byToken(String token) {
        return query("SELECT name FROM quire_user WHERE token_sha256 = ?", sha256(token)).stream().findFirst();
    }

    public List<String> all() {
        return query("SELECT name FROM quire_user ORDER BY name");
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

    private List<String> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the users: " + e.getMessage(), e);
        }
    }
}
