package io.quire.domain.notebook;

/** The kernel a notebook is written for, as nbformat records it in {@code metadata.kernelspec}. */
public record Kernelspec(String name, String displayName, String language) {
}
