package io.quire.runtime.output.location;

import io.quire.runtime.output.OutputKey;

import java.util.Optional;

/** Parses the {@code s3://} and {@code quire:} forms of a {@link NotebookLocation}. */
final class LocationForms {

    private static final String FORMS = "give a local path, s3://BUCKET/KEY or quire:PATH[@VERSION]";

    private LocationForms() {
    }

    static NotebookLocation.S3File s3(String text) {
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw invalid(text, "it has no bucket (s3://BUCKET/KEY)");
        }
        if (key.isEmpty()) {
            throw invalid(text, "it names the bucket '" + bucket + "' but no object; add the notebook's key,"
                    + " e.g. s3://" + bucket + "/notebook.ipynb");
        }
        if (key.endsWith("/")) {
            throw invalid(text, "it names a folder, not a notebook; end it with the notebook's name");
        }
        try {
            OutputKey.check(key);
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
        return new NotebookLocation.S3File(bucket, key);
    }

    static NotebookLocation.QuireNotebook quire(String text) {
        String rest = text.substring("quire:".length());
        int at = rest.lastIndexOf('@');
        String path = at < 0 ? rest : rest.substring(0, at);
        if (path.isEmpty()) {
            throw invalid(text, "it has no notebook path (quire:PATH[@VERSION])");
        }
        if (at >= 0 && at == rest.length() - 1) {
            throw invalid(text, "it ends with '@' but no version; add the version or drop the '@'");
        }
        return new NotebookLocation.QuireNotebook(path, at < 0 ? Optional.empty()
                : Optional.of(rest.substring(at + 1)));
    }

    static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid notebook location '" + text + "': " + why + "; " + FORMS);
    }
}
