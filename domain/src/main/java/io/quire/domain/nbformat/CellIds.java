package io.quire.domain.nbformat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.domain.notebook.Cell;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * nbformat 4.5 cell ids: what makes one valid, and the ids Quire gives cells of older files.
 *
 * <p>nbformat gives such cells random ids; Quire derives them from each cell's position and content instead, so
 * that importing the same file twice gives the same ids (and the same events).
 */
public final class CellIds {

    /** The schema's {@code cell_id}: 1 to 64 characters from this set. */
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private CellIds() {
    }

    /** Whether {@code id} is a valid nbformat 4.5 cell id: 1-64 characters, each a-z, A-Z, 0-9, '-' or '_'. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /**
     * The ids of a notebook's cells, in order.
     *
     * @param declared the {@code id} each cell has in the file, or null where it has none
     * @param cells    the cells as read (their own ids are ignored)
     * @throws InvalidNotebookException in a 4.5 file, naming the first cell whose id breaks the schema's pattern
     */
    static List<String> resolve(List<JsonNode> declared, List<Cell> cells, NotebookVersion version, Location at) {
        if (version.requiresCellIds()) {
            refuseInvalid(declared, at);
        }
        return keepOrDerive(declared, cells);
    }

    /**
     * A 4.5 cell id that breaks the schema's pattern is refused, as nbformat refuses it. A missing or repeated one is
     * repaired, as nbformat 5 repairs it when it reads the file (with a warning): Jupyter opens such files, so
     * Quire imports and saves them too.
     */
    private static void refuseInvalid(List<JsonNode> declared, Location at) {
        for (int i = 0; i < declared.size(); i++) {
            JsonNode id = declared.get(i);
            if (id != null && (!id.isTextual() || !isValid(id.textValue()))) {
                throw at.index(i).key("id").fail("invalid cell id " + (id.isTextual() ? "'" + id.textValue() + "'"
                        : JsonChecks.describe(id)) + ": expected 1-64 characters, each a-z, A-Z, 0-9, '-' or '_'");
            }
        }
    }

    /**
     * A valid id is kept unless an earlier cell has it; every other cell gets an id derived from its position and
     * content. Before 4.5 ids were not part of the format, but some tools wrote them anyway.
     */
    private static List<String> keepOrDerive(List<JsonNode> declared, List<Cell> cells) {
        String[] ids = new String[cells.size()];
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            JsonNode id = declared.get(i);
            if (id != null && id.isTextual() && isValid(id.textValue()) && taken.add(id.textValue())) {
                ids[i] = id.textValue();
            }
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                ids[i] = derive(i, cells.get(i), taken);
            }
        }
        return List.of(ids);
    }

    /**
     * The first 8 hex digits of SHA-256 over the cell's index, type and source (nbformat's random ids have the
     * same shape). The index makes identical cells differ; on the rare collision an attempt counter is hashed in.
     */
    private static String derive(int index, Cell cell, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String seed = index + "\u0000" + cell.type().nbformatName() + "\u0000" + cell.source()
                    + (attempt == 0 ? "" : "\u0000" + attempt);
            String id = HexFormat.of().formatHex(sha256(seed), 0, 4);
            if (taken.add(id)) {
                return id;
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
