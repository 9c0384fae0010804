package io.quire.runtime.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Chooses free TCP ports for kernels. A port handed out stays reserved until its kernel stops, so parallel
 * launches in this process never get the same port, whichever launcher makes them (the reservations are shared by
 * every allocator in the JVM: two Quire nodes, or a test's, must not race each other either); each one is checked
 * free by binding it first. Another program can still take a port between the check and the kernel's bind: the
 * launcher then notices (see {@link PortConflictWatch}) and retries with new ports.
 */
final class PortAllocator {

    private static final Set<Integer> RESERVED = new HashSet<>();

    /** Reserves {@code count} distinct free ports on the loopback interface. */
    int[] reserve(int count) {
        synchronized (RESERVED) {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                int port;
                do {
                    port = bindEphemeral();
                } while (!RESERVED.add(port));
                ports[i] = port;
            }
            return ports;
        }
    }

    void release(int... ports) {
        synchronized (RESERVED) {
            for (int port : ports) {
                RESERVED.remove(port);
            }
        }
    }

    private static int bindEphemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on the loopback interface", e);
        }
    }
}
