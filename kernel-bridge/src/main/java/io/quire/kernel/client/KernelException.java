package io.quire.kernel.client;

/** A kernel request that could not be answered. Unchecked: it reaches callers through failed futures. */
public class KernelException extends RuntimeException {

    public KernelException(String message) {
        super(message);
    }

    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }
}
