package io.quire.kernel.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.kernel.wire.Json;
import java.util.Map;

/**
 * The content of an {@code execute_request}, except {@code allow_stdin}: the client sets that itself, true exactly
 * when an input handler is given, so a kernel never asks for input nobody will answer.
 *
 * @param code            the code to run
 * @param silent          run without broadcasting output or counting the execution
 * @param storeHistory    record it in the kernel's history
 * @param userExpressions expressions to evaluate after the code, by name
 * @param stopOnError     abort the requests queued behind this one if it fails
 */
public record ExecuteRequest(String code, boolean silent, boolean storeHistory, Map<String, String> userExpressions,
                             boolean stopOnError) {

    public ExecuteRequest {
        userExpressions = Map.copyOf(userExpressions);
    }

    /** A plain cell execution: not silent, stored in history, stop on error. */
    public static ExecuteRequest of(String code) {
        return new ExecuteRequest(code, false, true, Map.of(), true);
    }

    /** The message content. */
    public ObjectNode toContent(boolean allowStdin) {
        ObjectNode content = Json.object();
        content.put("code", code);
        content.put("silent", silent);
        content.put("store_history", storeHistory);
        ObjectNode expressions = content.putObject("user_expressions");
        userExpressions.forEach(expressions::put);
        content.put("allow_stdin", allowStdin);
        content.put("stop_on_error", stopOnError);
        return content;
    }
}
