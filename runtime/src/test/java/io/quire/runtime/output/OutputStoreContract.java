package io.quire.runtime.output;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link OutputStore} promises; each implementation's test extends this with a real store. */
public abstract class OutputStoreContract {

    private static final String KEY = "runs/2026/11/26/run-1.ipynb";

    private OutputStore store;

    /** A new, empty store. */
    protected abstract OutputStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected static byte[] notebook(String text) {
        return ("{\"cells\": [], \"metadata\": {\"run\": \"" + text + "\"}, \"nbformat\": 4}")
                .getBytes(StandardCharsets.UTF_8);
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aWrittenNotebookReadsBackWhole() {
        byte[] written = notebook("first");
        store.writeOnce(KEY, written);

        assertThat(store.read(KEY)).hasValue(written);
        assertThat(store.exists(KEY)).isTrue();
    }

    @Test
    void aKeyNeverWrittenReadsAsNothing() {
        assertThat(store.read("runs/none.ipynb")).isEmpty();
        assertThat(store.exists("runs/none.ipynb")).isFalse();
        assertThat(store.readCheckpoint("runs/none.ipynb")).isEmpty();
    }

    @Test
    void aSecondWriteOfAKeyIsRefusedAndTheFirstNotebookKept() {
        store.writeOnce(KEY, notebook("first"));

        assertThatThrownBy(() -> store.writeOnce(KEY, notebook("second")))
                .isInstanceOf(OutputExistsException.class)
                .hasMessageContaining(store.locationOf(KEY).toString())
                .hasMessageContaining("never overwritten")
                .hasMessageContaining("choose another key");
        assertThat(store.read(KEY)).hasValue(notebook("first"));
    }

    @Test
    void ofConcurrentWritersOfOneKeyExactlyOneWinsAndItsBytesAreStoredWhole() throws Exception {
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                byte[] content = randomBytes(256 * 1024 + i, i);
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        store.writeOnce(KEY, content);
                        return true;
                    } catch (OutputExistsException e) {
                        return false;
                    }
                }));
            }
            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                if (outcomes.get(i).get(60, TimeUnit.SECONDS)) {
                    winners.add(i);
                }
            }
            assertThat(winners).hasSize(1);
            int winner = winners.get(0);
            assertThat(store.read(KEY)).hasValue(randomBytes(256 * 1024 + winner, winner));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCheckpointIsReplacedByTheNextAndRemovedOnceTheNotebookIsWritten() {
        store.writeCheckpoint(KEY, notebook("cell 1 done"));
        store.writeCheckpoint(KEY, notebook("cell 2 done"));

        assertThat(store.readCheckpoint(KEY)).hasValue(notebook("cell 2 done"));
        assertThat(store.exists(KEY)).as("a checkpoint is not the notebook").isFalse();

        store.writeOnce(KEY, notebook("all done"));
        store.removeCheckpoint(KEY);

        assertThat(store.readCheckpoint(KEY)).isEmpty();
        assertThat(store.read(KEY)).hasValue(notebook("all done"));
    }

    @Test
    void removingACheckpointThatIsNotThereDoesNothing() {
        store.removeCheckpoint(KEY);

        assertThat(store.readCheckpoint(KEY)).isEmpty();
    }

    @Test
    void aNotebookOfSeveralMegabytesReadsBackWhole() {
        byte[] large = randomBytes(6 * 1024 * 1024 + 17, 42);
        store.writeOnce(KEY, large);

        assertThat(store.read(KEY)).hasValueSatisfying(read -> assertThat(read).isEqualTo(large));
    }

    @Test
    void theLocationOfAKeyEndsWithTheKey() {
        assertThat(store.locationOf(KEY).toString()).endsWith("/" + KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../escape.ipynb", "runs/../../escape.ipynb", "/etc/escape.ipynb",
            "runs\\escape.ipynb", "runs//a.ipynb", "runs/./a.ipynb", "runs/", "a.ipynb.partial"})
    void keysThatCouldEscapeTheStoreOrCollideWithCheckpointsAreRefused(String key) {
        assertThatThrownBy(() -> store.writeOnce(key, notebook("escape")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid output key '" + key + "'")
                .hasMessageContaining("relative path");
        assertThatThrownBy(() -> store.writeCheckpoint(key, notebook("escape")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.read(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists(key)).isInstanceOf(IllegalArgumentException.class);
    }
}
