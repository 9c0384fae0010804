package io.quire.domain.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JDBC URL of Quire's embedded H2 event database, with the settings that make H2 fit for it. */
final class H2Urls {

    /** The base name of the database in a data directory; H2 adds {@code .mv.db}. */
    static final String FILE_NAME = "events";

    /*
     * Each setting is added to a URL that does not name it already, so an operator can still override one.
     *
     * WRITE_DELAY=0: H2 otherwise writes commits out up to 500 ms later and a kill -9 lost acknowledged commits in
     * every trial (FACTS.md); with 0 none were lost. It is stored in the file, so it must stay in the URL.
     *
     * RETENTION_TIME: H2 keeps the pages a commit replaced for this long before reusing their space, so that after
     * a power cut (H2 never calls fsync) the last state the disk did get is still complete. The file therefore
     * holds every page written in the last RETENTION_TIME. Measured here with the Axon engine, one event per
     * commit, 60 s of sustained writes (~3,000 commits/s), 5.6 MB of live data:
     *     RETENTION_TIME=45000 (default) ..... file 1,151 MB, still growing
     *     RETENTION_TIME=5000 ................ file   223 MB, flat after ~6 s
     *     RETENTION_TIME=1000 ................ file    50 MB, flat after ~2 s
     *     RETENTION_TIME=0 ................... file    15 MB
     * 5 s bounds the file to a few hundred MB at full write rate and covers Linux's default write-back interval
     * (dirty_writeback_centisecs = 5 s) for most pages; a lower value saves disk but widens the window in which a
     * power cut (not a process crash: the OS keeps written pages) can leave the file inconsistent.
     * The space is given back when the database closes (H2 compacts for up to MAX_COMPACT_TIME on close).
     *
     * DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database while Axon's processors may still
     * be stopping; EventDatabase.close() decides when it closes.
     */
    private static final Map<String, String> SETTINGS = settings();

    private H2Urls() {
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("WRITE_DELAY", "0");
        settings.put("RETENTION_TIME", "5000");
        settings.put("DB_CLOSE_ON_EXIT", "FALSE");
        return settings;
    }

    /**
     * The URL of the embedded database in {@code directory}.
     *
     * @throws EventDatabaseException when the path holds a ';', which H2 would read as the start of a setting
     */
    static String forDirectory(Path directory) {
        String path = directory.toAbsolutePath().normalize().resolve(FILE_NAME).toString();
        if (path.contains(";")) {
            throw new EventDatabaseException("the data directory " + directory + " contains ';', which H2 cannot"
                    + " take in a file name; use a directory whose path has no ';'");
        }
        return withSettings("jdbc:h2:file:" + path);
    }

    /** The URL with each of Quire's H2 settings appended unless the URL already names it. */
    static String withSettings(String h2Url) {
        StringBuilder url = new StringBuilder(h2Url);
        String upper = h2Url.toUpperCase(Locale.ROOT);
        SETTINGS.forEach((name, value) -> {
            if (!upper.contains(";" + name + "=")) {
                url.append(';').append(name).append('=').append(value);
            }
        });
        return url.toString();
    }
}
