package io.quire.runtime.papermill.translator;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.notebook.NotebookContent;

/**
 * The kernel name and language of a notebook, found as papermill finds them: an override first; else the kernel
 * name from {@code metadata.kernelspec.name}, the language from {@code metadata.language_info.name}, then
 * {@code metadata.kernelspec.language}.
 *
 * @param kernelName the kernel's name, e.g. {@code python3}
 * @param language   the language, e.g. {@code python}
 */
public record KernelLanguage(String kernelName, String language) {

    /**
     * @param kernelOverride   the kernel to use whatever the notebook says, or null
     * @param languageOverride the language to use whatever the notebook says, or null
     * @throws UnsupportedLanguageException when the notebook names no kernel or no language and no override is given
     */
    public static KernelLanguage of(NotebookContent notebook, String kernelOverride, String languageOverride) {
        JsonNode metadata = notebook.metadata();
        String kernel = present(kernelOverride) ? kernelOverride : text(metadata.path("kernelspec").path("name"));
        if (!present(kernel)) {
            throw new UnsupportedLanguageException("No kernel name found in notebook and no override provided."
                    + " Set metadata.kernelspec.name in the notebook, or choose a kernel for the run.");
        }
        String language = languageOverride;
        if (!present(language)) {
            language = text(metadata.path("language_info").path("name"));
        }
        if (!present(language)) {
            language = text(metadata.path("kernelspec").path("language"));
        }
        if (!present(language)) {
            throw new UnsupportedLanguageException("No language found in notebook and no override provided."
                    + " Set metadata.kernelspec.language in the notebook, or give the run a language.");
        }
        return new KernelLanguage(kernel, language);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    // Python's `a or b`: an empty string counts as absent.
    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
