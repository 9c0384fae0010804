package io.quire.bench;

import java.time.Duration;

/**
 * How big and how long a run is. {@link #standard()} is what the issue asks for and took 3 to 6 minutes for both
 * stores on a busy 2-core machine; {@link #quick()} is a ~1 minute smoke run whose figures are indicative only.
 *
 * @param cells              cells of the edited notebook
 * @param notebookBytes      size of the edited notebook as an .ipynb file (sources plus outputs)
 * @param editors            concurrent editors, one thread and one cell each
 * @param warmUp             editing before measuring, so that the JIT has compiled the hot paths
 * @param measure            the measured editing window
 * @param historyEvents      events of the notebook whose load time and rebuild are measured
 * @param loadRepetitions    node restarts per load measurement; the first is reported apart as "first"
 * @param rebuildRepetitions rebuilds per store; the median is reported, and the first apart as "first"
 */
public record Scale(int cells, int notebookBytes, int editors, Duration warmUp, Duration measure, int historyEvents,
                    int loadRepetitions, int rebuildRepetitions) {

    public static Scale standard() {
        return new Scale(500, 5_000_000, 8, Duration.ofSeconds(10), Duration.ofSeconds(20), 100_000, 8, 5);
    }

    public static Scale quick() {
        return new Scale(500, 5_000_000, 8, Duration.ofSeconds(3), Duration.ofSeconds(5), 10_000, 3, 1);
    }
}
