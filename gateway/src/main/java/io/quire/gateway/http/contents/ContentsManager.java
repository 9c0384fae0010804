package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.gateway.Quire;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.contents.ContentsTree.Kind;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.contents.ContentsEntry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Quire's counterpart of Jupyter Server's ContentsManager (with its LargeFileManager's chunked uploads), behind
 * {@code /api/contents}. Notebooks are Quire notebooks: a save becomes cell-level commands ({@link Notebooks#save}),
 * a delete is recoverable from the history. Plain files and folders live on the local disk under
 * {@code <data>/files}; deleted ones go to {@code <data>/trash}. A path ending in {@code .ipynb} is always a
 * notebook: a file uploaded there is read as one.
 *
 * <p>Blocking (JDBC, commands, disk): call it from a worker thread. Errors are {@link HttpException}s with
 * Jupyter's messages, or the domain's {@code CommandRejectedException} and {@code InvalidNotebookException}.
 */
public final class ContentsManager {

    private final ContentsTree tree;
    private final Notebooks notebooks;
    private final LocalFiles files;
    private final LocalFiles trash;
    private final ModelWriter writer;
    private final Checkpoints checkpoints;
    private final NotebookReader reader = new NotebookReader();

    public ContentsManager(Quire quire) {
        Path data = quire.settings().dataDirectory();
        this.files = new LocalFiles(data.resolve("files"));
        this.trash = new LocalFiles(data.resolve("trash"));
        this.notebooks = new Notebooks(quire);
        this.tree = new ContentsTree(quire, files);
        this.writer = new ModelWriter(tree, notebooks, files, new LocalFiles(data.resolve("uploads")));
        this.checkpoints = new Checkpoints(tree, notebooks, new LocalFiles(data.resolve("file-checkpoints")), files);
    }

    /** What a PUT did: the saved entry's model (without content), and whether it is new. */
    public record Saved(ObjectNode model, boolean created) {
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    /** GET: the model of what is at {@code path}. */
    public ObjectNode get(String path, ContentsTree.Request request) {
        return tree.model(path, request);
    }

    /** PUT: saves a model at {@code path} (Jupyter's save, or new when nothing is there yet). */
    public Saved put(String path, JsonNode model, String user) {
        if (model == null || model.isObject() && model.isEmpty()) {
            return new Saved(newUntitled(path, "", "", user), true);
        }
        ObjectNode body = object(model);
        if (truthy(body.get("copy_from"))) {
            throw HttpException.badRequest("Cannot copy with PUT, only POST");
        }
        if (ApiPath.isHidden(path) || body.path("path").isTextual() && ApiPath.isHidden(body.path("path").textValue())) {
            throw HttpException.badRequest("Cannot create file or directory '" + path + "'");
        }
        if (path.isEmpty()) {
            throw HttpException.badRequest("Cannot save to the root folder: put the file's name in the path");
        }
        Kind kind = tree.kind(path);
        boolean exists = kind == Kind.NOTEBOOK || kind == Kind.FILE;
        String type = ModelWriter.text(body.get("type"));
        if (type != null && !List.of("directory", "file", "notebook").contains(type)) {
            type = "file"; // Jupyter Server 2: an unknown type falls back to file
        }
        if (body.has("chunk")) {
            return new Saved(writer.saveChunk(path, body, type, user), !exists);
        }
        if (exists) {
            writer.requireSavable(body, type);
            writer.write(path, type, body.get("content"), ModelWriter.text(body.get("format")), user);
        } else {
            writer.create(path, type == null ? (path.endsWith(".ipynb") ? "notebook" : "file") : type, body, user);
        }
        return new Saved(tree.model(path), !exists);
    }

    /** POST: a new untitled entry in the folder {@code path}, or a copy of {@code copy_from} there. */
    public ObjectNode post(String path, JsonNode model, String user) {
        Kind kind = tree.kind(path);
        if (kind == Kind.NOTEBOOK || kind == Kind.FILE) {
            throw HttpException.badRequest("Cannot POST to files, use PUT instead.");
        }
        if (model == null || model.isObject() && model.isEmpty()) {
            return newUntitled(path, "", "", user);
        }
        ObjectNode body = object(model);
        if (truthy(body.get("copy_from"))) {
            String from = ApiPath.fromBody(body.get("copy_from").asText());
            if (ApiPath.isHidden(path) || ApiPath.isHidden(from)) {
                throw HttpException.badRequest("Cannot copy file or directory '" + path + "'");
            }
            return copy(from, path, user);
        }
        String type = body.hasNonNull("type") ? body.get("type").asText() : "";
        if (!List.of("", "directory", "file", "notebook").contains(type)) {
            type = "file";
        }
        return newUntitled(path, type, body.hasNonNull("ext") ? body.get("ext").asText() : "", user);
    }

    /** PATCH: renames or moves {@code path} to the model's {@code path}. */
    public ObjectNode patch(String path, JsonNode model, String user) {
        if (model == null) {
            throw HttpException.badRequest("JSON body missing");
        }
        ObjectNode body = object(model);
        String newPath = newPath(path, model);
        if (ApiPath.isHidden(path) || ApiPath.isHidden(newPath)) {
            throw HttpException.badRequest("Cannot rename file or directory '" + path + "'");
        }
        if (!newPath.equals(path)) {
            rename(path, newPath, user);
        }
        return tree.model(newPath);
    }

    /** Where a PATCH moves {@code path}: the body's {@code path}, checked, or {@code path} itself. */
    static String newPath(String path, JsonNode body) {
        return body != null && body.hasNonNull("path") ? ApiPath.fromBody(body.get("path").asText()) : path;
    }

    /** What a POST copies, checked; null when it copies nothing. */
    static String copyFrom(JsonNode body) {
        return body != null && body.isObject() && truthy(body.get("copy_from"))
                ? ApiPath.fromBody(body.get("copy_from").asText()) : null;
    }

    /** DELETE: a notebook is deleted (its history stays, it can be restored); files and folders go to the trash. */
    public void delete(String path, String user) {
        if (path.isEmpty()) {
            throw HttpException.badRequest("Can't delete root");
        }
        if (ApiPath.isHidden(path)) {
            throw HttpException.badRequest("Cannot delete file or directory '" + path + "'");
        }
        switch (tree.kind(path)) {
            case NONE -> throw HttpException.notFound("file or directory does not exist: '" + path + "'");
            case NOTEBOOK -> notebooks.delete(path, user);
            case FILE -> {
                files.moveTo(trash, path, trashFolder() + "/" + path);
                checkpoints.forget(path);
            }
            case DIRECTORY -> {
                for (ContentsEntry notebook : tree.notebooksUnder(path)) {
                    notebooks.delete(notebook.path(), user);
                }
                if (files.isDirectory(path)) {
                    files.moveTo(trash, path, trashFolder() + "/" + path);
                    checkpoints.forget(path);
                }
            }
        }
    }

    private ObjectNode newUntitled(String folder, String type, String ext, String user) {
        if (!tree.isDirectory(folder)) {
            throw HttpException.notFound("No such directory: " + folder);
        }
        if (ApiPath.isHidden(folder)) {
            throw HttpException.badRequest("Cannot create file or directory '" + folder + "'");
        }
        String kind = type.isEmpty() ? (".ipynb".equals(ext) ? "notebook" : "file") : type;
        String name = switch (kind) {
            case "directory" -> FreeNames.increment("Untitled Folder" + ext, folder, " ", tree::exists);
            case "notebook" -> FreeNames.increment("Untitled.ipynb", folder, "", tree::exists);
            case "file" -> FreeNames.increment("untitled" + ext, folder, "", tree::exists);
            default -> throw HttpException.badRequest("Unexpected model type: '" + type + "'");
        };
        String path = ApiPath.join(folder, name);
        writer.create(path, kind, ContentsModels.JSON.createObjectNode(), user);
        return tree.model(path);
    }

    private ObjectNode copy(String from, String to, String user) {
        Kind kind = tree.kind(from);
        if (kind == Kind.NONE) {
            throw HttpException.notFound("file or directory '" + from + "' does not exist");
        }
        if (kind == Kind.DIRECTORY) {
            throw HttpException.badRequest("Can't copy directories");
        }
        String target;
        if (tree.isDirectory(to)) {
            target = ApiPath.join(to, FreeNames.copyOf(ApiPath.name(from), to, tree::exists));
        } else if (tree.isDirectory(ApiPath.parent(to))) {
            target = to;
        } else {
            throw HttpException.notFound("No such parent directory: " + ApiPath.parent(to) + " to copy file in");
        }
        if (kind == Kind.NOTEBOOK) {
            writer.createNotebook(target, reader.read(notebooks.export(from), from), user);
        } else {
            writer.saveFile(target, files.read(from), user);
        }
        return tree.model(target);
    }

    private void rename(String from, String to, String user) {
        if (from.isEmpty()) {
            throw HttpException.badRequest("Can't rename the root folder");
        }
        Kind kind = tree.kind(from);
        if (kind == Kind.NONE) {
            throw HttpException.notFound("File or directory does not exist: " + from);
        }
        if (tree.exists(to)) {
            throw new HttpException(409, "File already exists: " + to);
        }
        if (ApiPath.isWithin(to, from)) {
            throw HttpException.badRequest("Cannot move " + from + " into itself");
        }
        writer.requireFolder(ApiPath.parent(to));
        switch (kind) {
            case NOTEBOOK -> notebooks.rename(from, to, user);
            case FILE -> {
                files.move(from, to);
                checkpoints.rename(from, to);
            }
            default -> {
                // the folder on disk first: if it cannot move, no notebook has moved either
                if (files.isDirectory(from)) {
                    files.move(from, to);
                    checkpoints.rename(from, to);
                }
                for (ContentsEntry notebook : tree.notebooksUnder(from)) {
                    notebooks.rename(notebook.path(), to + notebook.path().substring(from.length()), user);
                }
            }
        }
        writer.materialize(ApiPath.parent(to));
    }

    private static ObjectNode object(JsonNode model) {
        if (!model.isObject()) {
            throw HttpException.badRequest("the body must be a JSON object (a contents model), not " + model.getNodeType()
                    .name().toLowerCase());
        }
        return (ObjectNode) model;
    }

    /** Python's truthiness, for {@code model.get("copy_from")}. */
    private static boolean truthy(JsonNode node) {
        return node != null && !node.isNull() && !(node.isTextual() && node.textValue().isEmpty())
                && !(node.isBoolean() && !node.booleanValue());
    }

    private static String trashFolder() {
        return Instant.now().toString().replace(':', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
