package io.quire.bench.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A big notebook as data science produces them: every fourth cell markdown, the others code of ~1.4 KB with a
 * short stream output, and one cell in twenty a code cell with a PNG plot (random bytes, base64) sized so that the
 * .ipynb file (as nbformat writes it) has the requested size. Most of the bytes are outputs, as in real notebooks;
 * the sources (~0.6 MB for 500 cells) are what the Notebook aggregate holds. Deterministic: same arguments, same
 * bytes.
 */
public final class NotebookFixture {

    /** Cells 0, 20, 40... (all code cells: i % 4 != 3) have a plot. */
    private static final int PLOT_EVERY = 20;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String CODE_LINE = "df = frame.groupby('region').agg(total=('amount', 'sum'))  # step %d\n";
    private static final String MARKDOWN_LINE = "The totals per region, after cleaning step %d, are shown below.\n";

    private NotebookFixture() {
    }

    /**
     * @param cells       how many cells
     * @param ipynbBytes  the size of the .ipynb file to reach (within a few hundred bytes)
     * @throws IllegalArgumentException when the sources alone are bigger than {@code ipynbBytes}
     */
    public static NotebookContent build(int cells, int ipynbBytes) {
        NotebookContent withoutPlots = withPlots(cells, 0);
        int missing = ipynbBytes - new NotebookWriter().write(withoutPlots).length;
        if (missing < 0) {
            throw new IllegalArgumentException(cells + " cells do not fit in " + ipynbBytes + " bytes");
        }
        int plots = (cells + PLOT_EVERY - 1) / PLOT_EVERY;
        // Each plot's base64 text adds 4/3 of its bytes, plus its JSON around it (~120 bytes).
        return withPlots(cells, Math.max(0, (missing / Math.max(1, plots) - 120) * 3 / 4));
    }

    private static NotebookContent withPlots(int cells, int plotBytes) {
        Random random = new Random(42);
        List<Cell> content = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            String id = "cell-" + i;
            if (i % 4 == 3) {
                content.add(Cell.empty(id, CellType.MARKDOWN, lines(MARKDOWN_LINE, 8, i)));
            } else {
                List<JsonNode> outputs = new ArrayList<>();
                outputs.add(stream("step " + i + " done\n"));
                if (i % PLOT_EVERY == 0 && plotBytes > 0) {
                    outputs.add(plot(random, plotBytes));
                }
                content.add(new Cell(id, CellType.CODE, lines(CODE_LINE, 20, i), null, outputs, i + 1, null));
            }
        }
        ObjectNode metadata = JSON.objectNode();
        metadata.putObject("kernelspec").put("name", "python3").put("display_name", "Python 3")
                .put("language", "python");
        return new NotebookContent(metadata, content);
    }

    /** The code cells, for editors to type into. */
    public static List<Cell> codeCells(NotebookContent notebook) {
        return notebook.cells().stream().filter(cell -> cell.type() == CellType.CODE).toList();
    }

    private static String lines(String pattern, int count, int cell) {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < count; line++) {
            text.append(String.format(pattern, cell * 100 + line));
        }
        return text.toString().stripTrailing();
    }

    private static JsonNode stream(String text) {
        return JSON.objectNode().put("output_type", "stream").put("name", "stdout").put("text", text);
    }

    private static JsonNode plot(Random random, int bytes) {
        byte[] png = new byte[bytes];
        random.nextBytes(png);
        ObjectNode output = JSON.objectNode().put("output_type", "display_data");
        output.putObject("data").put("image/png", Base64.getEncoder().encodeToString(png))
              .put("text/plain", "<Figure size 640x480 with 1 Axes>");
        output.putObject("metadata");
        return output;
    }
}
