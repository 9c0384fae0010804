package io.quire.projections.notebook;

import java.util.Map;

/**
 * A notebook as it is now.
 *
 * @param version   the sequence number of its latest event
 * @param content   nbformat 4.5 JSON bytes, canonical (sorted keys, as nbformat writes)
 * @param revisions each cell's revision: the base for its next source edit
 * @param trails    display ids and pending clears of cells' outputs, where there are any
 */
public record LiveNotebook(String notebookId, String path, boolean deleted, long version, byte[] content,
                           Map<String, Long> revisions, Map<String, OutputTrail> trails) {
}
