package io.quire.runtime.papermill;

import java.util.List;

/**
 * The cell that stopped a run, as papermill's {@code PapermillExecutionError} describes it.
 *
 * @param cellIndex      the failing cell's index in the notebook (before marker cells are added)
 * @param cellId         its id
 * @param executionCount its execution count, or null
 * @param ename          the exception's name ({@code CellExecutionError} when the cell failed without an error
 *                       output)
 * @param evalue         the exception's value
 * @param traceback      the traceback lines
 */
public record ExecutionFailure(int cellIndex, String cellId, Integer executionCount, String ename, String evalue,
                               List<String> traceback) {

    public ExecutionFailure {
        traceback = List.copyOf(traceback);
    }
}
