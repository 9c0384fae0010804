package io.quire.kernel.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.wire.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionInfoTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenFileReadsBackEqualAndOnlyItsOwnerCanRead() throws IOException {
        ConnectionInfo info = new ConnectionInfo("127.0.0.1", "tcp", 5001, 5002, 5003, 5004, 5005,
                ConnectionInfo.newKey(), "hmac-sha256", "python3");
        Path file = dir.resolve("kernel-1.json");

        info.write(file);

        assertThat(ConnectionInfo.read(file)).isEqualTo(info);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void readsTheFileJupyterClientWrites() throws Exception {
        Path file = dir.resolve("from-python.json");
        Process python = new ProcessBuilder("/usr/bin/python3", "-c",
                "import sys; from jupyter_client.connect import write_connection_file;"
                        + "write_connection_file(sys.argv[1], ip='127.0.0.1', shell_port=6001, iopub_port=6002,"
                        + " stdin_port=6003, control_port=6004, hb_port=6005, key=b'abc', kernel_name='python3')",
                file.toString()).redirectErrorStream(true).start();
        assertThat(python.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(new String(python.getInputStream().readAllBytes())).isZero();

        ConnectionInfo info = ConnectionInfo.read(file);

        assertThat(info).isEqualTo(new ConnectionInfo("127.0.0.1", "tcp", 6001, 6002, 6003, 6004, 6005, "abc",
                "hmac-sha256", "python3"));
    }

    @Test
    void endpointsFollowTheTransport() {
        ConnectionInfo tcp = new ConnectionInfo("10.0.0.5", "tcp", 1, 2, 3, 4, 5, "", null, null);
        ConnectionInfo ipc = new ConnectionInfo("/tmp/kernel", "ipc", 1, 2, 3, 4, 5, "", null, null);

        assertThat(tcp.endpoint(Channel.IOPUB)).isEqualTo("tcp://10.0.0.5:2");
        assertThat(tcp.endpoint(Channel.HEARTBEAT)).isEqualTo("tcp://10.0.0.5:5");
        assertThat(ipc.endpoint(Channel.CONTROL)).isEqualTo("ipc:///tmp/kernel-4");
        assertThat(tcp.signatureScheme()).isEqualTo("hmac-sha256");
    }

    @Test
    void aFileThatIsNotAConnectionFileIsAnIoError() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"shell_port\": \"not a number\"}");

        assertThatThrownBy(() -> ConnectionInfo.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("broken.json").hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
