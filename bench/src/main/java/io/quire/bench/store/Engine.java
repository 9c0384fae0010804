package io.quire.bench.store;

/** The event stores Quire supports, as the command line names them. */
public enum Engine {
    H2, POSTGRES;

    /** "h2" or "postgres". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
