package io.quire.gateway.runs;

import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.run.RunSource;

/** The notebook a run executes, read and pinned: what it is and where it came from. */
record SourceNotebook(RunSource source, NotebookContent content) {
}
