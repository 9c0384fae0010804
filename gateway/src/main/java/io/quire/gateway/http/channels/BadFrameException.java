package io.quire.gateway.http.channels;

/** A WebSocket frame that is not a kernel message of the connection's protocol; says what is wrong with it. */
final class BadFrameException extends Exception {

    BadFrameException(String message) {
        super(message);
    }

    BadFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
