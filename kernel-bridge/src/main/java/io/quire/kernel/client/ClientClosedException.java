package io.quire.kernel.client;

/** The client was closed before the request was answered, or the request was made after {@code close()}. */
public class ClientClosedException extends KernelException {

    public ClientClosedException(String message) {
        super(message);
    }
}
