package io.quire.gateway.http.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small python3 notebooks for the run tests: a cell tagged {@code parameters}, then code cells. */
final class RunNotebookFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private RunNotebookFiles() {
    }

    /** The notebook as nbformat 4.5 JSON: the parameters cell's source, then each cell's. */
    static ObjectNode notebook(String parameters, String... cells) {
        ObjectNode notebook = JSON.createObjectNode();
        var list = notebook.putArray("cells");
        ObjectNode parametersCell = cell(list.addObject(), "parameters", parameters);
        ((ObjectNode) parametersCell.get("metadata")).putArray("tags").add("parameters");
        for (int i = 0; i < cells.length; i++) {
            cell(list.addObject(), "cell" + (i + 1), cells[i]);
        }
        ObjectNode metadata = notebook.putObject("metadata");
        metadata.putObject("kernelspec").put("name", "python3").put("display_name", "Python 3")
                .put("language", "python");
        metadata.putObject("language_info").put("name", "python");
        notebook.put("nbformat", 4).put("nbformat_minor", 5);
        return notebook;
    }

    /** Writes {@link #notebook} to {@code file}; returns the file. */
    static Path write(Path file, String parameters, String... cells) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, notebook(parameters, cells).toPrettyString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode cell(ObjectNode cell, String id, String source) {
        cell.put("cell_type", "code").put("id", id).put("source", source).putNull("execution_count");
        cell.putObject("metadata");
        cell.putArray("outputs");
        return cell;
    }
}
