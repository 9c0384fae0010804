package io.quire.domain.nbformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.domain.notebook.Cell;
import io.quire.domain.notebook.NotebookContent;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Jupyter notebooks (.ipynb, nbformat 4.0 and later 4.x) into {@link NotebookContent}, as nbformat's
 * {@code nbformat.read(f, as_version=4)} does, and refuses what its schema would not accept.
 *
 * <ul>
 *   <li>Multi-line text is joined (nbformat's {@code rejoin_lines}): cell sources, stream text, and the
 *       non-JSON values of output data and attachments.</li>
 *   <li>Transient keys are dropped (nbformat's {@code strip_transient}): {@code orig_nbformat},
 *       {@code orig_nbformat_minor} and {@code signature} in the notebook metadata, {@code trusted} in cells'.</li>
 *   <li>Cells of 4.0-4.4 files get stable ids ({@link CellIds}); a 4.5 file must carry valid, unique ids.</li>
 * </ul>
 * Whatever it accepts, {@link NotebookWriter} writes as a valid nbformat 4.5 notebook.
 *
 * <p>Stateless: one instance can be shared by any number of threads.
 */
public final class NotebookReader {

    private static final Set<String> NOTEBOOK_KEYS = Set.of("metadata", "nbformat", "nbformat_minor", "cells");

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    // Python's json, which nbformat uses, has no limit on string length; base64 images are long.
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    // Python's json reads NaN and Infinity (pandas puts them in application/json outputs).
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .build())
            // Like Python's json: "{} x" is not a document.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Reads an .ipynb file's bytes.
     *
     * @param ipynb      the file's content, UTF-8 (a leading byte order mark is allowed)
     * @param sourceName the name to give in error messages (a file name), or null for none
     * @throws InvalidNotebookException when the bytes are not UTF-8, not JSON, or not an nbformat 4 notebook;
     *                                  the message says what is wrong and where
     */
    public NotebookContent read(byte[] ipynb, String sourceName) {
        Location root = Location.root(sourceName);
        return read(parse(decode(ipynb, root), root), sourceName);
    }

    /**
     * Reads a notebook already parsed as JSON, e.g. the {@code content} of a Jupyter contents API request. Lists
     * of lines and joined strings are both accepted, as in a file. The tree is not modified.
     *
     * @param sourceName the name to give in error messages, or null for none
     * @throws InvalidNotebookException when the tree is not an nbformat 4 notebook
     */
    public NotebookContent read(JsonNode notebook, String sourceName) {
        Location root = Location.root(sourceName);
        if (!notebook.isObject()) {
            throw root.fail("not a notebook: expected a JSON object, found " + JsonChecks.describe(notebook));
        }
        ObjectNode document = (ObjectNode) notebook;
        NotebookVersion version = NotebookVersion.of(document, root);
        JsonNode metadataNode = document.get("metadata");
        if (metadataNode == null) {
            throw root.fail("not a notebook: no 'metadata' object");
        }
        JsonNode cellsNode = document.get("cells");
        if (cellsNode == null || !cellsNode.isArray()) {
            throw root.fail("not a notebook: no 'cells' array");
        }
        if (!version.isLaterThanSupported()) {
            JsonChecks.onlyKeys(document, NOTEBOOK_KEYS, root);
        }
        ObjectNode metadata = JsonChecks.object(metadataNode, root.key("metadata")).deepCopy();
        // nbformat's strip_transient: these describe a conversion or a signature, not the notebook.
        metadata.remove(List.of("orig_nbformat", "orig_nbformat_minor", "signature"));
        MetadataChecks.notebook(metadata, root.key("metadata"));

        Location cellsAt = root.key("cells");
        List<Cell> cells = new ArrayList<>(cellsNode.size());
        List<JsonNode> declaredIds = new ArrayList<>(cellsNode.size());
        for (int i = 0; i < cellsNode.size(); i++) {
            cells.add(CellReader.read(cellsNode.get(i), cellsAt.index(i), version));
            declaredIds.add(cellsNode.get(i).get("id"));
        }
        List<String> ids = CellIds.resolve(declaredIds, cells, version, cellsAt);
        List<Cell> identified = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            identified.add(new Cell(ids.get(i), cell.type(), cell.source(), cell.metadata(), cell.outputs(),
                    cell.executionCount(), cell.attachments()));
        }
        return new NotebookContent(metadata, identified);
    }

    /** Strict UTF-8, as nbformat opens files: a malformed byte is refused, never replaced. */
    private static String decode(byte[] bytes, Location root) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw root.fail("not UTF-8: invalid byte sequence at byte offset " + in.position());
        }
        String text = out.flip().toString();
        // Editors on Windows add a byte order mark; it carries no content, so it is skipped rather than refused.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static JsonNode parse(String text, Location root) {
        if (text.isBlank()) {
            throw root.fail("not JSON: the document is empty");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? ""
                    : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            InvalidNotebookException invalid = root.fail("not JSON: " + e.getOriginalMessage() + position);
            invalid.initCause(e);
            throw invalid;
        }
    }
}
