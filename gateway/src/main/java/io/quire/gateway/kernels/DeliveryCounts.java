package io.quire.gateway.kernels;

/**
 * How well one front end keeps up with what its kernel sends: bytes written to it and not yet handed to its
 * connection now, the most there ever were, and the outputs dropped because it did not read fast enough.
 */
public record DeliveryCounts(long queuedBytes, long peakQueuedBytes, long droppedMessages, long droppedBytes) {
}
