package io.quire.projections.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How outputs arriving from a kernel change a cell, as Jupyter's front ends do it: consecutive stream outputs of
 * one stream merge into one (with carriage returns and backspaces applied, as nbconvert's coalescing does),
 * {@code clear_output(wait=True)} waits for the next output, and a display update replaces every output shown
 * with its display id.
 */
final class CellOutputs {

    /** Text up to a carriage return that does not end the line is overwritten by what follows it. */
    private static final Pattern BACKSPACE = Pattern.compile("[^\\n]\\x08");

    private CellOutputs() {
    }

    static Cell withOutputs(Cell cell, List<JsonNode> outputs, Integer executionCount) {
        return new Cell(cell.id(), cell.type(), cell.source(), cell.metadata(), outputs, executionCount,
                cell.attachments());
    }

    /** A cell and the trail of its outputs. */
    record Outcome(Cell cell, OutputTrail trail) {
    }

    /** The cell after {@code output} arrived. */
    static Outcome append(Cell cell, OutputTrail trail, JsonNode output, String displayId) {
        List<JsonNode> outputs = trail.clearPending() ? new ArrayList<>() : new ArrayList<>(cell.outputs());
        OutputTrail current = trail.clearPending() ? OutputTrail.EMPTY : trail;
        ObjectNode added = output.deepCopy();
        added.remove("transient");
        JsonNode last = outputs.isEmpty() ? null : outputs.get(outputs.size() - 1);
        if (isStream(added) && last != null && isStream(last) && last.path("name").equals(added.path("name"))) {
            ObjectNode merged = last.deepCopy();
            merged.put("text", coalesce(last.path("text").asText() + added.path("text").asText()));
            outputs.set(outputs.size() - 1, merged);
            return new Outcome(withOutputs(cell, outputs, cell.executionCount()), current);
        }
        if (isStream(added)) {
            added.put("text", coalesce(added.path("text").asText()));
        }
        outputs.add(added);
        return new Outcome(withOutputs(cell, outputs, cell.executionCount()), current.appended(displayId));
    }

    /** The cell with every output shown as {@code displayId} replaced by {@code update}'s data and metadata. */
    static Cell updateDisplay(Cell cell, OutputTrail trail, String displayId, JsonNode update) {
        List<JsonNode> outputs = new ArrayList<>(cell.outputs());
        boolean changed = false;
        for (int i = 0; i < outputs.size() && i < trail.displayIds().size(); i++) {
            if (displayId.equals(trail.displayIds().get(i))) {
                ObjectNode replaced = outputs.get(i).deepCopy();
                replaced.set("data", update.path("data").deepCopy());
                replaced.set("metadata", update.path("metadata").deepCopy());
                outputs.set(i, replaced);
                changed = true;
            }
        }
        return changed ? withOutputs(cell, outputs, cell.executionCount()) : cell;
    }

    private static boolean isStream(JsonNode output) {
        return "stream".equals(output.path("output_type").asText());
    }

    static String coalesce(String text) {
        String result = removeOverwritten(text);
        if (result.indexOf('\b') < 0) {
            return result;
        }
        String previous;
        do {
            previous = result;
            result = BACKSPACE.matcher(result).replaceAll("");
        } while (!result.equals(previous));
        return result;
    }

    /**
     * What {@code text.replaceAll("[^\\n]*\\r(?=[^\\n])", "")} gives (a carriage return followed by more text on
     * its line hides what came before it on that line), in one pass: that regex backtracks over the whole line at
     * every position, and took 18 s of CPU on one 66,000-character line of stream output.
     */
    static String removeOverwritten(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        int lineStart = 0;
        while (true) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            int keepFrom = lineStart;
            for (int i = lineEnd - 2; i >= lineStart; i--) { // the last \r with a character of its line after it
                if (text.charAt(i) == '\r') {
                    keepFrom = i + 1;
                    break;
                }
            }
            kept.append(text, keepFrom, lineEnd);
            if (newline < 0) {
                return kept.toString();
            }
            kept.append('\n');
            lineStart = newline + 1;
        }
    }
}
