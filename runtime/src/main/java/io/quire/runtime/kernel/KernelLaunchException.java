package io.quire.runtime.kernel;

/** A kernel could not be started; the message says why and ends with the kernel's own last words, if any. */
public class KernelLaunchException extends RuntimeException {

    public KernelLaunchException(String message) {
        super(message);
    }

    public KernelLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
