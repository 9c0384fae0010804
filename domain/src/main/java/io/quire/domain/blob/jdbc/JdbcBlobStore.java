package io.quire.domain.blob.jdbc;

import io.quire.domain.blob.BlobStore;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/** Blobs in a table of the event database ({@code output_blob}), so they share its backups and lifetime. */
public final class JdbcBlobStore implements BlobStore {

    private static final String PREFIX = "sha256:";

    private final DataSource dataSource;

    /** @param binaryType the column type for bytes: {@code BYTEA} on PostgreSQL, {@code BLOB} on H2 */
    public JdbcBlobStore(DataSource dataSource, String binaryType) {
        this.dataSource = dataSource;
        execute("CREATE TABLE IF NOT EXISTS output_blob (address VARCHAR(80) PRIMARY KEY, content " + binaryType
                + " NOT NULL)");
    }

    @Override
    public String put(byte[] content) {
        String address = PREFIX + sha256(content);
        if (get(address).isPresent()) {
            return address;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO output_blob (address, content) VALUES (?, ?)")) {
            insert.setString(1, address);
            insert.setBytes(2, content);
            insert.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // Another writer stored the same content first: content addressing makes that a success.
            if (get(address).isEmpty()) {
                throw new IllegalStateException("cannot store an output value: " + e.getMessage(), e);
            }
        }
        return address;
    }

    @Override
    public Optional<byte[]> get(String address) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT content FROM output_blob WHERE address = ?")) {
            select.setString(1, address);
            try (ResultSet row = select.executeQuery()) {
                Optional<byte[]> content = row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return content;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read output value " + address + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(sql);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the output_blob table: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
