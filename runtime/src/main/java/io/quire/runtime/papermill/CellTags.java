package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.notebook.Cell;

import java.util.List;

/** The tags papermill looks for in {@code metadata.tags}, and how it finds the first cell carrying one. */
public final class CellTags {

    /** The cell holding a notebook's default parameters. */
    public static final String PARAMETERS = "parameters";
    /** The cell papermill (and Quire) writes the run's parameters into. */
    public static final String INJECTED_PARAMETERS = "injected-parameters";
    /** The marker cells papermill adds on a failure, removed at the next run. */
    public static final String ERROR_MARKER = "papermill-error-cell-tag";

    private CellTags() {
    }

    /** Whether {@code cell}'s {@code metadata.tags} array holds {@code tag}. */
    public static boolean has(Cell cell, String tag) {
        JsonNode tags = cell.metadata().get("tags");
        if (tags == null || !tags.isArray()) {
            return false;
        }
        for (JsonNode each : tags) {
            if (each.isTextual() && each.textValue().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first cell tagged {@code tag}, or -1. */
    public static int firstIndex(List<Cell> cells, String tag) {
        for (int i = 0; i < cells.size(); i++) {
            if (has(cells.get(i), tag)) {
                return i;
            }
        }
        return -1;
    }
}
