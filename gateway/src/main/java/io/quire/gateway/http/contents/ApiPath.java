package io.quire.gateway.http.contents;

import io.quire.domain.notebook.NotebookPath;
import io.quire.gateway.http.HttpException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Paths of the contents API, as Jupyter writes them: '/'-separated, relative to the root of the tree, with leading
 * and trailing slashes ignored; the root is "". Every path is checked with the same rule as notebook paths
 * ({@link NotebookPath#check}), so that no request can name anything outside the tree: no '..' or '.' parts, no
 * absolute paths, backslashes or control characters (NUL included), whether sent plainly or percent-encoded.
 * Stateless.
 */
public final class ApiPath {

    public static final String ROOT = "";

    private ApiPath() {
    }

    /**
     * The path a request names after {@code prefix}, percent-decoded once and checked.
     *
     * @param requestPath the router's normalized request path, e.g. {@code /api/contents/a%20b/c.ipynb}
     * @throws HttpException 400 when it is malformed or reaches outside the tree
     */
    public static String fromRequest(String requestPath, String prefix) {
        if (!requestPath.startsWith(prefix)) {
            throw HttpException.notFound("no such endpoint: " + requestPath);
        }
        return fromEncoded(requestPath.substring(prefix.length()));
    }

    /**
     * A path as it appears in a URL, percent-decoded once and checked.
     *
     * @throws HttpException 400 when it is malformed or reaches outside the tree
     */
    public static String fromEncoded(String encoded) {
        return check(decode(encoded));
    }

    /**
     * A path as a client wrote it (in a JSON body), checked.
     *
     * @throws HttpException 400 when it reaches outside the tree or is not a path
     */
    public static String check(String path) {
        String trimmed = strip(path);
        if (trimmed.isEmpty()) {
            return ROOT;
        }
        try {
            return NotebookPath.check(trimmed);
        } catch (io.quire.domain.CommandRejectedException e) {
            throw HttpException.badRequest(e.getMessage());
        }
    }

    /**
     * A path a client wrote in a JSON body ({@code copy_from}, a rename's new {@code path}, a session's path): checked
     * as written, and refused too when percent-decoding it would reach outside the tree ({@code %2e%2e},
     * {@code %2f..}), so that nothing that decodes it again later can be tricked. A '%' that starts no escape (as in
     * "100%.txt") is an ordinary character.
     *
     * @throws HttpException 400 when it reaches outside the tree or is not a path
     */
    public static String fromBody(String path) {
        String checked = check(path);
        String decoded;
        try {
            decoded = decode(checked);
        } catch (HttpException notEncoded) {
            return checked;
        }
        if (!decoded.equals(checked)) {
            check(decoded);
        }
        return checked;
    }

    /** The folder that holds {@code path} ("" for the root's entries). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? ROOT : path.substring(0, slash);
    }

    /** The last part of {@code path}. */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** Whether {@code path} is {@code folder} itself or lies under it. */
    public static boolean isWithin(String path, String folder) {
        return folder.isEmpty() || path.equals(folder) || path.startsWith(folder + "/");
    }

    /** Whether a part of the path starts with '.': Jupyter hides those unless told otherwise, and so does Quire. */
    public static boolean isHidden(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The path in a URL: each part percent-encoded, the slashes kept (Jupyter's {@code url_escape}). */
    public static String escape(String path) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                escaped.append((char) c);
            } else {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return escaped.toString();
    }

    private static String strip(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /** Strict percent-decoding: a '%' not followed by two hex digits, or bytes that are not UTF-8, are refused. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw HttpException.badRequest("the path has a malformed percent-encoding near '"
                            + raw.substring(i, Math.min(raw.length(), i + 3)) + "'");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw HttpException.badRequest("the path is not UTF-8 once percent-decoded");
        }
    }
}
