package io.quire.kernel.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.kernel.message.CommInfoReply;
import io.quire.kernel.message.CompleteReply;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.HistoryReply;
import io.quire.kernel.message.HistoryRequest;
import io.quire.kernel.message.InspectReply;
import io.quire.kernel.message.IsCompleteReply;
import io.quire.kernel.message.KernelInfo;
import io.quire.kernel.message.ShutdownReply;
import io.quire.kernel.wire.Channel;
import io.quire.kernel.wire.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A client of one running Jupyter kernel (messaging protocol 5.3). All methods are thread-safe and return at once.
 *
 * <p>Threading: returned futures are completed, and listeners and handlers are called, on the client's single I/O
 * thread. Dependent stages added with the non-async methods ({@code thenApply}, ...) run there too, so they must not
 * block; above all, never {@code join()} a future of the same client from there, which would deadlock. Use the
 * {@code *Async} variants to move work elsewhere.
 *
 * <p>Failures: futures fail with {@link KernelDiedException} when the heartbeat declares the kernel dead (or it
 * shut down) before the answer came, and with {@link ClientClosedException} after {@link #close()}. A request the
 * kernel itself rejects is a normal reply with status error. Nothing times out by itself: a long cell is not a
 * failure, so callers that want a deadline add one ({@code orTimeout}).
 */
public interface KernelClient extends AutoCloseable {

    /**
     * Completes once the kernel answers kernel_info on shell and its iopub messages reach this client, so no
     * output of a later execution can be missed (ZeroMQ subscriptions take effect asynchronously). Retries
     * kernel_info until then; fails with {@link java.util.concurrent.TimeoutException} after {@code timeout}.
     */
    CompletableFuture<KernelInfo> ready(Duration timeout);

    /** Sends {@code kernel_info_request}. */
    CompletableFuture<KernelInfo> kernelInfo();

    /** Runs code without stdin: {@code input()} in it raises in the kernel. See {@link #execute(ExecuteRequest,
     * ExecutionListener, InputHandler)}. */
    CompletableFuture<ExecuteReply> execute(ExecuteRequest request, ExecutionListener listener);

    /**
     * Runs code. Outputs go to {@code listener} as they arrive; the future completes only when both the
     * execute_reply and the iopub {@code status: idle} for this request have arrived (they are not ordered), so
     * every output has been delivered by then.
     *
     * @param input answers {@code input()}; {@code null} sends {@code allow_stdin: false}
     */
    CompletableFuture<ExecuteReply> execute(ExecuteRequest request, ExecutionListener listener, InputHandler input);

    /** Completions for {@code code} at {@code cursorPos} (in Unicode code points, as the protocol counts). */
    CompletableFuture<CompleteReply> complete(String code, int cursorPos);

    /** Help on the object at {@code cursorPos}; {@code detailLevel} 0 or 1 (1 adds source). */
    CompletableFuture<InspectReply> inspect(String code, int cursorPos, int detailLevel);

    /** Whether {@code code} is complete enough to run (a console's Enter key). */
    CompletableFuture<IsCompleteReply> isComplete(String code);

    /** Entries of the kernel's input history. */
    CompletableFuture<HistoryReply> history(HistoryRequest request);

    /** The comms open in the kernel, optionally only those of {@code targetName} ({@code null} for all). */
    CompletableFuture<CommInfoReply> commInfo(String targetName);

    /**
     * Opens a comm to a target registered in the kernel. Its messages start arriving at {@code listener} as soon as
     * the kernel sends them; the comm_open itself has no reply.
     */
    Comm openComm(String targetName, JsonNode data, List<byte[]> buffers, CommListener listener);

    /** Accepts comms the kernel opens for {@code targetName}; replaces an earlier registration of that name. */
    void registerCommTarget(String targetName, CommTarget target);

    /**
     * Interrupts the running cell: an {@code interrupt_request} on control for message-mode kernels, the
     * {@link Interrupter} given at construction for signal-mode ones (it fails with
     * {@link IllegalStateException} if none was given). The cell ends with an error reply (KeyboardInterrupt).
     */
    CompletableFuture<Void> interrupt();

    /**
     * Sends {@code shutdown_request} on control. After the reply, requests still pending fail with
     * {@link KernelDiedException}, and heartbeat misses stop counting until {@link #ready} succeeds again (on a
     * kernel its owner restarted with the same connection file).
     *
     * @param restart tells the kernel, and whoever owns its process, that a restart follows
     */
    CompletableFuture<ShutdownReply> shutdown(boolean restart);

    /**
     * Sends a message as given (signed by this client's session) and completes with the first message on the same
     * channel whose parent is it. For relaying other front ends' requests; shell or control only.
     */
    CompletableFuture<Message> request(Channel channel, Message message);

    /**
     * Sends a message as given (signed by this client's session) on shell, control or stdin, and waits for nothing:
     * for relaying other front ends' messages of any type (comm traffic, input replies, requests), whose answers
     * reach them through a {@link KernelListener}. The kernel's {@code input_request}s for an execute_request sent
     * this way are left to the listeners: this client does not answer them.
     *
     * @return completes once ZeroMQ has taken the message
     * @throws IllegalArgumentException for iopub or heartbeat, which a client does not send on
     */
    CompletableFuture<Void> send(Channel channel, Message message);

    /**
     * Adds a listener that sees every message received from now on, after the listener given at construction (if
     * any) and the listeners added before it. Any thread.
     */
    void addListener(KernelListener listener);

    /** Removes a listener added with {@link #addListener}; messages already being delivered may still reach it. */
    void removeListener(KernelListener listener);

    /**
     * Completes, normally, with the exception pending requests failed with once the heartbeat declares the kernel
     * dead. Never completes for a kernel that stays alive.
     */
    CompletableFuture<KernelDiedException> death();

    /** Messages refused so far because their signature was wrong, missing or replayed, or they were malformed. */
    long rejectedMessageCount();

    /**
     * Stops the I/O thread, closes every socket (linger 0) and the ZeroMQ context, and fails pending futures with
     * {@link ClientClosedException}. Idempotent; blocks until the I/O thread has ended (a few milliseconds).
     */
    @Override
    void close();
}
