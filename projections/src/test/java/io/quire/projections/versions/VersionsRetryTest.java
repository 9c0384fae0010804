package io.quire.projections.versions;

import io.quire.domain.notebook.event.VersionNamed;
import io.quire.projections.jdbc.ProjectionStorageException;
import io.quire.projections.jdbc.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch retried after an event was handed over twice records each version and name once. */
class VersionsRetryTest {

    private final Versions versions = new Versions(new Sql(
            () -> DriverManager.getConnection("jdbc:h2:mem:versions-retry;DB_CLOSE_DELAY=-1")));

    @BeforeEach
    void emptyTables() {
        versions.dropTables();
        versions.createTables();
    }

    @Test
    void aRetryLeavesOutTheVersionsAndNamesAlreadyRecorded() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        versions.insert(List.of(row(0, at), row(1, at)));
        versions.insertNames(List.of(new VersionNamed("nb", "draft", 1, "ann")));

        List<Versions.Row> again = List.of(row(1, at), row(2, at));
        assertThatThrownBy(() -> versions.insert(again, false)).isInstanceOf(ProjectionStorageException.class);
        versions.insert(again, true);
        versions.insertNames(List.of(new VersionNamed("nb", "draft", 1, "ann"),
                new VersionNamed("nb", "final", 2, "ann")), true);

        assertThat(versions.of("nb")).extracting(Version::version).containsExactly(0L, 1L, 2L);
        assertThat(versions.named("nb")).extracting(Version::name).containsExactly("draft", "final");
    }

    private static Versions.Row row(long version, Instant at) {
        return new Versions.Row("nb", version, at.plusSeconds(version), "ann", "edit " + version, true);
    }
}
