package io.quire.domain.nbformat;

import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.NotebookContent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Cells of files older than 4.5 get ids that are stable across imports, valid, and unique. */
class StableCellIdsTest {

    private final NotebookReader reader = new NotebookReader();

    @Test
    void readingTheSame44NotebookTwiceGivesTheSameIds() {
        byte[] file = Samples.fixture("metadata-4.4.ipynb").bytes();

        assertThat(ids(reader.read(file, "first"))).isEqualTo(ids(reader.read(file.clone(), "second")));
    }

    @Test
    void identicalCellsGetDistinctValidIds() {
        List<String> ids = ids(reader.read(Samples.fixture("identical-cells-4.4.ipynb").bytes(), null));

        assertThat(ids).hasSize(4).doesNotHaveDuplicates().allMatch(CellIds::isValid);
    }

    @Test
    void anIdDependsOnTheCellsPositionAndContent() {
        List<String> original = ids(reader.read(notebook("\"one\"", "\"two\""), null));
        List<String> edited = ids(reader.read(notebook("\"one\"", "\"TWO\""), null));
        List<String> swapped = ids(reader.read(notebook("\"two\"", "\"one\""), null));

        assertThat(edited.get(0)).isEqualTo(original.get(0));
        assertThat(edited.get(1)).isNotEqualTo(original.get(1));
        assertThat(swapped).doesNotContainAnyElementsOf(original);
    }

    @Test
    void validIdsThatOlderFilesCarryAreKept() {
        String cells = """
                {"id": "view-in-github", "cell_type": "markdown", "metadata": {}, "source": "a"},
                {"id": "not valid!", "cell_type": "markdown", "metadata": {}, "source": "b"},
                {"id": "view-in-github", "cell_type": "markdown", "metadata": {}, "source": "c"},
                {"cell_type": "markdown", "metadata": {}, "source": "d"}""";
        byte[] colabStyle = ("{\"nbformat\": 4, \"nbformat_minor\": 0, \"metadata\": {}, \"cells\": [" + cells + "]}")
                .getBytes(UTF_8);

        List<String> ids = ids(reader.read(colabStyle, null));

        assertThat(ids.get(0)).isEqualTo("view-in-github");
        assertThat(ids.subList(1, 4)).allMatch(id -> id.matches("[0-9a-f]{8}")).doesNotHaveDuplicates();
    }

    @Test
    void missingAndRepeatedIdsIn45AreRepairedAsNbformatRepairsThem() {
        String cells = """
                {"id": "a", "cell_type": "markdown", "metadata": {}, "source": "one"},
                {"cell_type": "markdown", "metadata": {}, "source": "two"},
                {"id": "a", "cell_type": "markdown", "metadata": {}, "source": "three"},
                {"id": "b", "cell_type": "markdown", "metadata": {}, "source": "four"}""";
        byte[] file = ("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [" + cells + "]}")
                .getBytes(UTF_8);

        List<String> ids = ids(reader.read(file, null));

        assertThat(ids.get(0)).isEqualTo("a");
        assertThat(ids.get(3)).isEqualTo("b");
        assertThat(ids.subList(1, 3)).allMatch(id -> id.matches("[0-9a-f]{8}"));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids(reader.read(file.clone(), null))).as("the same ids at every import").isEqualTo(ids);
    }

    @Test
    void cellIdsFollowTheSchema() {
        assertThat(CellIds.isValid("a-Z_9")).isTrue();
        assertThat(CellIds.isValid("x".repeat(64))).isTrue();
        assertThat(CellIds.isValid("x".repeat(65))).isFalse();
        assertThat(CellIds.isValid("")).isFalse();
        assertThat(CellIds.isValid("a.b")).isFalse();
        assertThat(CellIds.isValid("é")).isFalse();
        assertThat(CellIds.isValid(null)).isFalse();
    }

    private static byte[] notebook(String firstSource, String secondSource) {
        String cell = "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": %s}";
        return ("{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": ["
                + cell.formatted(firstSource) + ", " + cell.formatted(secondSource) + "]}").getBytes(UTF_8);
    }

    private static List<String> ids(NotebookContent notebook) {
        return notebook.cells().stream().map(Cell::id).toList();
    }
}
