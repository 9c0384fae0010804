package io.quire.gateway.http.channels;

import io.quire.kernel.wire.Message;

/**
 * A message a front end sent.
 *
 * @param channel the channel it named ({@code shell} when it named none, as Jupyter assumes)
 */
record Inbound(String channel, Message message) {
}
