package io.quire.gateway.http.kernels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a secret could leak to: the files under a data directory (event store, kernel logs, connection files) and
 * what this JVM logged. Logging goes to {@code System.err} (slf4j-simple); {@link #logged()} sees it from the first
 * use of this class on.
 */
final class SecretScan {

    private static final ByteArrayOutputStream LOGGED = new ByteArrayOutputStream();

    static {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (LOGGED) {
                    LOGGED.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                synchronized (LOGGED) {
                    LOGGED.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    private SecretScan() {
    }

    /** Starts capturing (a no-op after the first call). */
    static void capture() {
    }

    static String logged() {
        synchronized (LOGGED) {
            return LOGGED.toString(StandardCharsets.UTF_8);
        }
    }

    static List<Path> filesContaining(Path directory, String secret) {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false; // a file that vanished (a kernel's connection file) holds nothing
        }
    }
}
