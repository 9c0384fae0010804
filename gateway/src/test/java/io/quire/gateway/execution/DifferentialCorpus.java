package io.quire.gateway.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The notebooks both sides run: this package's fixtures (every output type), then papermill's test notebooks that
 * run without parameters, from the shared corpus beside the repository when it is there.
 */
final class DifferentialCorpus {

    /** A notebook to run, named for the test report. */
    record Case(String name, Path file) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Papermill notebooks left out, and why. */
    static final Map<String, String> LEFT_OUT = Map.of(
            "read_check.ipynb", "prints the kernel's working directory, which differs by design",
            "keyboard_interrupt.ipynb", "sleeps 60 s: it is there to be interrupted");

    private DifferentialCorpus() {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>(notebooksIn(fixtures(), ""));
        Path papermill = papermill();
        if (Files.isDirectory(papermill)) {
            notebooksIn(papermill, "papermill/").stream()
                    .filter(c -> !LEFT_OUT.containsKey(c.file().getFileName().toString()))
                    .forEach(cases::add);
        } else {
            System.err.println("differential test: no papermill corpus at " + papermill + "; running the fixtures only");
        }
        return cases;
    }

    /** {@code ../shared/corpus/papermill} from the repository root, the parent of the module's directory. */
    static Path papermill() {
        return Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus/papermill").normalize();
    }

    private static Path fixtures() {
        try {
            return Path.of(DifferentialCorpus.class.getResource("/execution/notebooks").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Case> notebooksIn(Path directory, String prefix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".ipynb")).sorted(Comparator.naturalOrder())
                    .map(file -> new Case(prefix + file.getFileName(), file)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
