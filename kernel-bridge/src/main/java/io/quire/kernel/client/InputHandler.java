package io.quire.kernel.client;

import io.quire.kernel.message.InputRequest;
import java.util.concurrent.CompletionStage;

/**
 * Answers the kernel's {@code input_request}s for one execution (Python's {@code input()}, {@code getpass()}).
 * Called on the client's I/O thread; the answer may come later from any thread (a person typing), so it is a
 * stage. The kernel waits, blocked in {@code input()}, until it completes.
 */
@FunctionalInterface
public interface InputHandler {

    /**
     * The text to send back as the {@code input_reply} value. A failed stage (or a thrown exception) is logged and
     * answered with an empty string, because a kernel waiting on stdin cannot be told about a failure and would
     * otherwise hang until interrupted.
     */
    CompletionStage<String> answer(InputRequest request);
}
