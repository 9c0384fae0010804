package io.quire.gateway.http.contents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.notebook.NotebookContent;
import io.quire.gateway.Quire;
import io.quire.gateway.http.HttpException;
import io.quire.projections.contents.ContentsEntry;
import io.quire.projections.notebook.LiveNotebook;
import io.quire.projections.versions.Versions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The contents tree as clients read it: the notebooks (from the contents and live projections) and the plain files
 * and folders on disk, merged. A folder exists when it is on disk or when a notebook path passes through it.
 * Blocking (JDBC and disk).
 */
final class ContentsTree {

    /** Jupyter's default {@code hide_globs}: never listed. */
    private static final Pattern HIDDEN_NAMES = Pattern.compile("__pycache__|.*\\.pyc|.*\\.pyo|\\.DS_Store|.*\\.so"
            + "|.*\\.dylib|.*~");

    /** What a path names. */
    enum Kind { NOTEBOOK, FILE, DIRECTORY, NONE }

    /** What a GET asks for: Jupyter's {@code type}, {@code format}, {@code content} and {@code hash} parameters. */
    record Request(String type, String format, boolean content, boolean hash) {
        static final Request MODEL_ONLY = new Request(null, null, false, false);
    }

    private final Quire quire;
    private final LocalFiles files;
    private final NotebookReader reader = new NotebookReader();

    ContentsTree(Quire quire, LocalFiles files) {
        this.quire = quire;
        this.files = files;
    }

    Kind kind(String path) {
        if (path.isEmpty()) {
            return Kind.DIRECTORY;
        }
        if (notebookId(path).isPresent()) {
            return Kind.NOTEBOOK;
        }
        Optional<LocalFiles.Entry> entry = files.find(path);
        if (entry.isPresent()) {
            return entry.get().directory() ? Kind.DIRECTORY : Kind.FILE;
        }
        return notebooksUnder(path).isEmpty() ? Kind.NONE : Kind.DIRECTORY;
    }

    boolean exists(String path) {
        return kind(path) != Kind.NONE;
    }

    boolean isDirectory(String path) {
        return kind(path) == Kind.DIRECTORY;
    }

    Optional<String> notebookId(String path) {
        return quire.projections().contents().notebookAt(path);
    }

    /** The notebooks strictly under {@code folder}, at any depth. */
    List<ContentsEntry> notebooksUnder(String folder) {
        return quire.projections().contents().list().stream()
                .filter(entry -> !entry.path().equals(folder) && ApiPath.isWithin(entry.path(), folder))
                .toList();
    }

    /** The model of whatever is at {@code path}, without content. */
    ObjectNode model(String path) {
        return model(path, Request.MODEL_ONLY);
    }

    /**
     * The model of whatever is at {@code path}, as Jupyter's {@code ContentsManager.get} gives it.
     *
     * @throws HttpException 404 when nothing is there, 400 when it is not of the type asked for
     */
    ObjectNode model(String path, Request request) {
        Kind kind = kind(path);
        if (kind == Kind.NONE || ApiPath.isHidden(path)) {
            throw HttpException.notFound("file or directory '" + path + "' does not exist");
        }
        if (kind == Kind.DIRECTORY) {
            if (request.type() != null && !request.type().equals("directory")) {
                throw HttpException.badRequest(path + " is a directory, not a " + request.type());
            }
            return directory(path, request.content());
        }
        if ("directory".equals(request.type())) {
            throw HttpException.badRequest(path + " is not a directory");
        }
        return kind == Kind.NOTEBOOK ? notebook(path, request) : file(path, request);
    }

