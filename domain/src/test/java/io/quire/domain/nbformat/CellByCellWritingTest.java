package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.domain.nbformat.Samples.Sample;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.NotebookContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A notebook assembled from cells written one by one is the file the writer writes for the whole notebook. */
class CellByCellWritingTest {

    private final NotebookReader reader = new NotebookReader();
    private final NotebookWriter writer = new NotebookWriter();

    static Stream<Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void assembledCellsAreTheWholeFileByteForByte(Sample sample) {
        NotebookContent content = reader.read(sample.bytes(), sample.name());
        List<byte[]> cells = content.cells().stream().map(writer::writeCell).toList();

        assertThat(writer.assemble(content.metadata(), cells)).isEqualTo(writer.write(content));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aCellWrittenFromItsHeadAndSourceIsTheCellWrittenWhole(Sample sample) {
        NotebookContent content = reader.read(sample.bytes(), sample.name());
        for (Cell cell : content.cells()) {
            Cell typedInto = new Cell(cell.id(), cell.type(), cell.source() + "\n\"x\" é", cell.metadata(),
                    cell.outputs(), cell.executionCount(), cell.attachments());
            byte[] head = writer.writeCellHead(cell);

            assertThat(writer.writeCell(head, cell.source())).isEqualTo(writer.writeCell(cell));
            assertThat(writer.writeCell(head, typedInto.source())).isEqualTo(writer.writeCell(typedInto));
        }
    }

    @Test
    void aNotebookWithoutCellsIsAssembledAsTheWriterWritesIt() {
        NotebookContent empty = new NotebookContent(JsonNodeFactory.instance.objectNode().put("a", 1), List.of());

        assertThat(writer.assemble(empty.metadata(), List.of())).isEqualTo(writer.write(empty));
    }

    @Test
    void oneCellIsAssembledWithoutSeparator() {
        NotebookContent one = new NotebookContent(null, List.of(Cell.empty("c1",
                io.quire.domain.notebook.CellType.CODE, "x\ny")));

        assertThat(writer.assemble(one.metadata(), List.of(writer.writeCell(one.cells().get(0)))))
                .isEqualTo(writer.write(one));
    }
}
