package io.quire.gateway.execution;

import io.quire.gateway.execution.ComparableCells.ComparableCell;
import io.quire.gateway.execution.DifferentialCorpus.Case;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Differential test: Quire (import, run every code cell with CellRunner, export) against Debian's nbclient
 * ({@code allow_errors=True}) on the same notebooks, compared cell by cell after masking what varies between runs.
 * nbclient keeps every stream message as an output of its own; the reference merges them afterwards as Jupyter's
 * front ends (and Quire's projection) do, with {@code \r} and {@code \b} applied.
 */
class NbclientDifferentialTest {

    /** For the reference to run every notebook, counted from when Quire has run them all. */
    private static final Duration REFERENCE_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    @TestFactory
    Stream<DynamicTest> quireRecordsTheOutputsNbclientRecords() throws Exception {
        Prerequisites.requireKernelAndNbclient();
        List<Case> cases = DifferentialCorpus.cases();
        Map<Case, byte[]> quire = new LinkedHashMap<>();
        Map<Case, Throwable> quireFailures = new LinkedHashMap<>();
        Map<Case, byte[]> nbclient = new LinkedHashMap<>();
        Map<Case, Throwable> nbclientFailures = new LinkedHashMap<>();
        try (NbclientReference reference = NbclientReference.start(cases.stream().map(Case::file).toList(),
                directory.resolve("nbclient"))) {
            try (QuireExecution execution = QuireExecution.start(directory.resolve("quire"))) {
                for (Case c : cases) {
                    try {
                        quire.put(c, execution.run(c.file()));
                    } catch (Exception e) {
                        quireFailures.put(c, e);
                    }
                }
            }
            long deadline = System.nanoTime() + REFERENCE_TIMEOUT.toNanos();
            for (int i = 0; i < cases.size(); i++) {
                try {
                    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                    nbclient.put(cases.get(i), reference.result(i, left));
                } catch (AssertionError e) {
                    nbclientFailures.put(cases.get(i), e);
                }
            }
        }
        return cases.stream().map(c -> dynamicTest(c.name(), () -> {
            rethrow("Quire could not run " + c.name(), quireFailures.get(c));
            rethrow("nbclient could not run " + c.name(), nbclientFailures.get(c));
            assertSameExecution(c, nbclient.get(c), quire.get(c));
        }));
    }

    private static void rethrow(String what, Throwable failure) {
        if (failure != null) {
            throw new AssertionError(what + ": " + failure.getMessage(), failure);
        }
    }

    private static void assertSameExecution(Case c, byte[] nbclient, byte[] quire) throws Exception {
        List<ComparableCell> expected = ComparableCells.of(nbclient);
        List<ComparableCell> actual = ComparableCells.of(quire);
        if (expected.size() != actual.size()) {
            throw new AssertionError(c.name() + ": nbclient has " + expected.size() + " cells, Quire " + actual.size());
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            ComparableCell reference = expected.get(i);
            ComparableCell ours = actual.get(i);
            if (!reference.type().equals(ours.type()) || !reference.execution().equals(ours.execution())) {
                differences.add("cell " + i + " [" + reference.type() + "] " + firstLine(reference.source()) + "\n"
                        + LineDiff.of(ComparableCells.pretty(reference.execution()),
                        ComparableCells.pretty(ours.execution())).indent(2));
            }
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(c.name() + ": " + differences.size() + " of " + expected.size()
                    + " cells differ (- nbclient, + Quire)\n" + String.join("\n", differences));
        }
    }

    private static String firstLine(String source) {
        String line = source.lines().findFirst().orElse("");
        return "`" + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "`";
    }
}
