package io.quire.gateway;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Waits until the read models have applied every event stored so far, so that a read after a write (or after a
 * restart) sees it. A read model counts as caught up when this node's processor (or, when another node of a
 * cluster holds its token, the shared token) has applied every event up to the head: position and gaps both,
 * since commits that overlap can make an event below the head visible after the head itself. Polls: Axon offers
 * no completion signal for "caught up".
 */
final class ReadModelCatchUp {

    /** How long to wait for events below the head that a read model has not seen (see {@link #await}). */
    private static final Duration GAP_GRACE = Duration.ofSeconds(2);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processors;
    private final DataSource dataSource;
    private final Serializer serializer;
    private final List<String> groups;

    ReadModelCatchUp(EventStore eventStore, EventProcessingConfiguration processors, DataSource dataSource,
                     Serializer serializer, List<String> groups) {
        this.eventStore = eventStore;
        this.processors = processors;
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.groups = List.copyOf(groups);
    }

    /** Where a processing group stands against the events up to a position. */
    private enum Progress { BEHIND, GAPS, DONE }

    /**
     * Returns once every group has applied the events stored when it was called.
     *
     * @param whenBehind run once, before waiting, if some group has not applied them yet
     * @throws TimeoutException when they have not caught up in time (a stuck or failing read model)
     */
    void await(Duration timeout, Runnable whenBehind) throws TimeoutException, InterruptedException {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null || head.position().isEmpty()) {
            return;
        }
        long target = head.position().getAsLong();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> gapsSince = new HashMap<>();
        int polls = 0;
        while (true) {
            long now = System.nanoTime();
            boolean all = true;
            for (String group : groups) {
                Progress progress = progress(group, target);
                if (progress == Progress.GAPS) {
                    // Events below the target not seen yet: committed late (wait), or a rolled-back transaction's
                    // hole in the sequence, which never fills (stop waiting after a grace).
                    long since = gapsSince.computeIfAbsent(group, g -> now);
                    all &= now - since > GAP_GRACE.toNanos();
                } else {
                    all &= progress == Progress.DONE;
                }
            }
            if (all) {
                return;
            }
            if (polls == 0) {
                whenBehind.run();
            }
            if (now > deadline) {
                throw new TimeoutException("the read models did not catch up with the events within " + timeout
                        + " (" + positions() + ", events up to " + target + "); run `quire rebuild` if this"
                        + " persists");
            }
            Thread.sleep(++polls < 100 ? 5 : 50);
        }
    }

    /** Each group's position, for the timeout's message. */
    private String positions() {
        return groups.stream().map(group -> {
            String here = processor(group).processingStatus().values().stream()
                    .map(status -> String.valueOf(status.getCurrentPosition().orElse(-1)))
                    .collect(Collectors.joining(","));
            return group + " at " + (here.isEmpty() ? "shared " + sharedTokens(group) : here);
        }).collect(Collectors.joining(", "));
    }

    /**
     * The best of this node's processor for the group and its token as stored (claimed by whichever node of a
     * cluster): a group is done when it has applied every event up to the target, gaps below it included.
     */
    private Progress progress(String group, long target) {
        Progress best = Progress.BEHIND;
        for (var status : processor(group).processingStatus().values()) {
            best = better(best, progress(status.getTrackingToken(), target));
        }
        if (best != Progress.DONE) {
            for (TrackingToken token : sharedTokens(group)) {
                best = better(best, progress(token, target));
            }
        }
        return best;
    }

    private TrackingEventProcessor processor(String group) {
        return processors.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
    }

    private static Progress better(Progress a, Progress b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static Progress progress(TrackingToken token, long target) {
        if (token == null || token.position().orElse(-1) < target) {
            return Progress.BEHIND;
        }
        if (token instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().headSet(target + 1).isEmpty()) {
            return Progress.GAPS;
        }
        return Progress.DONE;
    }

    /** A processing group's tokens as stored (claimed by whichever node); none before a processor stored one. */
    private List<TrackingToken> sharedTokens(String group) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT token, tokenType FROM tokenEntry WHERE processorName = ? AND token IS NOT NULL")) {
            query.setString(1, group);
            List<TrackingToken> tokens = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tokens.add(serializer.deserialize(new SimpleSerializedObject<>(rows.getBytes(1), byte[].class,
                            rows.getString(2), null)));
                }
            }
            return tokens;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "42S02".equals(e.getSQLState()) || "42S04".equals(e.getSQLState())) {
                return List.of(); // no processor has stored a token yet
            }
            throw new IllegalStateException("cannot read the projections' progress: " + e.getMessage(), e);
        }
    }
}
