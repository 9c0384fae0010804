package io.quire.runtime.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.notebook.ExecutionOutcome;
import io.quire.domain.notebook.event.DisplayUpdated;
import io.quire.domain.notebook.event.ExecutionEnded;
import io.quire.domain.notebook.event.ExecutionRequested;
import io.quire.domain.notebook.event.ExecutionStarted;
import io.quire.domain.notebook.event.NotebookEvent;
import io.quire.domain.notebook.event.OutputCleared;
import io.quire.domain.notebook.event.OutputProduced;
import io.quire.runtime.kernel.LocalKernelLauncher;
import io.quire.runtime.kernel.RunningKernel;
import io.quire.runtime.testing.Await;
import io.quire.runtime.testing.InMemoryNotebooks;
import io.quire.runtime.testing.Python3Kernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a cell's execution records on its notebook, on one python3 kernel shared by these tests. */
class CellRunnerTest {

    private static final String USER = "ada";
    private static final Duration CELL_TIMEOUT = Duration.ofSeconds(30);
    /** A 1x1 PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @TempDir
    static Path kernels;
    private static LocalKernelLauncher launcher;
    private static RunningKernel kernel;
    private static InMemoryNotebooks notebooks;

    @BeforeAll
    static void startKernel() {
        launcher = Python3Kernels.launcher(kernels);
        kernel = launcher.start(Python3Kernels.spec());
        notebooks = new InMemoryNotebooks();
    }

    @AfterAll
    static void stopKernel() {
        if (notebooks != null) {
            notebooks.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void everyOutputIsRecordedInTheOrderTheKernelSentItAsTheRequestingUser() throws Exception {
        String code = """
                import sys, base64
                from IPython.display import display, clear_output, HTML, Image
                print('to stdout', flush=True)
                print('to stderr', file=sys.stderr, flush=True)
                handle = display(HTML('<b>draft</b>'), display_id=True)
                handle.update(HTML('<b>final</b>'))
                clear_output(wait=True)
                display(Image(data=base64.b64decode('%s')))
                'the result'
                """.formatted(PNG);
        String notebookId = notebooks.create(USER);
        String cellId = notebooks.addCodeCell(notebookId, code, USER);

        CellRunner.Result result = run(notebookId, cellId);

        assertThat(result.outcome()).isEqualTo(ExecutionOutcome.OK);
        List<Object> recorded = executionEvents(notebookId);
        int count = ((ExecutionStarted) recorded.get(1)).executionCount();
        assertThat(count).isPositive();
        // The kernel may send a print in more than one stream message (its output buffer is flushed on a timer too):
        // find the display by its id, and compare stream text joined as nbformat joins it.
        String displayId = notebooks.events(notebookId, OutputProduced.class).stream()
                .map(OutputProduced::displayId).filter(id -> id != null).findFirst().orElse(null);
        assertThat(displayId).isNotBlank();
        assertThat(joinStreams(recorded.stream().map(event -> describe(event, displayId)).toList())).containsExactly(
                "requested " + cellId,
                "started #" + count,
                "stream stdout: to stdout\n",
                "stream stderr: to stderr\n",
                "display_data [display]: <b>draft</b>",
                "update [display]: <b>final</b>",
                "clear (wait)",
                "display_data: image/png",
                "execute_result #" + count + ": 'the result'",
                "ended OK #" + count);
        assertThat(recorded).allSatisfy(event -> assertThat(((NotebookEvent) event).user()).isEqualTo(USER));
        assertThat(((ExecutionRequested) recorded.get(0)).code()).isEqualTo(code);
        JsonNode image = notebooks.inline(notebooks.events(notebookId, OutputProduced.class).stream()
                .map(OutputProduced::output).filter(output -> output.path("data").has("image/png"))
                .reduce((first, last) -> last).orElseThrow());
        assertThat(Base64.getMimeDecoder().decode(image.path("data").path("image/png").asText()))
                .isEqualTo(Base64.getDecoder().decode(PNG));
    }

    @Test
    void anErrorIsRecordedWithItsTracebackAndEndsTheExecutionAsError() throws Exception {
        String notebookId = notebooks.create(USER);
        String cellId = notebooks.addCodeCell(notebookId, "raise ValueError('bad input')", USER);

        CellRunner.Result result = run(notebookId, cellId);

        assertThat(result.outcome()).isEqualTo(ExecutionOutcome.ERROR);
        assertThat(result.detail()).isEqualTo("ValueError: bad input");
        JsonNode error = single(notebooks.events(notebookId, OutputProduced.class)).output();
        assertThat(error.path("output_type").asText()).isEqualTo("error");
        assertThat(error.path("ename").asText()).isEqualTo("ValueError");
        assertThat(error.path("evalue").asText()).isEqualTo("bad input");
        assertThat(error.path("traceback").toString()).contains("ValueError");
        ExecutionEnded ended = single(notebooks.events(notebookId, ExecutionEnded.class));
        assertThat(ended.outcome()).isEqualTo(ExecutionOutcome.ERROR);
        assertThat(ended.executionCount()).isPositive();
    }

    @Test
    void anInterruptedCellEndsAsInterruptedLongBeforeItWouldHaveEnded() throws Exception {
        String notebookId = notebooks.create(USER);
        String cellId = notebooks.addCodeCell(notebookId, "import time\nprint('sleeping', flush=True)\ntime.sleep(60)",
                USER);
        CompletableFuture<CellRunner.Result> running = notebooks.cellRunner().run(notebookId, cellId, USER, kernel);
        Await.until("the cell is sleeping", CELL_TIMEOUT, () -> notebooks.events(notebookId, OutputProduced.class)
                .stream().anyMatch(output -> output.output().path("text").asText().contains("sleeping")));

        // The cell sleeps 60 s; 10 s leaves room for a loaded machine (IPython formats the KeyboardInterrupt's
        // traceback, iopub and the reply reach the runner, Axon records) and still fails an ignored interrupt.
        kernel.client().interrupt().get(10, TimeUnit.SECONDS);
        CellRunner.Result result = running.get(10, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(ExecutionOutcome.INTERRUPTED);
        assertThat(single(notebooks.events(notebookId, ExecutionEnded.class)).outcome())
                .isEqualTo(ExecutionOutcome.INTERRUPTED);
        assertThat(kernel.isBusy()).isFalse();
    }

    private static CellRunner.Result run(String notebookId, String cellId) throws Exception {
        return notebooks.cellRunner().run(notebookId, cellId, USER, kernel)
                .get(CELL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The notebook's events from the first execution request on. */
    private static List<Object> executionEvents(String notebookId) {
        List<Object> events = notebooks.events(notebookId);
        int first = events.indexOf(notebooks.events(notebookId, ExecutionRequested.class).get(0));
        return events.subList(first, events.size());
    }

