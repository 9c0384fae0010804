package io.quire.runtime.kernel;

import io.quire.kernel.connection.ConnectionInfo;
import io.quire.kernel.spec.KernelSpec;
import io.quire.kernel.wire.Channel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Spawns kernels, but first takes one channel's port of the first kernel, as another program may between the
 * launcher's check and the kernel's bind. Closing it frees the port.
 */
final class PortTakingStarter implements ProcessStarter {

    private final Channel victim;
    private final ProcessStarter spawning = new SpawningProcessStarter();
    private ServerSocket taken;
    private Path firstLog;

    PortTakingStarter(Channel victim) {
        this.victim = victim;
    }

    @Override
    public synchronized Started start(KernelSpec spec, List<String> command, Path workingDirectory,
                                      Map<String, String> environment, Path log, Runnable cleanUp) throws IOException {
        if (taken == null) {
            int port = ConnectionInfo.read(log.resolveSibling("connection.json")).port(victim);
            taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
            firstLog = log;
        }
        return spawning.start(spec, command, workingDirectory, environment, log, cleanUp);
    }

    synchronized int takenPort() {
        return taken.getLocalPort();
    }

    /** The log of the kernel whose port was taken. */
    synchronized Path firstLog() {
        return firstLog;
    }

    @Override
    public synchronized void close() {
        try {
            if (taken != null) {
                taken.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
