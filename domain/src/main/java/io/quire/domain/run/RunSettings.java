package io.quire.domain.run;

import java.time.Duration;

/**
 * How a run executes.
 *
 * @param kernelName  the kernel to run it on (null: the notebook's own)
 * @param cellTimeout how long one cell may run before the run fails (null: no limit)
 * @param runTimeout  how long the whole run may take (null: no limit)
 * @param reportMode  hide the code of every code cell in the output notebook, as papermill's report mode does
 * @param workingDirectory the kernel's working directory (null: the default)
 */
public record RunSettings(String kernelName, Duration cellTimeout, Duration runTimeout, boolean reportMode,
                          String workingDirectory) {

    /** Defaults: the notebook's kernel, no limits. */
    public static RunSettings defaults() {
        return new RunSettings(null, null, null, false, null);
    }
}