    /** Adjacent "stream NAME: text" lines of the same stream joined into one. */
    private static List<String> joinStreams(List<String> lines) {
        List<String> joined = new java.util.ArrayList<>();
        for (String line : lines) {
            int last = joined.size() - 1;
            if (line.startsWith("stream ") && last >= 0 && joined.get(last).startsWith(line.substring(0,
                    line.indexOf(": ") + 2))) {
                joined.set(last, joined.get(last) + line.substring(line.indexOf(": ") + 2));
            } else {
                joined.add(line);
            }
        }
        return joined;
    }

    private static <T> T single(List<T> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** One line per event, with what matters in it; the display id as {@code [display]}. */
    private static String describe(Object event, String displayId) {
        if (event instanceof ExecutionRequested e) {
            return "requested " + e.cellId();
        } else if (event instanceof ExecutionStarted e) {
            return "started #" + e.executionCount();
        } else if (event instanceof OutputProduced e) {
            JsonNode output = e.output();
            String type = output.path("output_type").asText();
            String shown = e.displayId() == null ? "" : e.displayId().equals(displayId) ? " [display]" : " [other]";
            return switch (type) {
                case "stream" -> "stream " + output.path("name").asText() + ": " + output.path("text").asText();
                case "execute_result" -> "execute_result #" + output.path("execution_count").asInt() + ": "
                        + output.path("data").path("text/plain").asText();
                case "display_data" -> "display_data" + shown + ": " + (output.path("data").has("text/html")
                        ? output.path("data").path("text/html").asText() : "image/png");
                default -> type;
            };
        } else if (event instanceof DisplayUpdated e) {
            return "update" + (displayId.equals(e.displayId()) ? " [display]" : " [other]") + ": "
                    + e.output().path("data").path("text/html").asText();
        } else if (event instanceof OutputCleared e) {
            return e.waitForNext() ? "clear (wait)" : "clear";
        } else if (event instanceof ExecutionEnded e) {
            return "ended " + e.outcome() + " #" + e.executionCount();
        }
        return event.getClass().getSimpleName();
    }
}
