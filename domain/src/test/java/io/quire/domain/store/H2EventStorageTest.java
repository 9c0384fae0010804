package io.quire.domain.store;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event storage contract on the embedded H2 file database, plus what only a file database has. */
class H2EventStorageTest extends EventStorageContract {

    private Path directory;

    @Override
    protected EventDatabase openDatabase() throws IOException {
        directory = Files.createTempDirectory("quire-h2-contract-");
        return EventDatabase.openDirectory(directory);
    }

    @Override
    protected EventDatabase openAgain() {
        return EventDatabase.openDirectory(directory);
    }

    @Override
    protected void removeDatabase() throws IOException {
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * H2 reports no row-lock waits (BLOCKER_ID is for table locks), but an insert into the event table that is
     * still executing while another transaction holds the same key can only be waiting for that transaction.
     */
    @Override
    protected boolean someTransactionWaitsForALock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                     + " WHERE SESSION_ID <> SESSION_ID()"
                     + " AND UPPER(EXECUTING_STATEMENT) LIKE 'INSERT INTO DOMAINEVENTENTRY%'")) {
            result.next();
            return result.getInt(1) > 0;
        }
    }

    @Test
    void isH2KeptInTheDataDirectory() {
        assertThat(database.kind()).isEqualTo(DatabaseKind.H2);
        assertThat(directory.resolve("events.mv.db")).exists();
    }

    @Test
    void reopenedDatabaseKeepsEventsSnapshotsAndTokens(@TempDir Path data) {
        String notebook = newAggregateId();
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(7);
        try (EventDatabase first = EventDatabase.openDirectory(data)) {
            EventStorageEngine storage = first.storageEngine(serializer);
            TokenStore tokens = first.tokenStore(serializer);
            first.transactionManager().executeInTransaction(() -> {
                storage.appendEvents(event(notebook, 0), event(notebook, 1), event(notebook, 2));
                storage.storeSnapshot(new GenericDomainEventMessage<>("Notebook", notebook, 2,
                                                                      new NotebookState(notebook, 3)));
                tokens.initializeTokenSegments("live-notebook", 1);
                tokens.fetchToken("live-notebook", 0);
                tokens.storeToken(token, "live-notebook", 0);
                tokens.releaseClaim("live-notebook", 0);
            });
        }

        try (EventDatabase reopened = EventDatabase.openDirectory(data)) {
            EventStorageEngine storage = reopened.storageEngine(serializer);
            TokenStore tokens = reopened.tokenStore(serializer);

            assertThat(storage.readEvents(notebook).asStream().<Object>map(e -> e.getPayload()))
                    .containsExactly(edit(notebook, 0), edit(notebook, 1), edit(notebook, 2));
            assertThat(storage.readSnapshot(notebook).orElseThrow().getPayload())
                    .isEqualTo(new NotebookState(notebook, 3));
            assertThat(reopened.transactionManager().fetchInTransaction(() -> tokens.fetchToken("live-notebook", 0)))
                    .isEqualTo(token);
        }
    }

    @Test
    void missingDataDirectoryIsCreated(@TempDir Path data) {
        Path nested = data.resolve("a").resolve("b");

        try (EventDatabase created = EventDatabase.openDirectory(nested)) {
            created.storageEngine(serializer);
        }

        assertThat(nested.resolve("events.mv.db")).exists();
    }

    @Test
    void secondProcessOnTheSameDataDirectoryGetsAClearError(@TempDir Path data) throws Exception {
        Process holder = startProcessHolding(data);
        try {
            assertThatThrownBy(() -> EventDatabase.openDirectory(data))
                    .isInstanceOf(EventDatabaseException.class)
                    .hasMessage("another Quire process is using " + data + "; stop it or use another --data")
                    .cause().hasCauseInstanceOf(SQLException.class);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }

        assertThat(holder.exitValue()).isZero();
        try (EventDatabase afterwards = EventDatabase.openDirectory(data)) {
            assertThat(afterwards.kind()).isEqualTo(DatabaseKind.H2);
        }
    }

    /** Starts {@link HoldEventDatabase} in another JVM and waits until it has the database open. */
    private static Process startProcessHolding(Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                             HoldEventDatabase.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                                                                         StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line).as("the holding process reports it opened the database").isEqualTo(HoldEventDatabase.READY);
        return process;
    }
}
