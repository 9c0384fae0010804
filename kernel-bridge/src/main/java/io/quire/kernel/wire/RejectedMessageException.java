package io.quire.kernel.wire;

/**
 * A frame list that a {@link Session} refused to turn into a {@link Message}. Such a message is never delivered.
 */
public final class RejectedMessageException extends Exception {

    /** Why a message was refused. */
    public enum Reason {
        /** No {@code <IDS|MSG>} delimiter, too few frames, or a frame that is not the JSON it should be. */
        MALFORMED,
        /** The signature is missing or does not match the key: forged, corrupted, or signed with another key. */
        BAD_SIGNATURE,
        /** The exact signature was seen before on this session: a captured message sent again. */
        REPLAYED
    }

    private final Reason reason;

    public RejectedMessageException(Reason reason, String message) {
        this(reason, message, null);
    }

    public RejectedMessageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the message was refused. */
    public Reason reason() {
        return reason;
    }
}
