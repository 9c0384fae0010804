package io.quire.kernel.message;

import java.util.Locale;

/** The {@code status} of a reply on shell or control. */
public enum ReplyStatus {
    OK,
    /** The request failed; for execute, the code raised (see {@link ExecuteReply#ename()}). */
    ERROR,
    /** The kernel did not run the request because an earlier one failed with stop_on_error. */
    ABORTED;

    /** Reads the wire value; anything unknown (some old kernels sent none) is treated as {@link #ERROR}. */
    public static ReplyStatus of(String value) {
        if (value == null) {
            return ERROR;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ok" -> OK;
            case "aborted", "abort" -> ABORTED;
            default -> ERROR;
        };
    }
}