    private ObjectNode notebook(String path, Request request) {
        LiveNotebook notebook = notebookId(path).flatMap(id -> quire.projections().liveNotebooks().find(id))
                .orElseThrow(() -> HttpException.notFound("file or directory '" + path + "' does not exist"));
        Versions.Span span = span(notebook.notebookId());
        if ("file".equals(request.type())) {
            return ContentsModels.file(path, span.created(), span.modified(), notebook.content().length,
                    notebook.content(), request.content(), request.format(), request.hash());
        }
        // The hash, like the date, moves with edits only (see Versions.Span): it names the notebook's latest edit.
        byte[] hashed = (notebook.notebookId() + "@" + span.editVersion()).getBytes(StandardCharsets.UTF_8);
        return ContentsModels.notebook(path, span.created(), span.modified(), notebook.content(), hashed,
                request.content() ? NotebookJson.of(reader.read(notebook.content(), path)) : null, request.hash());
    }

    private ObjectNode file(String path, Request request) {
        LocalFiles.Entry entry = files.find(path)
                .orElseThrow(() -> HttpException.notFound("file or directory '" + path + "' does not exist"));
        Instant created = entry.attributes().creationTime().toInstant();
        Instant modified = entry.attributes().lastModifiedTime().toInstant();
        boolean needBytes = request.content() || request.hash();
        byte[] bytes = needBytes ? files.read(path) : null;
        if ("notebook".equals(request.type())) {
            // A plain file read as a notebook, as Jupyter does for type=notebook: it must be one.
            byte[] raw = bytes == null ? files.read(path) : bytes;
            NotebookContent notebook = reader.read(raw, path);
            return ContentsModels.notebook(path, created, modified, raw, raw,
                    request.content() ? NotebookJson.of(notebook) : null, request.hash());
        }
        return ContentsModels.file(path, created, modified, entry.size(), bytes, request.content(), request.format(),
                request.hash());
    }

    private ObjectNode directory(String path, boolean withContent) {
        Instant[] times = directoryTimes(path);
        if (!withContent) {
            return ContentsModels.directory(path, times[0], times[1], null);
        }
        Map<String, ObjectNode> children = new TreeMap<>();
        for (LocalFiles.Entry entry : files.list(path)) {
            if (listed(entry.path())) {
                children.put(entry.path(), entry.directory() ? directory(entry.path(), false) : file(entry.path(),
                        Request.MODEL_ONLY));
            }
        }
        for (ContentsEntry entry : notebooksUnder(path)) {
            String rest = path.isEmpty() ? entry.path() : entry.path().substring(path.length() + 1);
            int slash = rest.indexOf('/');
            String child = ApiPath.join(path, slash < 0 ? rest : rest.substring(0, slash));
            if (listed(child) && (slash < 0 || !children.containsKey(child))) {
                children.put(child, slash < 0 ? notebook(child, Request.MODEL_ONLY) : directory(child, false));
            }
        }
        ArrayNode content = ContentsModels.JSON.createArrayNode();
        children.values().forEach(content::add);
        return ContentsModels.directory(path, times[0], times[1], content);
    }

    private static boolean listed(String path) {
        String name = ApiPath.name(path);
        return !name.startsWith(".") && !HIDDEN_NAMES.matcher(name).matches();
    }

    /** A folder's times: the disk's when it is on disk, else those of the notebooks under it. */
    private Instant[] directoryTimes(String path) {
        Optional<LocalFiles.Entry> entry = files.find(path);
        if (entry.isPresent()) {
            return new Instant[]{entry.get().attributes().creationTime().toInstant(),
                    entry.get().attributes().lastModifiedTime().toInstant()};
        }
        Instant created = null;
        Instant modified = null;
        for (ContentsEntry notebook : notebooksUnder(path)) {
            Versions.Span span = span(notebook.notebookId());
            created = created == null || span.created().isBefore(created) ? span.created() : created;
            modified = modified == null || span.modified().isAfter(modified) ? span.modified() : modified;
        }
        Instant now = Instant.now();
        return new Instant[]{created == null ? now : created, modified == null ? now : modified};
    }

    private Versions.Span span(String notebookId) {
        Instant now = Instant.now();
        return quire.projections().versions().span(notebookId).orElse(new Versions.Span(now, now, -1));
    }
}
