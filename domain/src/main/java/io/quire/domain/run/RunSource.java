package io.quire.domain.run;

/**
 * What a run executes, pinned exactly: a Quire notebook at one version, or a notebook file (local or in an object
 * store) identified by the SHA-256 of its bytes.
 *
 * @param notebookId the Quire notebook's id, or null for a file
 * @param location   where it was read from: the notebook's path, a file path, or an {@code s3://} URI
 * @param version    the Quire notebook's version (its event sequence number), or null for a file
 * @param sha256     the hex SHA-256 of the notebook as executed, before parameters were injected
 */
public record RunSource(String notebookId, String location, Long version, String sha256) {

    /** A Quire notebook at an exact version. */
    public static RunSource notebook(String notebookId, String path, long version, String sha256) {
        return new RunSource(notebookId, path, version, sha256);
    }

    /** A notebook file, pinned by the hash of its bytes. */
    public static RunSource file(String location, String sha256) {
        return new RunSource(null, location, null, sha256);
    }

    /** How a person reads it: {@code quire:PATH@VERSION} or the file's location. */
    public String describe() {
        return notebookId == null ? location : "quire:" + location + "@" + version;
    }
}
