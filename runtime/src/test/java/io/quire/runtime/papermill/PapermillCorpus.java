package io.quire.runtime.papermill;

import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.notebook.NotebookContent;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * papermill's own test notebooks, in {@code ../shared/corpus/papermill} beside the repository (tests run in the
 * module's folder, whose parent is the repository). Missing corpus: skipped, failed in CI.
 */
final class PapermillCorpus {

    static final Path FOLDER = Path.of("").toAbsolutePath().getParent().resolveSibling("shared")
            .resolve("corpus").resolve("papermill");

    private PapermillCorpus() {
    }

    static Path path(String relative) {
        Path file = FOLDER.resolve(relative);
        if (!Files.isReadable(file)) {
            String message = "papermill corpus file missing: " + file;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return file;
    }

    static NotebookContent notebook(String relative) {
        Path file = path(relative);
        try {
            return new NotebookReader().read(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
