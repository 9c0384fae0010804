package io.quire.gateway.kernels;

import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Message;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A kernel message on its way to front ends, which keeps its encodings: an iopub message goes to every front end of
 * a kernel, and is encoded once per wire format (the legacy JSON, the v1 binary) instead of once per front end;
 * every front end of that format is sent the same encoded bytes. Thread-safe.
 */
public final class OutgoingMessage {

    private final Channel channel;
    private final Message message;
    /** At most one entry per wire format in use: two today. */
    private final Map<Object, Object> encodings = new ConcurrentHashMap<>(4);

    public OutgoingMessage(Channel channel, Message message) {
        this.channel = channel;
        this.message = message;
    }

    public Channel channel() {
        return channel;
    }

    public Message message() {
        return message;
    }

    /**
     * The message as {@code format} encodes it: encoded by {@code encoder} the first time a format asks, then the
     * same object for every later front end of that format.
     *
     * @param format  the wire format, compared by identity (formats are stateless singletons)
     * @param encoder what makes the encoding; it must always return the same type for a format
     */
    @SuppressWarnings("unchecked")
    public <T> T encoded(Object format, BiFunction<Channel, Message, T> encoder) {
        return (T) encodings.computeIfAbsent(format, key -> encoder.apply(channel, message));
    }
}
