package io.quire.kernel.spec;

import java.util.Locale;

/** How a kernel wants to be interrupted: the kernelspec's {@code interrupt_mode}. */
public enum InterruptMode {
    /** Send SIGINT to the kernel process (the default): only whoever owns the process can do it. */
    SIGNAL,
    /** Send an {@code interrupt_request} on the control channel. */
    MESSAGE;

    /**
     * Reads the kernelspec value; missing means {@link #SIGNAL}, as in jupyter_client.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static InterruptMode of(String value) {
        if (value == null || value.isEmpty()) {
            return SIGNAL;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "signal" -> SIGNAL;
            case "message" -> MESSAGE;
            default -> throw new IllegalArgumentException("interrupt_mode must be signal or message, not " + value);
        };
    }
}
