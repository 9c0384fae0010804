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
     * RETENTION_TIME=5000: H2 reuses the space of a dead chunk only after this long, so that a power cut cannot
     * leave the file pointing at overwritten pages. The file therefore holds everything written in the last
     * RETENTION_TIME on top of the live data, and H2Housekeeping can only compact chunks older than that. The
     * default, 45 s, is sized for disks left to flush in their own time; H2Housekeeping forces the file to disk every
     * second, so 5 s keeps the same guarantee. Measured here (Axon engine, 4 writers, one event per commit, 60 s,
     * on a 2-core machine shared with other builds):
     *     no compaction, RETENTION_TIME=0 .............. 724 MB after 88,000 commits, +8 KB per commit, no end
     *     no compaction, RETENTION_TIME=45000 ........ 1,963 MB after 106,000 commits, no end
     *     compaction, RETENTION_TIME=45000, 200/s ...... 255 MB after 60 s, still growing (nothing compactable yet)
     *     compaction, RETENTION_TIME=5000, 200/s ....... flat at 41-44 MB from 40 s on; 4.7 MB after closing
     *     compaction, RETENTION_TIME=5000, ~1,500/s .... 290-450 MB after 60 s: slowed, not stopped, at full rate
     *
     * LOCK_TIMEOUT=10000: a transaction that meets a row another one has written but not yet committed (two
     * commands on one notebook) waits for it, as PostgreSQL does, and then fails with a ConcurrencyException. H2
     * gives up after 2 s by default, which a busy moment can reach, and then reports a lock timeout instead.
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
        settings.put("LOCK_TIMEOUT", "10000");
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
