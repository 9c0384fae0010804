package io.quire.runtime.papermill.translator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.NotebookContent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelLanguageTest {

    private static NotebookContent notebook(String kernelspecName, String kernelspecLanguage, String languageInfo) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        if (kernelspecName != null || kernelspecLanguage != null) {
            ObjectNode spec = metadata.putObject("kernelspec");
            if (kernelspecName != null) {
                spec.put("name", kernelspecName);
            }
            if (kernelspecLanguage != null) {
                spec.put("language", kernelspecLanguage);
            }
        }
        if (languageInfo != null) {
            metadata.putObject("language_info").put("name", languageInfo);
        }
        return new NotebookContent(metadata, List.of());
    }

    @Test
    void languageInfoComesBeforeTheKernelspecLanguage() {
        assertThat(KernelLanguage.of(notebook("python3", "R", "python"), null, null))
                .isEqualTo(new KernelLanguage("python3", "python"));
        assertThat(KernelLanguage.of(notebook("ir", "R", null), null, null)).isEqualTo(new KernelLanguage("ir", "R"));
    }

    @Test
    void overridesWin() {
        assertThat(KernelLanguage.of(notebook("python3", "python", "python"), "ir", "R"))
                .isEqualTo(new KernelLanguage("ir", "R"));
        assertThat(KernelLanguage.of(notebook(null, null, "python"), "python3", null))
                .isEqualTo(new KernelLanguage("python3", "python"));
    }

    @Test
    void aNotebookWithoutKernelNameNeedsAnOverride() {
        assertThatThrownBy(() -> KernelLanguage.of(notebook(null, null, "python"), null, null))
                .isInstanceOf(UnsupportedLanguageException.class)
                .hasMessageStartingWith("No kernel name found in notebook and no override provided");
        assertThatThrownBy(() -> KernelLanguage.of(notebook("x", null, null), null, null))
                .isInstanceOf(UnsupportedLanguageException.class)
                .hasMessageStartingWith("No language found in notebook and no override provided");
    }
}
