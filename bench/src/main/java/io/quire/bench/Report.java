package io.quire.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a run, printed as one table (store, figure, value, target, result) followed by the notes that say
 * how each figure was measured. Figures are printed in the order they were added.
 */
public final class Report {

    private static final String[] HEADINGS = {"store", "figure", "value", "target", "result"};

    private final List<Figure> figures = new ArrayList<>();

    public synchronized void add(Figure figure) {
        figures.add(figure);
    }

    public synchronized void addAll(List<Figure> more) {
        figures.addAll(more);
    }

    /** True when every figure that has a target meets it. */
    public synchronized boolean allTargetsMet() {
        return figures.stream().noneMatch(figure -> figure.verdict().equals("FAIL"));
    }

    public synchronized void print(PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Figure figure : figures) {
            rows.add(new String[]{figure.store(), figure.name(), figure.formattedValue(),
                    figure.target().describe(figure.unit()), figure.verdict()});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                out.println(rule(widths));
            }
        }
        printNotes(out);
    }

    private void printNotes(PrintStream out) {
        List<String> seen = new ArrayList<>();
        for (Figure figure : figures) {
            String note = figure.name() + ": " + figure.note();
            if (!figure.note().isEmpty() && !seen.contains(note)) {
                seen.add(note);
            }
        }
        if (!seen.isEmpty()) {
            out.println();
            seen.forEach(note -> out.println("- " + note));
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            // Values right-aligned so that their digits line up; words left-aligned.
            String format = i == 2 ? "%" + widths[i] + "s" : "%-" + widths[i] + "s";
            line.append(i == 0 ? "" : " | ").append(String.format(format, cells[i]));
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        return rule.toString();
    }
}
