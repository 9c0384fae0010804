package io.quire.domain.notebook;

import io.quire.domain.CommandRejectedException;

/**
 * Where a notebook lives in the contents tree: a relative path of '/'-separated names, never reaching outside the
 * tree. Checked here, in the domain, so that no entry point can store a path that escapes a workspace.
 */
public final class NotebookPath {

    private static final int MAX_LENGTH = 1024;

    private NotebookPath() {
    }

    /**
     * Returns the path unchanged when it is acceptable.
     *
     * @throws CommandRejectedException (INVALID) saying what is wrong with it
     */
    public static String check(String path) {
        if (path == null || path.isBlank()) {
            throw CommandRejectedException.invalid("a notebook path is required, e.g. 'reports/daily.ipynb'");
        }
        if (path.length() > MAX_LENGTH) {
            throw CommandRejectedException.invalid("the path is longer than " + MAX_LENGTH + " characters");
        }
        if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
            throw CommandRejectedException.invalid("'" + path + "' is not a relative path: write it as 'folder/name.ipynb'");
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                throw CommandRejectedException.invalid("the path '" + path.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw CommandRejectedException.invalid("'" + path + "' has an empty, '.' or '..' part: name each folder");
            }
        }
        return path;
    }
}
