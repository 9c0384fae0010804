package io.quire.gateway.http.kernels;

import io.quire.gateway.QuireSettings;
import io.quire.kernel.spec.KernelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** `quire serve --kernel-pool 1 --cull-idle 2`: kernels come warm from the pool, and idle ones are stopped. */
class KernelPoolAndCullingTest {

    @TempDir
    Path data;

    @Test
    void idleKernelsWithoutClientsAreStoppedAndThePoolRefills() throws Exception {
        QuireSettings settings = QuireSettings.embedded(data).withKernels(1, Duration.ofSeconds(2));
        try (KernelTestServer server = KernelTestServer.start(settings, QuireSettings.DEFAULT_LARGE_OUTPUT_THRESHOLD
                * 1024L)) {
            String id = server.startKernel().getString("id");
            assertThat(server.get("/api/kernels/" + id).status()).isEqualTo(200);

            KernelSpec python = server.quire().kernelSpecs().find("python3").orElseThrow();
            Instant deadline = Instant.now().plusSeconds(60);
            while (server.get("/api/kernels/" + id).status() == 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(server.get("/api/kernels/" + id).status()).as("the idle kernel was culled").isEqualTo(404);
            while (server.quire().kernelPool().warmCount(python) < 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(server.quire().kernelPool().warmCount(python)).as("a warm kernel waits").isEqualTo(1);
        }
    }
}
