package io.quire.kernel.message;

import java.util.List;

/**
 * An exception raised by the cell ({@code error}).
 *
 * @param ename     the exception's class name, e.g. {@code ZeroDivisionError}
 * @param evalue    its message
 * @param traceback the traceback lines, with ANSI colour codes as the kernel sent them
 */
public record ErrorOutput(String ename, String evalue, List<String> traceback) implements Output {

    public ErrorOutput {
        traceback = List.copyOf(traceback);
    }
}
