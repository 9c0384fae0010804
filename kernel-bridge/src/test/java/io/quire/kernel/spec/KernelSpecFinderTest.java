package io.quire.kernel.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecFinderTest {

    @TempDir
    Path root;

    @Test
    void searchOrderIsJupyterPathThenUserThenEnvironmentThenSystem() {
        Path home = Path.of("/home/ann");
        List<Path> dirs = JupyterPaths.dataDirs(Map.of("JUPYTER_PATH", "/a:/b"), home,
                List.of(Path.of("/opt/conda/share/jupyter")));

        assertThat(dirs).containsExactly(Path.of("/a"), Path.of("/b"), Path.of("/home/ann/.local/share/jupyter"),
                Path.of("/opt/conda/share/jupyter"), Path.of("/usr/local/share/jupyter"),
                Path.of("/usr/share/jupyter"));
    }

    @Test
    void userDataDirHonoursJupyterDataDirThenXdg() {
        Path home = Path.of("/home/ann");

        assertThat(JupyterPaths.userDataDir(Map.of("JUPYTER_DATA_DIR", "/data/j"), home)).isEqualTo(Path.of("/data/j"));
        assertThat(JupyterPaths.userDataDir(Map.of("XDG_DATA_HOME", "/xdg"), home)).isEqualTo(Path.of("/xdg/jupyter"));
    }

    @Test
    void theFirstDirectoryHoldingANameWins() throws IOException {
        Path first = root.resolve("first");
        Path second = root.resolve("second");
        writeSpec(second, "Python3", "{\"argv\": [\"second\"], \"display_name\": \"Second\"}");
        writeSpec(first, "python3", "{\"argv\": [\"first\"], \"display_name\": \"First\"}");
        writeSpec(second, "ir", "{\"argv\": [\"R\"], \"display_name\": \"R\", \"language\": \"R\"}");

        KernelSpecFinder finder = KernelSpecFinder.fromDataDirs(List.of(first, second));

        assertThat(finder.find("PYTHON3")).get().extracting(KernelSpec::displayName).isEqualTo("First");
        assertThat(finder.findAll()).containsOnlyKeys("python3", "ir");
        assertThat(finder.find("julia")).isEmpty();
    }

    @Test
    void specFieldsAreReadWithJupyterDefaultsAndArgvIsSubstituted() throws IOException {
        writeSpec(root, "echo", """
                {"argv": ["/usr/bin/python3", "-m", "echo_kernel", "-f", "{connection_file}",
                          "--resources", "{resource_dir}"],
                 "display_name": "Echo", "language": "text", "env": {"A": "1"},
                 "metadata": {"debugger": false}}""");
        writeSpec(root, "msg", "{\"argv\": [\"k\"], \"display_name\": \"M\", \"interrupt_mode\": \"message\"}");

        KernelSpecFinder finder = KernelSpecFinder.fromDataDirs(List.of(root));
        KernelSpec echo = finder.find("echo").orElseThrow();

        assertThat(echo.interruptMode()).isEqualTo(InterruptMode.SIGNAL);
        assertThat(echo.env()).containsEntry("A", "1");
        assertThat(echo.metadata().get("debugger").asBoolean()).isFalse();
        assertThat(echo.argv(Path.of("/run/k-1.json"))).containsExactly("/usr/bin/python3", "-m", "echo_kernel",
                "-f", "/run/k-1.json", "--resources", root.resolve("kernels/echo").toString());
        assertThat(finder.find("msg").orElseThrow().interruptMode()).isEqualTo(InterruptMode.MESSAGE);
    }

    @Test
    void invalidNamesAndDirectoriesWithoutKernelJsonAreIgnored() throws IOException {
        writeSpec(root, "bad name", "{\"argv\": [\"x\"]}");
        Files.createDirectories(root.resolve("kernels/empty"));

        assertThat(KernelSpecFinder.fromDataDirs(List.of(root)).findAll()).isEmpty();
    }

    @Test
    void aBrokenSpecIsAnErrorNotASilentFallback() throws IOException {
        Path first = root.resolve("first");
        writeSpec(first, "python3", "{\"display_name\": \"no argv\"}");
        writeSpec(root.resolve("second"), "python3", "{\"argv\": [\"ok\"]}");

        assertThatThrownBy(() -> KernelSpecFinder.fromDataDirs(List.of(first, root.resolve("second")))
                .find("python3")).isInstanceOf(IOException.class).hasMessageContaining("argv");
    }

    @Test
    void findsDebiansPythonKernelInTheSystemDirectory() throws IOException {
        KernelSpec python = KernelSpecFinder.standard(List.of()).find("python3").orElseThrow();

        assertThat(python.language()).isEqualTo("python");
        assertThat(python.argv()).contains("{connection_file}");
    }

    private static void writeSpec(Path dataDir, String name, String json) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("kernels").resolve(name));
        Files.writeString(dir.resolve(KernelSpec.FILE_NAME), json);
    }
}
