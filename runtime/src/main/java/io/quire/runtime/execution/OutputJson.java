package io.quire.runtime.execution;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.kernel.message.DisplayData;
import io.quire.kernel.message.ErrorOutput;
import io.quire.kernel.message.ExecuteResult;
import io.quire.kernel.message.StreamOutput;
import io.quire.kernel.message.UpdateDisplayData;

/** Kernel outputs as nbformat output JSON, as nbformat's {@code output_from_msg} builds them. */
public final class OutputJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OutputJson() {
    }

    public static ObjectNode stream(StreamOutput output) {
        return NODES.objectNode().put("output_type", "stream").put("name", output.name()).put("text", output.text());
    }

    public static ObjectNode display(DisplayData output) {
        ObjectNode json = NODES.objectNode().put("output_type", "display_data");
        json.set("data", output.data().deepCopy());
        json.set("metadata", output.metadata().isObject() ? output.metadata().deepCopy() : NODES.objectNode());
        return json;
    }

    public static ObjectNode update(UpdateDisplayData output) {
        ObjectNode json = NODES.objectNode().put("output_type", "display_data");
        json.set("data", output.data().deepCopy());
        json.set("metadata", output.metadata().isObject() ? output.metadata().deepCopy() : NODES.objectNode());
        return json;
    }

    public static ObjectNode result(ExecuteResult output) {
        ObjectNode json = NODES.objectNode().put("output_type", "execute_result")
                .put("execution_count", output.executionCount());
        json.set("data", output.data().deepCopy());
        json.set("metadata", output.metadata().isObject() ? output.metadata().deepCopy() : NODES.objectNode());
        return json;
    }

    public static ObjectNode error(ErrorOutput output) {
        ObjectNode json = NODES.objectNode().put("output_type", "error").put("ename", output.ename())
                .put("evalue", output.evalue());
        var traceback = json.putArray("traceback");
        output.traceback().forEach(traceback::add);
        return json;
    }
}
