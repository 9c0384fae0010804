package io.quire.projections.versions;

import io.quire.domain.notebook.event.*;
import io.quire.domain.notebook.text.TextComponent;

/** The one line a version list shows for an event. */
final class VersionSummary {

    private VersionSummary() {
    }

    static String of(NotebookEvent event) {
        if (event instanceof NotebookCreated e) {
            return "created " + e.path() + " (" + e.kernelspec().name() + ")";
        } else if (event instanceof NotebookImported e) {
            int cells = e.content().cells().size();
            return "imported " + e.path() + " (" + cells + (cells == 1 ? " cell)" : " cells)");
        } else if (event instanceof NotebookRenamed e) {
            return "renamed " + e.oldPath() + " to " + e.newPath();
        } else if (event instanceof NotebookDeleted e) {
            return "deleted " + e.path();
        } else if (event instanceof NotebookRestored e) {
            return "restored " + e.path();
        } else if (event instanceof CellInserted e) {
            return "inserted " + e.type().nbformatName() + " cell " + e.cellId()
                    + (e.afterCellId() == null ? " at the top" : " after " + e.afterCellId());
        } else if (event instanceof CellDeleted e) {
            return "deleted cell " + e.cellId();
        } else if (event instanceof CellMoved e) {
            return "moved cell " + e.cellId() + (e.afterCellId() == null ? " to the top" : " after " + e.afterCellId());
        } else if (event instanceof CellSourceEdited e) {
            int inserted = 0;
            int deleted = 0;
            for (TextComponent component : e.operation().components()) {
                if (component instanceof TextComponent.Insert) {
                    inserted += component.targetLength();
                } else if (component instanceof TextComponent.Delete) {
                    deleted += component.baseLength();
                }
            }
            return "edited cell " + e.cellId() + " (+" + inserted + " -" + deleted + ")";
        } else if (event instanceof CellTypeChanged e) {
            return "changed cell " + e.cellId() + " to " + e.type().nbformatName();
        } else if (event instanceof CellMetadataSet e) {
            return "set the metadata of cell " + e.cellId();
        } else if (event instanceof CellTagsSet e) {
            return "set the tags of cell " + e.cellId() + " to " + String.join(", ", e.tags());
        } else if (event instanceof NotebookMetadataSet) {
            return "set the notebook metadata";
        } else if (event instanceof OutputsCleared e) {
            return "cleared the outputs of " + e.cellIds().size() + (e.cellIds().size() == 1 ? " cell" : " cells");
        } else if (event instanceof CellOutputsSet e) {
            return "set the outputs of cell " + e.cellId() + " (" + e.outputs().size() + ")";
        } else if (event instanceof CellAttachmentsSet e) {
            return "set the attachments of cell " + e.cellId();
        } else if (event instanceof ExecutionRequested e) {
            return "ran cell " + e.cellId();
        } else if (event instanceof ExecutionStarted e) {
            return "cell " + e.cellId() + " started [" + e.executionCount() + "]";
        } else if (event instanceof OutputProduced e) {
            return "cell " + e.cellId() + " output " + e.output().path("output_type").asText();
        } else if (event instanceof DisplayUpdated e) {
            return "updated display " + e.displayId();
        } else if (event instanceof OutputCleared e) {
            return "cleared the outputs of cell " + e.cellId() + (e.waitForNext() ? " (at the next output)" : "");
        } else if (event instanceof ExecutionEnded e) {
            return "cell " + e.cellId() + " ended: " + e.outcome().name().toLowerCase()
                    + (e.detail() == null ? "" : " (" + e.detail() + ")");
        } else if (event instanceof VersionNamed e) {
            return "named version " + e.version() + " '" + e.name() + "'";
        }
        return event.getClass().getSimpleName();
    }
}
