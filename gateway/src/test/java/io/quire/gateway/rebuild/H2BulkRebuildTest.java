package io.quire.gateway.rebuild;

import io.quire.gateway.QuireSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The bulk rebuild on the embedded H2 store. */
class H2BulkRebuildTest extends BulkRebuildContract {

    @TempDir
    Path data;

    @Override
    QuireSettings settings() {
        return QuireSettings.embedded(data);
    }
}
