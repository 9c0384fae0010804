package io.quire.gateway.runs;

import io.quire.domain.CommandRejectedException;
import io.quire.gateway.notebook.Notebooks;
import io.quire.runtime.output.OutputStore;
import io.quire.runtime.output.location.ExternalNotebooks;
import io.quire.runtime.output.location.NotebookLocation;
import io.quire.runtime.run.RunOutput;
import io.quire.runtime.run.StoredOutput;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Where a run's output notebook goes: where the user said (a file, an S3 key, a new Quire notebook), else Quire's
 * output store under {@code runs/DATE/NAME-RUNID.ipynb}. A place already taken is refused before the run starts:
 * output notebooks are never overwritten.
 */
final class RunTargets {

    private final OutputStore store;
    private final ExternalNotebooks external;
    private final Notebooks notebooks;

    RunTargets(OutputStore store, ExternalNotebooks external, Notebooks notebooks) {
        this.store = store;
        this.external = external;
        this.notebooks = notebooks;
    }

    /**
     * @param output the user's output location, or null for the output store
     * @param name   the source notebook's location, to name the output after
     * @throws CommandRejectedException when the output location is taken
     */
    RunOutput forRun(String runId, String output, String name, String user, Path workingDirectory) {
        StoredOutput inStore = new StoredOutput(store, defaultKey(runId, name));
        if (output == null) {
            return inStore;
        }
        NotebookLocation location = NotebookLocation.parse(output, workingDirectory);
        if (location instanceof NotebookLocation.QuireNotebook quire) {
            if (quire.version().isPresent()) {
                throw new IllegalArgumentException("an output notebook is a new notebook: give quire:PATH without"
                        + " @VERSION");
            }
            if (notebooks.find(quire.path()).isPresent()) {
                throw taken("quire:" + quire.path());
            }
            return new QuireNotebookOutput(notebooks, quire.path(), user, inStore);
        }
        ExternalNotebooks.Target target = external.targetOf(location);
        StoredOutput stored = new StoredOutput(target.store(), target.key());
        if (stored.taken()) {
            throw taken(location.toString());
        }
        return stored;
    }

    private static CommandRejectedException taken(String where) {
        return CommandRejectedException.conflict(where + " already exists, and output notebooks are never"
                + " overwritten: choose another output name");
    }

    private static String defaultKey(String runId, String name) {
        String base = name.substring(name.lastIndexOf('/') + 1).replaceAll("(?i)\\.ipynb$", "")
                .replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "notebook";
        }
        return "runs/" + LocalDate.now(ZoneOffset.UTC) + "/" + base + "-" + runId + ".ipynb";
    }
}
