package io.quire.runtime.output;

/**
 * The rules for keys of an {@link OutputStore}: a relative path of non-empty segments separated by {@code /},
 * which can never point outside the store, whatever the store maps it to (a directory, a bucket prefix).
 */
public final class OutputKey {

    /** What a checkpoint's name adds to its key; final keys may not end with it, so the two never collide. */
    public static final String CHECKPOINT_SUFFIX = ".partial";

    private OutputKey() {
    }

    /**
     * Returns {@code key} if it is a valid key.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String check(String key) {
        if (key == null || key.isEmpty()) {
            throw invalid(key, "it is empty");
        }
        if (key.startsWith("/")) {
            throw invalid(key, "it is absolute (starts with '/')");
        }
        if (key.indexOf('\\') >= 0) {
            throw invalid(key, "it contains a backslash; separate segments with '/'");
        }
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid(key, "it contains a control character");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                throw invalid(key, "it has an empty segment ('//' or a trailing '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid(key, "it has a '" + segment + "' segment, which could leave the store");
            }
        }
        if (key.endsWith(CHECKPOINT_SUFFIX)) {
            throw invalid(key, "it ends with '" + CHECKPOINT_SUFFIX + "', which is reserved for checkpoints");
        }
        return key;
    }

    private static IllegalArgumentException invalid(String key, String why) {
        return new IllegalArgumentException("invalid output key '" + key + "': " + why
                + ". Use a relative path such as runs/2026/11/26/RUN.ipynb");
    }
}
