package io.quire.gateway.cli;

import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.notebook.Notebooks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every notebook of the shared corpus (papermill's test notebooks), imported and exported through the whole stack
 * as {@code quire import} and {@code quire export} do (commands, event store, live read model), is valid for
 * Debian's nbformat and exactly what nbformat writes for it; after {@code quire rebuild} the exports are the same
 * bytes. Needs {@code /usr/bin/python3} with nbformat: skipped without it, failed on CI ({@code CI=true}).
 */
class CorpusExportTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path data;
    @TempDir
    Path exports;

    @Test
    void everyCorpusNotebookExportsAsNbformatWritesIt() throws Exception {
        requireNbformat();
        List<Path> originals;
        try (Stream<Path> files = Files.walk(QuireCliTest.CORPUS)) {
            originals = files.filter(file -> file.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(originals).as("the corpus at %s", QuireCliTest.CORPUS).hasSizeGreaterThanOrEqualTo(20);

        QuireSettings settings = QuireSettings.embedded(data);
        List<String> arguments = new ArrayList<>();
        List<byte[]> exported = new ArrayList<>();
        try (Quire quire = Quire.start(settings, false)) {
            Notebooks notebooks = new Notebooks(quire);
            for (Path original : originals) {
                String path = path(original);
                notebooks.importNotebook(Files.readAllBytes(original), original.toString(), path, "ann");
                byte[] export = notebooks.export(path);
                exported.add(export);
                arguments.add(original.toString());
                arguments.add(Files.write(exports.resolve(path.replace('/', '_')), export).toString());
            }
        }

        String failures = python(arguments);
        assertThat(failures).as("exports nbformat finds invalid or different").isEmpty();

        try (Quire rebuilt = Quire.start(settings, true)) {
            Notebooks notebooks = new Notebooks(rebuilt);
            for (int i = 0; i < originals.size(); i++) {
                assertThat(notebooks.export(path(originals.get(i))))
                        .as("%s after a rebuild", originals.get(i)).isEqualTo(exported.get(i));
            }
        }
    }

    /** Where a corpus notebook lives in Quire: its path in the corpus, under {@code corpus/}. */
    private static String path(Path original) {
        return "corpus/" + QuireCliTest.CORPUS.relativize(original).toString().replace('\\', '/');
    }

    /** Runs check_exports.py on (original, export) pairs; returns what it printed, empty when all passed. */
    private static String python(List<String> pairs) throws IOException, InterruptedException {
        Path script = Files.createTempFile("check_exports", ".py");
        try {
            try (InputStream source = CorpusExportTest.class.getResourceAsStream("/cli/check_exports.py")) {
                Files.write(script, source.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
            command.addAll(pairs);
            // stdout: one line per failure; stderr: nbformat's warnings (missing ids in the originals), or a crash.
            Path errors = Files.createTempFile("check_exports", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String failures = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("nbformat's check ended").isTrue();
            String stderr = Files.readString(errors);
            Files.delete(errors);
            if (process.exitValue() != 0 && failures.isBlank()) {
                fail("nbformat's check failed with exit code " + process.exitValue() + ": " + stderr);
            }
            return failures;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void requireNbformat() throws IOException, InterruptedException {
        boolean available = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c",
                "import nbformat").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor() == 0;
        if (!available) {
            String message = PYTHON + " cannot import nbformat: apt-get install python3-nbformat";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }
}
