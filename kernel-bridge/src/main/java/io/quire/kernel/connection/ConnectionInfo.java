package io.quire.kernel.connection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.MessageSigner;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.UUID;

/**
 * A kernel connection file: where the kernel's five sockets listen and the key that signs its messages.
 *
 * @param ip              the address the kernel binds, e.g. {@code 127.0.0.1}; for {@code ipc}, a path prefix
 * @param transport       {@code tcp} or {@code ipc}
 * @param key             the HMAC key; empty turns signing off
 * @param signatureScheme e.g. {@code hmac-sha256}
 * @param kernelName      the kernelspec name, informational; may be empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionInfo(
        @JsonProperty("ip") String ip,
        @JsonProperty("transport") String transport,
        @JsonProperty("shell_port") int shellPort,
        @JsonProperty("iopub_port") int iopubPort,
        @JsonProperty("stdin_port") int stdinPort,
        @JsonProperty("control_port") int controlPort,
        @JsonProperty("hb_port") int hbPort,
        @JsonProperty("key") String key,
        @JsonProperty("signature_scheme") String signatureScheme,
        @JsonProperty("kernel_name") String kernelName) {

    public ConnectionInfo {
        ip = ip == null ? "127.0.0.1" : ip;
        transport = transport == null ? "tcp" : transport;
        key = key == null ? "" : key;
        signatureScheme = signatureScheme == null ? "hmac-sha256" : signatureScheme;
        kernelName = kernelName == null ? "" : kernelName;
        if (!transport.equals("tcp") && !transport.equals("ipc")) {
            throw new IllegalArgumentException("transport must be tcp or ipc, not " + transport);
        }
    }

    /** A fresh random key, as jupyter_client makes them (a UUID4 as text). */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * Reads a connection file. Unknown fields are ignored.
     *
     * @throws IOException if the file cannot be read or is not a connection file
     */
    public static ConnectionInfo read(Path file) throws IOException {
        try {
            return Json.convert(Json.tree(Files.readAllBytes(file)), ConnectionInfo.class);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a kernel connection file: " + file, e);
        }
    }

    /**
     * Writes this as a connection file, readable by its owner only (it holds the signing key), replacing any file
     * already there.
     *
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Files.write(file, Json.prettyBytes(this), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** The port of a channel. */
    public int port(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        return switch (channel) {
            case SHELL -> shellPort;
            case IOPUB -> iopubPort;
            case STDIN -> stdinPort;
            case CONTROL -> controlPort;
            case HEARTBEAT -> hbPort;
        };
    }

    /**
     * The ZeroMQ endpoint a client connects to: {@code tcp://ip:port}, or for ipc {@code ipc://ip-port} (the
     * naming jupyter_client uses for ipc files).
     */
    public String endpoint(Channel channel) {
        return transport.equals("tcp")
                ? "tcp://" + ip + ":" + port(channel)
                : "ipc://" + ip + "-" + port(channel);
    }

    /** A signer for this connection's key and scheme. */
    public MessageSigner signer() {
        return MessageSigner.of(signatureScheme, key);
    }
}
