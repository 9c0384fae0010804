package io.quire.runtime.output.file;

import io.quire.runtime.output.NotebookStorageException;
import io.quire.runtime.output.OutputExistsException;
import io.quire.runtime.output.OutputStore;
import io.quire.runtime.output.OutputStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileOutputStoreTest extends OutputStoreContract {

    @TempDir
    Path directory;

    @Override
    protected OutputStore newStore() {
        return new FileOutputStore(directory.resolve("outputs"));
    }

    @Test
    void aNotebookIsAFileUnderTheRootAndItsCheckpointAFileBesideIt() {
        FileOutputStore store = new FileOutputStore(directory);
        store.writeCheckpoint("runs/a.ipynb", notebook("partial"));
        store.writeOnce("runs/a.ipynb", notebook("final"));

        assertThat(directory.resolve("runs/a.ipynb")).hasBinaryContent(notebook("final"));
        assertThat(directory.resolve("runs/a.ipynb.partial")).hasBinaryContent(notebook("partial"));
        assertThat(store.locationOf("runs/a.ipynb")).isEqualTo(directory.resolve("runs/a.ipynb").toUri());
    }

    @Test
    void noTemporaryFileIsLeftBehindByWritesThatSucceedOrAreRefused() throws IOException {
        FileOutputStore store = new FileOutputStore(directory);
        store.writeCheckpoint("runs/a.ipynb", notebook("partial"));
        store.writeOnce("runs/a.ipynb", notebook("final"));
        assertThatThrownBy(() -> store.writeOnce("runs/a.ipynb", notebook("again")))
                .isInstanceOf(OutputExistsException.class);

        try (Stream<Path> files = Files.list(directory.resolve("runs"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a.ipynb", "a.ipynb.partial");
        }
    }

    @Test
    void aFileInTheWayOfTheKeysDirectoryIsExplained() throws IOException {
        Files.writeString(directory.resolve("runs"), "not a directory");
        FileOutputStore store = new FileOutputStore(directory);

        assertThatThrownBy(() -> store.writeOnce("runs/a.ipynb", notebook("final")))
                .isInstanceOf(NotebookStorageException.class)
                .hasMessageContaining(directory.resolve("runs").toString())
                .hasMessageContaining("a file of that name is in the way");
        assertThat(store.read("runs/a.ipynb")).isEmpty();
    }

    @Test
    void aRootThatCannotBeCreatedIsExplained() throws IOException {
        Path file = Files.writeString(directory.resolve("file"), "x");
        FileOutputStore store = new FileOutputStore(file.resolve("outputs"));

        assertThatThrownBy(() -> store.writeOnce("a.ipynb", notebook("final")))
                .isInstanceOf(NotebookStorageException.class)
                .hasMessageContaining(file.resolve("outputs").toString());
    }

    @Test
    void keysClimbingOutOfTheRootWriteNothingOutsideIt() throws IOException {
        FileOutputStore store = new FileOutputStore(directory.resolve("outputs"));

        assertThatThrownBy(() -> store.writeOnce("../outside.ipynb", notebook("escape")))
                .isInstanceOf(IllegalArgumentException.class);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aCheckpointThatCannotBeReplacedIsExplainedAndLeavesNoTemporaryFile() throws IOException {
        Files.createDirectories(directory.resolve("runs/a.ipynb.partial/in-the-way"));
        FileOutputStore store = new FileOutputStore(directory);

        assertThatThrownBy(() -> store.writeCheckpoint("runs/a.ipynb", notebook("partial")))
                .isInstanceOf(NotebookStorageException.class)
                .hasMessageContaining("could not write the checkpoint at " + directory.resolve("runs/a.ipynb.partial"));
        try (Stream<Path> files = Files.list(directory.resolve("runs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.ipynb.partial");
        }
    }

    @Test
    void aTemporaryFileLeftByACrashNeitherBlocksTheWriteNorShowsAsTheNotebook() throws IOException {
        Files.createDirectories(directory.resolve("runs"));
        Files.writeString(directory.resolve("runs/.a.ipynb.1234567.tmp"), "{\"cells\": [");
        FileOutputStore store = new FileOutputStore(directory);

        assertThat(store.exists("runs/a.ipynb")).isFalse();
        store.writeOnce("runs/a.ipynb", notebook("final"));

        assertThat(store.read("runs/a.ipynb")).hasValue(notebook("final"));
    }
}
