package io.quire.gateway.http.contents;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/**
 * A file's mimetype guessed from its name, as Python's {@code mimetypes.guess_type} does for Jupyter: the common
 * extensions from Python's own table, then the JDK's table; null when neither knows the extension.
 */
final class MimeTypes {

    private static final Map<String, String> PYTHON = Map.ofEntries(
            Map.entry("txt", "text/plain"), Map.entry("py", "text/x-python"), Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"), Map.entry("tsv", "text/tab-separated-values"),
            Map.entry("json", "application/json"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"), Map.entry("js", "text/javascript"), Map.entry("xml", "text/xml"),
            Map.entry("yaml", "application/yaml"), Map.entry("yml", "application/yaml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("tar", "application/x-tar"), Map.entry("sh", "application/x-sh"));

    private MimeTypes() {
    }

    static String guess(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return null;
        }
        String known = PYTHON.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        return known != null ? known : URLConnection.getFileNameMap().getContentTypeFor(name);
    }
}
