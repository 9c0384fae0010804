package io.quire.gateway.notebook;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.notebook.NotebookContent;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeletedNotebooksTest {

    @TempDir
    Path data;

    private Quire quire;
    private Notebooks notebooks;
    private DeletedNotebooks deleted;

    @BeforeEach
    void start() {
        quire = Quire.start(QuireSettings.embedded(data), false);
        notebooks = new Notebooks(quire);
        deleted = new DeletedNotebooks(quire);
    }

    @AfterEach
    void stop() {
        quire.close();
    }

    private static NotebookContent withSource(String source) {
        String ipynb = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"id\": \"c1\","
                + " \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"" + source + "\"}]}";
        return new NotebookReader().read(ipynb.getBytes(StandardCharsets.UTF_8), "test.ipynb");
    }

    @Test
    void ofTwoNotebooksDeletedAtOnePathTheLastDeletedComesBackWithItsContent() {
        notebooks.create("a.ipynb", withSource("first"), "ann");
        notebooks.delete("a.ipynb", "ann");
        String second = notebooks.create("a.ipynb", withSource("second"), "bob");
        notebooks.delete("a.ipynb", "bob");

        assertThat(deleted.list()).extracting(DeletedNotebooks.Deleted::path, DeletedNotebooks.Deleted::deletedBy)
                .containsExactly(org.assertj.core.api.Assertions.tuple("a.ipynb", "bob"),
                        org.assertj.core.api.Assertions.tuple("a.ipynb", "ann"));
        assertThat(deleted.list().get(0).version()).isEqualTo(1);

        assertThat(deleted.restore("a.ipynb", null, "cy")).isEqualTo("a.ipynb");
        assertThat(notebooks.idOf("a.ipynb")).isEqualTo(second);
        assertThat(new String(notebooks.export("a.ipynb"), StandardCharsets.UTF_8)).contains("second");
        assertThat(deleted.list()).extracting(DeletedNotebooks.Deleted::deletedBy).containsExactly("ann");
        // Restored notebooks take edits again.
        notebooks.checkpoint("a.ipynb", "cy");
    }

    @Test
    void aNotebookIsRestoredOnlyWhereANewOneCouldLive() {
        notebooks.create("reports/a.ipynb", withSource("x"), "ann");
        notebooks.create("b.ipynb", withSource("y"), "ann");
        notebooks.delete("b.ipynb", "ann");

        assertThatThrownBy(() -> deleted.restore("b.ipynb", "reports", "ann"))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("reports is a folder of notebooks (reports/a.ipynb): choose another path");
        assertThatThrownBy(() -> deleted.restore("b.ipynb", "../b.ipynb", "ann"))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("..");
        assertThatThrownBy(() -> deleted.restore("reports/a.ipynb", null, "ann"))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("no deleted notebook was at reports/a.ipynb (quire ls --deleted lists them)");
        assertThat(deleted.list()).extracting(DeletedNotebooks.Deleted::path).containsExactly("b.ipynb");
    }
}
