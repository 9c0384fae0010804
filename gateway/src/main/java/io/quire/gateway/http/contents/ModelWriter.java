package io.quire.gateway.http.contents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.NotebookContent;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.contents.ContentsTree.Kind;
import io.quire.gateway.notebook.NotebookDraft;
import io.quire.gateway.notebook.Notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes a contents model at a path, as Jupyter's {@code save} and {@code new} do: a notebook as cell-level
 * commands ({@link Notebooks#save}), a plain file or a folder on disk, a chunk of a large upload. It refuses what
 * would mix kinds at one path (a file over a notebook, a notebook over a folder) and keeps on disk the folders
 * notebooks are saved into. A path ending in {@code .ipynb} is always a notebook: file content saved there is read
 * as one. Blocking.
 */
final class ModelWriter {

    private final ContentsTree tree;
    private final Notebooks notebooks;
    private final LocalFiles files;
    private final LocalFiles uploads;

    ModelWriter(ContentsTree tree, Notebooks notebooks, LocalFiles files, LocalFiles uploads) {
        this.tree = tree;
        this.notebooks = notebooks;
        this.files = files;
        this.uploads = uploads;
    }

    /** Creates a notebook at a free path, with this content. */
    void createNotebook(String path, NotebookContent content, String user) {
        requireFree(path);
        notebooks.create(path, content, user);
        materialize(ApiPath.parent(path));
    }

    /** Jupyter's {@code new}: what the model lacks is an empty notebook, an empty text file or a folder. */
    void create(String path, String type, ObjectNode body, String user) {
        if ("directory".equals(type)) {
            write(path, type, null, null, user);
        } else if (!body.has("content") && ("notebook".equals(type) || path.endsWith(".ipynb"))) {
            createNotebook(path, new NotebookContent(null, List.of()), user);
        } else if (!body.has("content")) {
            write(path, "file", ContentsModels.JSON.getNodeFactory().textNode(""), "text", user);
        } else {
            write(path, type, body.get("content"), text(body.get("format")), user);
        }
    }

    void write(String path, String type, JsonNode content, String format, String user) {
        switch (type) {
            case "notebook" -> saveNotebook(path, notebookJson(path, content), user);
            case "file" -> saveFile(path, FileContent.decode(path, content, format), user);
            case "directory" -> saveDirectory(path);
            default -> throw HttpException.badRequest("Unhandled contents type: " + type);
        }
    }

    private void saveNotebook(String path, JsonNode notebook, String user) {
        Kind kind = tree.kind(path);
        if (kind == Kind.FILE) {
            throw new HttpException(409, "a plain file exists at " + path + ": delete it, or save the notebook elsewhere");
        }
        if (kind == Kind.DIRECTORY) {
            throw HttpException.badRequest(path + " is a directory");
        }
        requireFolder(ApiPath.parent(path));
        notebooks.save(path, NotebookDraft.read(notebook, path), user);
        materialize(ApiPath.parent(path));
    }

    void saveFile(String path, byte[] bytes, String user) {
        if (path.endsWith(".ipynb")) {
            saveNotebook(path, parseNotebook(path, bytes), user);
            return;
        }
        requireFileSlot(path);
        files.write(path, bytes);
    }

    private void saveDirectory(String path) {
        Kind kind = tree.kind(path);
        if (kind == Kind.NOTEBOOK || kind == Kind.FILE) {
            throw HttpException.badRequest("Not a directory: " + path);
        }
        requireFolder(ApiPath.parent(path));
        files.createDirectories(path);
    }

    /** LargeFileManager: chunk 1 starts the file, later chunks append, chunk -1 is the last. */
    ObjectNode saveChunk(String path, ObjectNode body, String type, String user) {
        if (!body.get("chunk").canConvertToInt()) {
            throw HttpException.badRequest("chunk must be a number: 1 for the first, -1 for the last");
        }
        int chunk = body.get("chunk").asInt();
        if (type == null) {
            throw HttpException.badRequest("No file type provided");
        }
        if (!"file".equals(type)) {
            throw HttpException.badRequest("File type \"" + type + "\" is not supported for large file transfer");
        }
        if (!body.has("content")) {
            throw HttpException.badRequest("No file content provided");
        }
        byte[] bytes = FileContent.decode(path, body.get("content"), text(body.get("format")));
        boolean notebook = path.endsWith(".ipynb");
        LocalFiles target = notebook ? uploads : files;
        if (!notebook) {
            requireFileSlot(path);
        }
        if (chunk == 1) {
            target.write(path, bytes);
        } else {
            target.append(path, bytes);
        }
        if (!notebook) {
            return tree.model(path);
        }
        if (chunk != -1) {
            Instant now = Instant.now();
            return ContentsModels.base(path, "notebook", now, now, uploads.find(path).map(LocalFiles.Entry::size).orElse(0L));
        }
        byte[] whole = uploads.read(path);
        uploads.delete(path);
        saveFile(path, whole, user);
        return tree.model(path);
    }

    /** Folders a notebook is saved into are kept on disk too, so that they keep their times and outlive it. */
    void materialize(String folder) {
        if (!folder.isEmpty()) {
            files.createDirectories(folder);
        }
    }

    void requireSavable(ObjectNode body, String type) {
        if (type == null) {
            throw HttpException.badRequest("No file type provided");
        }
        if (!body.has("content") && !"directory".equals(type)) {
            throw HttpException.badRequest("No file content provided");
        }
    }

    /** A plain file may go at {@code path}: no notebook or folder is there, and its parent is a folder. */
    private void requireFileSlot(String path) {
        Kind kind = tree.kind(path);
        if (kind == Kind.NOTEBOOK) {
            throw new HttpException(409, "a notebook lives at " + path + ": save it with type 'notebook', or delete it first");
        }
        if (kind == Kind.DIRECTORY) {
            throw HttpException.badRequest(path + " is a directory");
        }
        requireFolder(ApiPath.parent(path));
    }

    void requireFree(String path) {
        if (tree.exists(path)) {
            throw new HttpException(409, "File already exists: " + path);
        }
        requireFolder(ApiPath.parent(path));
    }

    /** {@code folder} is a folder, or nothing yet (folders are made as needed): not a file or a notebook. */
    void requireFolder(String folder) {
        Kind kind = tree.kind(folder);
        if (kind == Kind.FILE || kind == Kind.NOTEBOOK) {
            throw HttpException.badRequest("Not a directory: " + folder);
        }
    }

    /** A notebook model's content: the notebook as JSON, or (leniently) as a JSON string. */
    private static JsonNode notebookJson(String path, JsonNode content) {
        if (content == null || content.isNull()) {
            throw HttpException.badRequest("No file content provided");
        }
        return content.isTextual() ? parseNotebook(path, content.textValue().getBytes(StandardCharsets.UTF_8)) : content;
    }

    private static JsonNode parseNotebook(String path, byte[] bytes) {
        try {
            JsonNode parsed = ContentsModels.JSON.readTree(bytes);
            if (parsed == null || parsed.isMissingNode()) {
                throw HttpException.badRequest("Unreadable Notebook: " + path + " is empty");
            }
            return parsed;
        } catch (IOException e) {
            String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw HttpException.badRequest("Unreadable Notebook: " + path + " is not JSON: " + problem);
        }
    }

    /** A model's string field; null when absent, null or empty. */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }
}
