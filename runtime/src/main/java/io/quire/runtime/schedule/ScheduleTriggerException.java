package io.quire.runtime.schedule;

/** The triggers could not be read or changed: the message says what was attempted, the cause why. */
public class ScheduleTriggerException extends RuntimeException {

    public ScheduleTriggerException(String message, Throwable cause) {
        super(message, cause);
    }
}
