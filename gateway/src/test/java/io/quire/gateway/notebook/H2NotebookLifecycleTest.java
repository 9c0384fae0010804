package io.quire.gateway.notebook;

import io.quire.gateway.QuireSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2NotebookLifecycleTest extends NotebookLifecycleContract {

    @TempDir
    Path data;

    @Override
    QuireSettings settings(int snapshotThreshold) {
        return new QuireSettings(data, null, snapshotThreshold);
    }
}
