package io.quire.domain.store;

import io.quire.domain.serialization.QuireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How an event database is opened, and the messages when it cannot be; none of these needs a server. */
class EventDatabaseOpeningTest {

    @Test
    void unsupportedUrlNamesTheAcceptedForms() {
        assertThatThrownBy(() -> EventDatabase.open("jdbc:mysql://db:3306/quire?user=q&password=secret"))
                .isInstanceOf(EventDatabaseException.class)
                .hasMessageStartingWith("unsupported event database URL"
                        + " 'jdbc:mysql://db:3306/quire?user=q&password=***'")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageContaining("jdbc:h2:file:")
                .message().doesNotContain("secret");
    }

    @Test
    void unreachablePostgresSaysSoWithoutThePassword() {
        // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
        assertThatThrownBy(() -> EventDatabase.open("jdbc:postgresql://127.0.0.1:1/quire?user=quire&password=secret"))
                .isInstanceOf(EventDatabaseException.class)
                .hasMessageStartingWith("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/quire?user=quire"
                        + "&password=***")
                .hasMessageContaining("check that the server is running")
                .hasCauseInstanceOf(RuntimeException.class)
                .message().doesNotContain("secret");
    }

    @Test
    void dataDirectoryThatCannotBeCreatedSaysWhich(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> EventDatabase.openDirectory(file.resolve("data")))
                .isInstanceOf(EventDatabaseException.class)
                .hasMessageStartingWith("cannot create the data directory " + file.resolve("data"));
    }

    @Test
    void inMemoryH2OpensForTestsOfOtherModules() {
        try (EventDatabase database = EventDatabase.open("jdbc:h2:mem:quire-" + UUID.randomUUID())) {
            database.storageEngine(QuireJson.serializer());

            assertThat(database.kind()).isEqualTo(DatabaseKind.H2);
        }
    }

    @Test
    void kindIsTakenFromTheUrl() {
        assertThat(DatabaseKind.of("jdbc:postgresql://localhost/quire")).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseKind.of("JDBC:H2:file:/var/lib/quire/events")).isEqualTo(DatabaseKind.H2);
    }

    @Test
    void h2UrlGetsQuireSettingsUnlessItNamesThem() {
        assertThat(H2Urls.withSettings("jdbc:h2:file:/d/events;RETENTION_TIME=45000"))
                .isEqualTo("jdbc:h2:file:/d/events;RETENTION_TIME=45000"
                        + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2Urls.forDirectory(Path.of("/var/lib/quire")))
                .isEqualTo("jdbc:h2:file:/var/lib/quire/events"
                        + ";WRITE_DELAY=0;RETENTION_TIME=5000;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void passwordsAreRedactedInBothUrlStyles() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=u&password=p4ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:h2:tcp://h/events;USER=sa;PASSWORD=p4ss;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:tcp://h/events;USER=sa;PASSWORD=***;WRITE_DELAY=0");
    }
}
