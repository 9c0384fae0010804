package io.quire.projections.contents;

/** A notebook's place in the contents tree. */
public record ContentsEntry(String path, String notebookId) {
}
