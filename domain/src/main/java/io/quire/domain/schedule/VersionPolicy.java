package io.quire.domain.schedule;

/**
 * Which version of the notebook a scheduled run executes.
 *
 * @param kind    how the version is chosen
 * @param version the pinned version (the notebook's event sequence number, as in {@code VersionNamed}); only for
 *                {@link Kind#PINNED}, null otherwise
 */
public record VersionPolicy(Kind kind, Long version) {

    /** How the version of a run is chosen. */
    public enum Kind {
        /** Always the same version {@code version}. */
        PINNED,
        /** The most recent version given a name, when the run starts. */
        LATEST_NAMED,
        /** The notebook as it is when the run starts. */
        LATEST
    }

    /** Always version {@code version}. */
    public static VersionPolicy pinned(long version) {
        return new VersionPolicy(Kind.PINNED, version);
    }

    /** The latest named version when the run starts. */
    public static VersionPolicy latestNamed() {
        return new VersionPolicy(Kind.LATEST_NAMED, null);
    }

    /** The notebook as it is when the run starts. */
    public static VersionPolicy latest() {
        return new VersionPolicy(Kind.LATEST, null);
    }
}
