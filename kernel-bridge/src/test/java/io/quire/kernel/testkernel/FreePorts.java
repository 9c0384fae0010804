package io.quire.kernel.testkernel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports found by binding port 0 and releasing it, as jupyter_client does. All sockets stay open until all
 * ports are chosen so the same port is not handed out twice; another process may still grab one before the kernel
 * binds it, which is acceptable for tests.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct free ports on 127.0.0.1. */
    public static int[] on127(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
