package io.quire.domain.nbformat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The notebooks the round-trip, equivalence and schema tests run on: the fixtures in
 * {@code src/test/resources/nbformat/} (made by {@code make_fixtures.py} there) and papermill's test notebooks,
 * read from {@code ../shared/corpus/papermill} beside the repository (where CI and every work tree has it) unless the system property {@code quire.nbformat.corpus} names
 * another folder.
 */
final class Samples {

    static final Path CORPUS = System.getProperty("quire.nbformat.corpus") != null
            ? Path.of(System.getProperty("quire.nbformat.corpus"))
            // Tests run in the module's folder: the repository is its parent, shared/ sits beside the repository.
            : Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("corpus").resolve("papermill");

    private Samples() {
    }

    /** One notebook file; its name is what a parameterized test shows. */
    record Sample(String name, Path path) {

        byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The fixtures and the corpus (when present: {@code corpusIsPresent} tests that it is). */
    static Stream<Sample> all() {
        return Stream.concat(fixtures().stream(), corpus().stream());
    }

    static List<Sample> fixtures() {
        try {
            Path folder = Path.of(Samples.class.getResource("/nbformat").toURI());
            return notebooksIn(folder, "fixture ");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Sample fixture(String fileName) {
        return fixtures().stream().filter(sample -> sample.path().getFileName().toString().equals(fileName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no fixture " + fileName));
    }

    static List<Sample> corpus() {
        return Files.isDirectory(CORPUS) ? notebooksIn(CORPUS, "papermill ") : List.of();
    }

    private static List<Sample> notebooksIn(Path folder, String prefix) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".ipynb")).sorted()
                    .map(file -> new Sample(prefix + folder.relativize(file), file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
