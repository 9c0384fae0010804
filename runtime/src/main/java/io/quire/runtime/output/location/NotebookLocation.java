package io.quire.runtime.output.location;

import io.quire.runtime.output.OutputKey;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a user says a notebook is, as given on the command line ({@code quire run INPUT OUTPUT}): a local file, an
 * S3 object ({@code s3://bucket/key}), or one of Quire's own notebooks ({@code quire:PATH[@VERSION]}), which this
 * type recognises but does not resolve.
 */
public sealed interface NotebookLocation {

    /** A file on this machine, its path absolute and normalised. */
    record LocalFile(Path path) implements NotebookLocation {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** An object in S3: {@code key} is a valid {@link OutputKey} (relative, no empty or dot segments). */
    record S3File(String bucket, String key) implements NotebookLocation {
        @Override
        public String toString() {
            return "s3://" + bucket + "/" + key;
        }
    }

    /** One of Quire's own notebooks, by path, at a version if given; resolved by whoever handles these. */
    record QuireNotebook(String path, Optional<String> version) implements NotebookLocation {
        @Override
        public String toString() {
            return "quire:" + path + version.map(v -> "@" + v).orElse("");
        }
    }

    /** What makes a location look like a URL of another kind (http://, gs://...), which we refuse. */
    Pattern OTHER_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+://");

    /**
     * Reads a location as a user wrote it.
     *
     * @param text             a local path, {@code s3://bucket/key} or {@code quire:PATH[@VERSION]}
     * @param workingDirectory what relative local paths are relative to
     * @throws IllegalArgumentException saying what is wrong and which forms are accepted
     */
    static NotebookLocation parse(String text, Path workingDirectory) {
        if (text == null || text.isBlank()) {
            throw LocationForms.invalid(text, "it is empty");
        }
        if (text.startsWith("quire:")) {
            return LocationForms.quire(text);
        }
        if (text.toLowerCase(Locale.ROOT).startsWith("s3://")) {
            return LocationForms.s3(text);
        }
        if (OTHER_SCHEME.matcher(text).find()) {
            throw LocationForms.invalid(text, "only local paths, s3:// and quire: locations are supported");
        }
        if (text.endsWith("/") || text.endsWith(java.io.File.separator)) {
            throw LocationForms.invalid(text, "it names a directory; give the notebook's file name");
        }
        try {
            return new LocalFile(workingDirectory.resolve(text).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw LocationForms.invalid(text, "it is not a valid path here (" + e.getReason() + ")");
        }
    }
}
