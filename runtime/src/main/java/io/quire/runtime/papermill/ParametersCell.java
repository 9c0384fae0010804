package io.quire.runtime.papermill;

import io.quire.domain.notebook.NotebookContent;
import io.quire.runtime.papermill.translator.KernelLanguage;
import io.quire.runtime.papermill.translator.PythonTranslator;
import io.quire.runtime.papermill.translator.Translators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parameters a notebook declares in its first cell tagged {@code parameters}, as papermill 2.6's
 * {@code inspect} does for Python: the cell is cut into definitions at each line holding one {@code =} (a line with
 * several, like {@code d = a == 3}, is skipped; blank and comment lines are ignored), continuation lines are joined
 * without their comments, and each definition is matched as {@code name[: annotation] = value [# [type: T] help]}.
 * Other languages have no inspection, as in papermill.
 *
 * <p>Stateless and thread-safe.
 */
public final class ParametersCell {

    private static final Pattern DEFINITION = Pattern.compile("^(?<target>\\w[\\w_]*)\\s*"
            + "(:\\s*[\"']?(?<annotation>\\w[\\w_\\[\\],\\s]*)[\"']?\\s*)?=\\s*(?<value>.*?)"
            + "(\\s*#\\s*(type:\\s*(?<typeComment>[^\\s]*)\\s*)?(?<help>.*))?$", Pattern.UNICODE_CHARACTER_CLASS);

    private ParametersCell() {
    }

    /**
     * The parameters {@code notebook} declares.
     *
     * @param kernelOverride   the kernel the run will use instead of the notebook's, or null
     * @param languageOverride the language to assume instead of the notebook's, or null
     * @throws io.quire.runtime.papermill.translator.UnsupportedLanguageException when the notebook has a parameters
     *         cell but no kernel name or language, or one Quire has no translator for
     */
    public static ParameterInspection inspect(NotebookContent notebook, String kernelOverride,
                                              String languageOverride) {
        int index = CellTags.firstIndex(notebook.cells(), CellTags.PARAMETERS);
        if (index < 0) {
            return new ParameterInspection(List.of(), ParameterInspection.NOTHING_INFERRED
                    + " (no cell is tagged '" + CellTags.PARAMETERS + "')");
        }
        KernelLanguage kernel = KernelLanguage.of(notebook, kernelOverride, languageOverride);
        if (!(Translators.find(kernel) instanceof PythonTranslator)) {
            return new ParameterInspection(List.of(), ParameterInspection.NOTHING_INFERRED + " (papermill cannot"
                    + " inspect parameters written in " + kernel.language() + ", only in Python)");
        }
        List<DeclaredParameter> declared = python(notebook.cells().get(index).source());
        return new ParameterInspection(declared, declared.isEmpty() ? ParameterInspection.NOTHING_INFERRED : null);
    }

    /** The parameters declared in Python {@code source}, in order. */
    public static List<DeclaredParameter> python(String source) {
        List<String> definitions = new ArrayList<>();
        List<String> accumulated = new ArrayList<>();
        for (String line : PythonText.splitLines(source == null ? "" : source)) {
            String stripped = PythonText.strip(line);
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            long equals = line.chars().filter(c -> c == '=').count();
            if (equals > 0) {
                definitions.add(flatten(accumulated));
                accumulated.clear();
                if (equals > 1) {
                    continue; // papermill cannot tell the assignment from a comparison here
                }
            }
            accumulated.add(line);
        }
        definitions.add(flatten(accumulated));

        List<DeclaredParameter> parameters = new ArrayList<>();
        for (String definition : definitions) {
            Matcher match = DEFINITION.matcher(definition);
            if (definition.isEmpty() || !match.matches()) {
                continue;
            }
            String annotation = match.group("annotation");
            String typeComment = match.group("typeComment");
            // Python's `annotation or type_comment or None`: an empty type comment counts as absent.
            String type = annotation != null && !annotation.isEmpty() ? annotation
                    : typeComment != null && !typeComment.isEmpty() ? typeComment : "None";
            String help = match.group("help");
            parameters.add(new DeclaredParameter(PythonText.strip(match.group("target")), PythonText.strip(type),
                    PythonText.strip(match.group("value")), help == null ? "" : PythonText.strip(help)));
        }
        return parameters;
    }

    /** One definition's lines joined: comments dropped from all but the last line, which keeps its help. */
    private static String flatten(List<String> lines) {
        StringBuilder flat = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            flat.append(PythonText.strip(i < lines.size() - 1 && comment >= 0 ? line.substring(0, comment) : line));
        }
        return flat.toString();
    }
}
