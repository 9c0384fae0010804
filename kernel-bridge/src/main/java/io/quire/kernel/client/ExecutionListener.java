package io.quire.kernel.client;

import io.quire.kernel.message.Output;

/**
 * Receives a cell's outputs as they arrive, in the order the kernel published them. Called on the client's I/O
 * thread: return quickly and never block (hand heavy work to your own executor).
 */
@FunctionalInterface
public interface ExecutionListener {

    /** A listener for executions whose outputs nobody needs. */
    ExecutionListener IGNORE = output -> { };

    /** One output of the execution. Exceptions thrown here are logged and do not stop the execution. */
    void onOutput(Output output);

    /**
     * The kernel began running the code ({@code execute_input}) and gave it {@code executionCount}; it comes
     * before the execution's outputs. Kernels that send no execute_input never call it.
     */
    default void onStart(int executionCount) {
    }
}
