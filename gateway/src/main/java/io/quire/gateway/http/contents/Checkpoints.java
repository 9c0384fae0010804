package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.gateway.http.HttpException;
import io.quire.gateway.http.contents.ContentsTree.Kind;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.versions.Version;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checkpoints as the contents API offers them ({@code {id, last_modified}}).
 * <ul>
 *   <li>A notebook's checkpoints are its named versions: creating one names the current version, its id is the
 *       version number, restoring it makes the notebook equal to that version with cell-level commands (the
 *       history keeps everything in between). A named version is part of the history, which is never rewritten,
 *       so deleting one is refused (405).</li>
 *   <li>A plain file has at most one checkpoint, {@code checkpoint}: a copy under {@code <data>/file-checkpoints},
 *       as Jupyter's FileCheckpoints keeps it.</li>
 * </ul>
 * Blocking.
 */
public final class Checkpoints {

    static final String FILE_CHECKPOINT = "checkpoint";

    private final ContentsTree tree;
    private final Notebooks notebooks;
    private final LocalFiles store;
    private final LocalFiles files;

    Checkpoints(ContentsTree tree, Notebooks notebooks, LocalFiles store, LocalFiles files) {
        this.tree = tree;
        this.notebooks = notebooks;
        this.store = store;
        this.files = files;
    }

    public ArrayNode list(String path) {
        ArrayNode list = ContentsModels.JSON.createArrayNode();
        Kind kind = tree.kind(path);
        if (kind == Kind.NOTEBOOK) {
            named(path).forEach((id, version) -> list.add(ContentsModels.checkpoint(id, version.at())));
        } else if (kind == Kind.FILE) {
            store.find(path).ifPresent(copy -> list.add(ContentsModels.checkpoint(FILE_CHECKPOINT,
                    copy.attributes().lastModifiedTime().toInstant())));
        }
        return list;
    }

    public ObjectNode create(String path, String user) {
        switch (existing(path)) {
            case NOTEBOOK -> {
                Version version = notebooks.checkpoint(path, user);
                return ContentsModels.checkpoint(String.valueOf(version.version()), version.at());
            }
            case FILE -> {
                store.copyFrom(files, path);
                return ContentsModels.checkpoint(FILE_CHECKPOINT,
                        store.find(path).orElseThrow().attributes().lastModifiedTime().toInstant());
            }
            default -> throw HttpException.badRequest("checkpoints are kept for notebooks and files, not folders: "
                    + path + " is a folder");
        }
    }

    /** Makes {@code path} what it was at the checkpoint. */
    public void restore(String path, String id, String user) {
        if (existing(path) == Kind.NOTEBOOK) {
            notebooks.restore(path, notebookCheckpoint(path, id).version(), user);
        } else {
            requireFileCheckpoint(path, id);
            files.copyFrom(store, path);
        }
    }

    /**
     * Deletes a plain file's checkpoint.
     *
     * @throws HttpException 405 for a notebook's checkpoint (a named version stays in the history), 404 when
     *                       there is no such checkpoint
     */
    public void delete(String path, String id) {
        if (existing(path) == Kind.NOTEBOOK) {
            notebookCheckpoint(path, id);
            throw new HttpException(405, "checkpoint " + id + " of " + path + " is a named version of the notebook's"
                    + " history, which is never rewritten: it cannot be deleted (it costs nothing to keep)");
        }
        requireFileCheckpoint(path, id);
        store.delete(path);
    }

    /** A plain file or a folder was deleted: so are its checkpoints. */
    void forget(String path) {
        store.delete(path);
    }

    /** A plain file or a folder was renamed: its checkpoints follow it. */
    void rename(String from, String to) {
        if (store.find(from).isPresent()) {
            store.move(from, to);
        }
    }

    private Kind existing(String path) {
        Kind kind = tree.kind(path);
        if (kind == Kind.NONE || ApiPath.isHidden(path)) {
            throw HttpException.notFound("file or directory '" + path + "' does not exist");
        }
        return kind;
    }

    /** Named versions by id (the version number); a version named twice is one checkpoint. */
    private Map<String, Version> named(String path) {
        Map<String, Version> named = new LinkedHashMap<>();
        for (Version version : notebooks.checkpoints(path)) {
            named.putIfAbsent(String.valueOf(version.version()), version);
        }
        return named;
    }

    private Version notebookCheckpoint(String path, String id) {
        Version version = named(path).get(id);
        if (version == null) {
            throw HttpException.notFound("Checkpoint does not exist: " + path + "@" + id);
        }
        return version;
    }

    private void requireFileCheckpoint(String path, String id) {
        if (!FILE_CHECKPOINT.equals(id) || !store.isFile(path)) {
            throw HttpException.notFound("Checkpoint does not exist: " + path + "@" + id);
        }
    }
}
