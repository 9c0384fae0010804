package io.quire.gateway.runs;

import io.quire.gateway.notebook.Notebooks;
import io.quire.runtime.run.RunOutput;
import io.quire.runtime.run.StoredOutput;

/**
 * An output notebook kept as one of Quire's own notebooks ({@code quire:PATH}): imported at its path when the run
 * ends, if the path is still free (never over another notebook); checkpoints go to the output store meanwhile.
 */
final class QuireNotebookOutput implements RunOutput {

    private final Notebooks notebooks;
    private final String path;
    private final String user;
    private final StoredOutput checkpoints;

    QuireNotebookOutput(Notebooks notebooks, String path, String user, StoredOutput checkpoints) {
        this.notebooks = notebooks;
        this.path = path;
        this.user = user;
        this.checkpoints = checkpoints;
    }

    @Override
    public String publish(byte[] notebook) {
        notebooks.importNotebook(notebook, location(), path, user);
        return location();
    }

    @Override
    public void checkpoint(byte[] partial) {
        checkpoints.checkpoint(partial);
    }

    @Override
    public void discardCheckpoint() {
        checkpoints.discardCheckpoint();
    }

    @Override
    public String location() {
        return "quire:" + path;
    }
}
