package io.quire.gateway.http.channels;

import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Header;
import io.quire.kernel.wire.Json;
import io.quire.kernel.wire.Message;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both WebSocket protocols, against frames built as Jupyter's Python functions build them (see KernelSocket). */
class WireProtocolTest {

    private static final Header REQUEST = new Header("req-1", "client-session", "ann",
            OffsetDateTime.parse("2024-05-01T12:00:00.123456Z"), "comm_msg", "5.3");

    private static Message message(List<byte[]> buffers) {
        return new Message(List.of(), new Header("msg-1", "kernel-session", "kernel",
                OffsetDateTime.parse("2024-05-01T12:00:01Z"), "comm_msg", "5.3"), REQUEST,
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.object().put("m", 1),
                Json.object().put("comm_id", "c1"), buffers);
    }

    @Test
    void v1FramesMessagesAsJupyterServerDoes() {
        Outbound frame = new V1WireProtocol().encode(Channel.IOPUB, message(List.of(new byte[] {0, 1, 2})));

        JsonObject decoded = KernelSocket.decodeV1(frame.binary().getBytes());
        assertThat(decoded.getString("channel")).isEqualTo("iopub");
        assertThat(decoded.getJsonObject("header").getString("msg_id")).isEqualTo("msg-1");
        assertThat(decoded.getJsonObject("header").getString("date")).isEqualTo("2024-05-01T12:00:01Z");
        assertThat(decoded.getJsonObject("parent_header").getString("session")).isEqualTo("client-session");
        assertThat(decoded.getJsonObject("metadata").getInteger("m")).isEqualTo(1);
        assertThat(decoded.getJsonObject("content").getString("comm_id")).isEqualTo("c1");
        assertThat(decoded.getJsonArray("buffers")).containsExactly("AAEC");
    }

    @Test
    void v1ReadsWhatJupyterLabSends() throws Exception {
        JsonObject sent = new JsonObject()
                .put("header", new JsonObject().put("msg_id", "m2").put("msg_type", "execute_request")
                        .put("session", "s").put("username", "").put("date", "2024-05-01T12:00:00.000Z")
                        .put("version", "5.3"))
                .put("parent_header", new JsonObject()).put("metadata", new JsonObject().put("cellId", "c"))
                .put("content", new JsonObject().put("code", "1+1"));

        Inbound inbound = new V1WireProtocol().decode(Buffer.buffer(KernelSocket.encodeV1("shell", sent)));

        assertThat(inbound.channel()).isEqualTo("shell");
        assertThat(inbound.message().msgType()).isEqualTo("execute_request");
        assertThat(inbound.message().parentHeader()).isNull();
        assertThat(inbound.message().metadata().path("cellId").asText()).isEqualTo("c");
        assertThat(inbound.message().content().path("code").asText()).isEqualTo("1+1");
    }

    @Test
    void legacyMessagesWithoutBuffersAreJsonTextAndWithBuffersTheOldBinaryFraming() throws Exception {
        JsonWireProtocol legacy = new JsonWireProtocol();

        JsonObject text = new JsonObject(legacy.encode(Channel.SHELL, message(List.of())).text());
        assertThat(text.getString("channel")).isEqualTo("shell");
        assertThat(text.getString("msg_id")).isEqualTo("msg-1");
        assertThat(text.getString("msg_type")).isEqualTo("comm_msg");
        assertThat(text.getJsonArray("buffers")).isEmpty();

        Outbound binary = legacy.encode(Channel.IOPUB, message(List.of("ab".getBytes(), "cde".getBytes())));
        JsonObject decoded = KernelSocket.decodeLegacyBinary(binary.binary().getBytes());
        assertThat(decoded.getString("channel")).isEqualTo("iopub");
        assertThat(decoded.getJsonArray("buffers")).containsExactly("YWI=", "Y2Rl");

        Inbound back = legacy.decode(binary.binary());
        assertThat(back.message().buffers()).extracting(String::new).containsExactly("ab", "cde");
        assertThat(back.message().parentHeader().msgId()).isEqualTo("req-1");
    }

    @Test
    void aLegacyMessageWithoutAChannelGoesToShell() throws Exception {
        Inbound inbound = new JsonWireProtocol().decode("{\"header\": {\"msg_id\": \"1\", \"msg_type\":"
                + " \"kernel_info_request\"}, \"parent_header\": {}, \"metadata\": {}, \"content\": {}}");

        assertThat(inbound.channel()).isEqualTo("shell");
    }

    @Test
    void framesThatAreNoKernelMessagesAreRefusedSayingWhy() {
        JsonWireProtocol legacy = new JsonWireProtocol();
        V1WireProtocol v1 = new V1WireProtocol();

        assertThatThrownBy(() -> legacy.decode("not json")).hasMessageStartingWith("the message is not valid JSON");
        assertThatThrownBy(() -> legacy.decode("[1]")).hasMessage("a message must be a JSON object");
        assertThatThrownBy(() -> legacy.decode("{\"header\": {\"msg_id\": 3}}"))
                .hasMessage("the header needs msg_id and msg_type strings");
        assertThatThrownBy(() -> legacy.decode("{\"header\": {\"msg_id\": \"1\", \"msg_type\": \"x\"},"
                + " \"content\": [1]}")).hasMessage("the content must be a JSON object");
        assertThatThrownBy(() -> legacy.decode("{\"header\": {\"msg_id\": \"1\", \"msg_type\": \"x\"},"
                + " \"channel\": 7}")).hasMessage("the channel must be a string");
        assertThatThrownBy(() -> legacy.decode(Buffer.buffer(new byte[] {0, 0, 0, 9, 0})))
                .hasMessageContaining("cannot hold 9 parts");
        assertThatThrownBy(() -> v1.decode("{}")).hasMessageContaining("binary frames only");
        assertThatThrownBy(() -> v1.decode(Buffer.buffer(new byte[] {1, 2, 3})))
                .hasMessageContaining("8-byte offset count");
        assertThatThrownBy(() -> v1.decode(Buffer.buffer(offsets(6, 56, 60, 1000, 1000, 1000, 1000))))
                .hasMessageContaining("out of order or out of bounds");
        assertThatThrownBy(() -> v1.decode(Buffer.buffer(offsets(2, 24, 24))))
                .hasMessageContaining("cannot have 2 offsets");
    }

    private static byte[] offsets(long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            buffer.putLong(value);
        }
        buffer.put("shell".getBytes(StandardCharsets.UTF_8), 0, 0);
        return buffer.array();
    }
}
