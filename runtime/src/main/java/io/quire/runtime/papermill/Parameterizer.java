package io.quire.runtime.papermill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.NotebookContent;
import io.quire.runtime.papermill.translator.KernelLanguage;
import io.quire.runtime.papermill.translator.Translators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a run's parameters into a notebook as papermill does, without changing the notebook given.
 *
 * <ol>
 *   <li>With no parameters nothing is injected (papermill injects only when given some).</li>
 *   <li>The parameters become a code cell tagged {@code injected-parameters}, in the notebook's language
 *       ({@link Translators}), which replaces the first cell already tagged so; else goes right after the first
 *       cell tagged {@code parameters}; else at the top, with the warning
 *       {@value #NO_PARAMETERS_CELL}.</li>
 *   <li>{@code metadata.papermill.parameters} records the values.</li>
 *   <li>In report mode every code cell's {@code metadata.jupyter} becomes {@code {"source_hidden": true}}: papermill
 *       replaces the whole object (its other keys, like {@code outputs_hidden}, are lost), and so does Quire.</li>
 * </ol>
 * The injected cell's id is {@code injected-parameters}, or {@code injected-parameters-N} when another cell has it,
 * so the same input always gives the same notebook. A pure function: call it once with the real values (the code
 * sent to the kernel) and once with secrets masked (the notebook that is stored).
 *
 * <p>Call {@link PapermillMetadata#loaded} first for papermill's key order in {@code metadata.papermill}.
 */
public final class Parameterizer {

    /** papermill's warning when the notebook has no cell tagged {@code parameters}. */
    public static final String NO_PARAMETERS_CELL = "Input notebook does not contain a cell with tag 'parameters'";

    /**
     * How to parameterize.
     *
     * @param kernelName the kernel the run uses, overriding the notebook's {@code kernelspec.name}, or null
     * @param language   the language, overriding the notebook's, or null
     * @param reportMode whether to hide every code cell's source, as papermill's {@code --report-mode}
     * @param comment    the injected cell's comment line ({@code Parameters} by default)
     */
    public record Options(String kernelName, String language, boolean reportMode, String comment) {

        /** The notebook's own kernel and language, no report mode, papermill's comment. */
        public static Options defaults() {
            return new Options(null, null, false, "Parameters");
        }

        public Options withReportMode(boolean on) {
            return new Options(kernelName, language, on, comment);
        }

        public Options withKernel(String kernel, String lang) {
            return new Options(kernel, lang, reportMode, comment);
        }
    }

    /**
     * The parameterized notebook.
     *
     * @param notebook      the new notebook
     * @param injectedIndex where the injected cell is, or -1 when there were no parameters
     * @param warnings      what papermill would have logged as warnings: no parameters cell, unknown parameters
     */
    public record Parameterized(NotebookContent notebook, int injectedIndex, List<String> warnings) {

        public Parameterized {
            warnings = List.copyOf(warnings);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * @throws io.quire.runtime.papermill.translator.UnsupportedLanguageException when the notebook's language has
     *         no translator, or it names no kernel or language and the options give none
     * @throws InvalidParametersException when a name is not an identifier, or a value cannot be written in the
     *                                    notebook's language
     */
    public Parameterized parameterize(NotebookContent notebook, Map<String, JsonNode> parameters, Options options) {
        List<Cell> cells = new ArrayList<>(notebook.cells());
        ObjectNode metadata = notebook.metadata().deepCopy();
        List<String> warnings = new ArrayList<>();
        int injectedIndex = -1;
        if (!parameters.isEmpty()) {
            // A name that is not an identifier would make the injected cell fail far from the cause.
            parameters.keySet().forEach(name -> ParameterNames.check(name, "parameter"));
            KernelLanguage kernel = KernelLanguage.of(notebook, options.kernelName(), options.language());
            String source = Translators.find(kernel).codify(parameters, options.comment());
            warnings.addAll(unknownParameters(notebook, parameters, options));

            int replaced = CellTags.firstIndex(cells, CellTags.INJECTED_PARAMETERS);
            int parametersCell = CellTags.firstIndex(cells, CellTags.PARAMETERS);
            Cell injected = injectedCell(source, freeId(cells, replaced));
            if (replaced >= 0) {
                injectedIndex = replaced;
                cells.set(replaced, injected);
            } else if (parametersCell >= 0) {
                injectedIndex = parametersCell + 1;
                cells.add(injectedIndex, injected);
            } else {
                warnings.add(0, NO_PARAMETERS_CELL);
                injectedIndex = 0;
                cells.add(0, injected);
            }
            ObjectNode papermill = metadata.get("papermill") instanceof ObjectNode existing ? existing
                    : metadata.putObject("papermill");
            ObjectNode values = papermill.putObject("parameters");
            parameters.forEach((name, value) -> values.set(name, value == null ? NODES.nullNode() : value.deepCopy()));
        }
        if (options.reportMode()) {
            cells.replaceAll(Parameterizer::sourceHidden);
        }
        return new Parameterized(new NotebookContent(metadata, cells), injectedIndex, warnings);
    }

    /** papermill warns about each parameter its inspection did not find (all of them when it cannot inspect). */
    private static List<String> unknownParameters(NotebookContent notebook, Map<String, JsonNode> parameters,
                                                  Options options) {
        Set<String> declared = new HashSet<>();
        ParametersCell.inspect(notebook, options.kernelName(), options.language()).parameters()
                .forEach(parameter -> declared.add(parameter.name()));
        List<String> warnings = new ArrayList<>();
        parameters.keySet().stream().filter(name -> !declared.contains(name))
                .forEach(name -> warnings.add("Passed unknown parameter: " + name));
        return warnings;
    }

    private static Cell injectedCell(String source, String id) {
        ObjectNode metadata = NODES.objectNode();
        metadata.putArray("tags").add(CellTags.INJECTED_PARAMETERS);
        return new Cell(id, CellType.CODE, source, metadata, List.of(), null, null);
    }

    private static Cell sourceHidden(Cell cell) {
        if (cell.type() != CellType.CODE) {
            return cell;
        }
        ObjectNode metadata = cell.metadata().deepCopy();
        metadata.putObject("jupyter").put("source_hidden", true);
        return new Cell(cell.id(), cell.type(), cell.source(), metadata, cell.outputs(), cell.executionCount(),
                cell.attachments());
    }

    /** {@code injected-parameters}, or the first {@code injected-parameters-N} no other cell uses. */
    private static String freeId(List<Cell> cells, int replaced) {
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            if (i != replaced) {
                taken.add(cells.get(i).id());
            }
        }
        return FreeIds.free(CellTags.INJECTED_PARAMETERS, taken);
    }
}
