package io.quire.gateway.http.contents;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Names Jupyter gives new entries so that they never overwrite one: {@code Untitled.ipynb}, {@code Untitled1.ipynb},
 * {@code untitled.txt}, {@code Untitled Folder 1}, {@code report-Copy1.ipynb} (Jupyter Server's
 * {@code increment_filename} and {@code copy_pat}). Stateless.
 */
final class FreeNames {

    /** A copy's name without its "-CopyN" part, so that copying a copy does not give "-Copy1-Copy1". */
    private static final Pattern COPY = Pattern.compile("-Copy\\d*\\.");

    private FreeNames() {
    }

    /**
     * The first of {@code name}, then the name with {@code insert + 1}, {@code insert + 2} ... before its extension
     * (the last one for .ipynb, all of them otherwise: {@code data.tar.gz} gives {@code data1.tar.gz}) that is free.
     *
     * @param taken whether a path is taken
     */
    static String increment(String name, String folder, String insert, Predicate<String> taken) {
        String base;
        String suffix;
        int dot = name.endsWith(".ipynb") ? name.lastIndexOf('.') : name.indexOf('.');
        if (dot < 0) {
            base = name;
            suffix = "";
        } else {
            base = name.substring(0, dot);
            suffix = name.substring(dot);
        }
        for (int i = 0; ; i++) {
            String candidate = base + (i == 0 ? "" : insert + i) + suffix;
            if (!taken.test(ApiPath.join(folder, candidate))) {
                return candidate;
            }
        }
    }

    /** The name of a copy of {@code name} in {@code folder}: {@code name-Copy1.ext}, {@code name-Copy2.ext} ... */
    static String copyOf(String name, String folder, Predicate<String> taken) {
        return increment(COPY.matcher(name).replaceAll("."), folder, "-Copy", taken);
    }
}
