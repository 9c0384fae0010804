package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Notebooks and contents models for tests, written as a Jupyter client sends them. */
final class Ipynb {

    private Ipynb() {
    }

    static ObjectNode notebook(ObjectNode... cells) {
        ObjectNode notebook = TestServer.JSON.createObjectNode();
        ArrayNode list = notebook.putArray("cells");
        for (ObjectNode cell : cells) {
            list.add(cell);
        }
        notebook.putObject("metadata").putObject("kernelspec").put("name", "python3")
                .put("display_name", "Python 3").put("language", "python");
        notebook.put("nbformat", 4).put("nbformat_minor", 5);
        return notebook;
    }

    static ObjectNode code(String id, String source) {
        ObjectNode cell = TestServer.JSON.createObjectNode().put("cell_type", "code").put("id", id).put("source", source);
        cell.putObject("metadata");
        cell.putArray("outputs");
        cell.putNull("execution_count");
        return cell;
    }

    static ObjectNode markdown(String id, String source) {
        ObjectNode cell = TestServer.JSON.createObjectNode().put("cell_type", "markdown").put("id", id)
                .put("source", source);
        cell.putObject("metadata");
        return cell;
    }

    /** The same notebook as nbformat 4.4: no cell ids. */
    static ObjectNode withoutIds(ObjectNode notebook) {
        ObjectNode copy = notebook.deepCopy();
        copy.put("nbformat_minor", 4);
        copy.get("cells").forEach(cell -> ((ObjectNode) cell).remove("id"));
        return copy;
    }

    /** A contents model that saves {@code notebook}. */
    static ObjectNode model(JsonNode notebook) {
        ObjectNode model = TestServer.JSON.createObjectNode().put("type", "notebook").put("format", "json");
        model.set("content", notebook);
        return model;
    }

    static ObjectNode file(String content, String format) {
        return TestServer.JSON.createObjectNode().put("type", "file").put("format", format).put("content", content);
    }

    static String text(JsonNode text) {
        return TestServer.text(text);
    }
}
