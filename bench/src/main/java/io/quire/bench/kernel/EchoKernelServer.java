package io.quire.bench.kernel;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.util.concurrent.TimeUnit;

/**
 * The floor of a WebSocket round trip: a Vert.x WebSocket server (TCP_NODELAY, as Quire's) that answers an
 * execute_request at once, as a kernel would, with the five messages a kernel sends for {@code 1+1} (busy,
 * execute_input, execute_result, execute_reply, idle), on its event loop, with no kernel and no ZeroMQ behind it.
 * What the same client measures against it is the part of Quire's WebSocket figure that is client, loopback TCP
 * and Vert.x, not Quire.
 */
final class EchoKernelServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private EchoKernelServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static EchoKernelServer start() throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setTcpNoDelay(true))
                .webSocketHandler(EchoKernelServer::serve)
                .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return new EchoKernelServer(vertx, server);
    }

    private static void serve(ServerWebSocket ws) {
        ws.textMessageHandler(text -> {
            int at = text.indexOf("\"msg_id\":\"") + 10;
            String id = text.substring(at, text.indexOf('"', at));
            ws.writeTextMessage(message(id, "iopub", "status", "{\"execution_state\":\"busy\"}"));
            ws.writeTextMessage(message(id, "iopub", "execute_input", "{\"code\":\"1+1\",\"execution_count\":1}"));
            ws.writeTextMessage(message(id, "iopub", "execute_result", "{\"data\":{\"text/plain\":\"2\"},"
                    + "\"metadata\":{},\"execution_count\":1}"));
            ws.writeTextMessage(message(id, "shell", "execute_reply", "{\"status\":\"ok\",\"execution_count\":1,"
                    + "\"user_expressions\":{},\"payload\":[]}"));
            ws.writeTextMessage(message(id, "iopub", "status", "{\"execution_state\":\"idle\"}"));
        });
    }

    private static String message(String parent, String channel, String type, String content) {
        return "{\"header\":{\"msg_id\":\"" + java.util.UUID.randomUUID() + "\",\"msg_type\":\"" + type
                + "\",\"username\":\"echo\",\"session\":\"echo\",\"date\":\"" + java.time.Instant.now()
                + "\",\"version\":\"5.3\"},\"msg_id\":\"x\",\"msg_type\":\"" + type + "\",\"parent_header\":{"
                + "\"msg_id\":\"" + parent + "\",\"msg_type\":\"execute_request\",\"username\":\"bench\","
                + "\"session\":\"s\",\"version\":\"5.3\"},\"metadata\":{},\"content\":" + content
                + ",\"buffers\":[],\"channel\":\"" + channel + "\"}";
    }

    String ws() {
        return "ws://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // bench teardown
        }
    }
}
