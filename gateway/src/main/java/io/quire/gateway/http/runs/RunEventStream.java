package io.quire.gateway.http.runs;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One client following a run's events ({@code GET /quire/api/runs/{id}/events}): the events recorded so far, then
 * each new one as it is committed, until the run ends; then the stream closes.
 *
 * <p>No gap and no duplicate between the two: the stream subscribes to the event store <em>before</em> it reads the
 * recorded events, holds what arrives meanwhile, and sends every event exactly once, in sequence-number order
 * (each event of a run has the next number). An event committed in the instant between a subscription and a read can
 * be missed by both (the event bus tells subscribers just before the commit, the read sees only committed events),
 * so a missing number, and every keep-alive, makes the stream read the store again from where it is.
 *
 * <p>Threads: the event store calls {@link #published} on the thread that records the events; everything else runs
 * on the request's event loop, and store reads on worker threads. A client that reads slower than the run writes is
 * sent events as fast as it takes them (the rest wait in memory, up to {@value #MAX_WAITING}).
 */
final class RunEventStream {

    /** How often a quiet stream sends a keep-alive comment and checks the store for anything it missed. */
    static final long KEEP_ALIVE_MILLIS = 15_000;
    /** When, after its start, a following stream first reads the store again, for an event committed as it started. */
    static final long CATCH_UP_MILLIS = 1_000;
    /** How soon a stream reads the store again while a gap stays open after a read. */
    static final long GAP_REREAD_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RunEventStream.class);
    /** Events held for a client that does not read them, at most, before it is dropped. */
    private static final int MAX_WAITING = 100_000;

    private final Vertx vertx;
    private final Context loop;
    private final EventStore store;
    private final RunEventLog log;
    private final String runId;
    private final RoutingContext context;
    private final HttpServerResponse response;
    private final boolean follow;
    /** Events that arrived ahead of {@link #next}, or before the recorded ones were sent. */
    private final TreeMap<Long, DomainEventMessage<?>> waiting = new TreeMap<>();
    /** The sequence number of the next event to send. */
    private long next;
    private boolean streaming;
    /** Whether the stream ends once the events it holds are sent (no follow, or the run has ended). */
    private boolean endWhenSent;
    private boolean rereading;
    private boolean closed;
    private Registration subscription;
    private long keepAlive = -1;
    private long catchUp = -1;

    /**
     * @param follow false to send only the events recorded so far
     * @param first  the first sequence number to send (0, or one past a reconnecting client's last event id)
     */
    RunEventStream(Vertx vertx, EventStore store, String runId, RoutingContext context, boolean follow, long first) {
        this.vertx = vertx;
        this.loop = vertx.getOrCreateContext();
        this.store = store;
        this.log = new RunEventLog(store);
        this.runId = runId;
        this.context = context;
        this.response = context.response();
        this.follow = follow;
        this.next = first;
    }

    /** Starts the stream; answers 404 (JSON) when there is no such run. Called on the event loop. */
    void open() {
        if (follow) {
            subscription = store.subscribe(this::published);
        }
        response.closeHandler(closed -> stop());
        read(() -> log.read(runId), this::start, failure -> {
            stop();
            context.fail(failure);
        });
    }

    private void start(List<DomainEventMessage<?>> recorded) {
        if (closed) {
            return; // the client left while the store was read
        }
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                // tells nginx-like proxies to pass each event on at once
                .putHeader("X-Accel-Buffering", "no");
        response.write(RunEventFrames.keepAlive()); // sends the headers now, before any event exists
        streaming = true;
        endWhenSent = !follow || recorded.stream().anyMatch(RunEventLog::isFinal);
        receive(recorded, true);
        if (!closed && !endWhenSent) {
            keepAlive = vertx.setPeriodic(KEEP_ALIVE_MILLIS, timer -> {
                if (response.writeQueueFull()) {
                    return;
                }
                response.write(RunEventFrames.keepAlive());
                reread();
            });
            // An event published between the subscription and the replay is only missed if nothing follows it
            // (a later one would show the gap): a cheap read from the next expected sequence, once it has
            // committed, catches it. Its commit may be late on a loaded machine, so the read is repeated after 1, 2,
            // 4 and 8 s; not every second: a hundred clients re-reading every second kept the worker threads from
            // answering new ones. From the subscription on, every event arrives by itself.
            catchUpAfter(CATCH_UP_MILLIS);
        }
    }

    private void catchUpAfter(long delay) {
        catchUp = vertx.setTimer(delay, timer -> {
            catchUp = -1;
            reread();
            if (!closed && delay * 2 < KEEP_ALIVE_MILLIS && catchUp < 0) {
                catchUpAfter(delay * 2);
            }
        });
    }

    /**
     * Called by the event store with every batch of events of any aggregate, on the publishing thread, just before
     * the batch is committed. Never throws: a failure here would roll back the run's own recording.
     */
    private void published(List<? extends EventMessage<?>> batch) {
        try {
            List<DomainEventMessage<?>> mine = batch.stream()
                    .filter(event -> event instanceof DomainEventMessage<?> domain
                            && runId.equals(domain.getAggregateIdentifier()))
                    .<DomainEventMessage<?>>map(event -> (DomainEventMessage<?>) event)
                    .toList();
            if (mine.isEmpty()) {
                return;
            }
            // Pass the events on only once they are committed, so that an event rolled back is never sent.
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(unit -> deliver(mine));
            } else {
                deliver(mine);
            }
        } catch (RuntimeException e) {
            LOG.warn("run {}: an event stream could not take new events; it re-reads them from the store", runId, e);
        }
    }

    private void deliver(List<DomainEventMessage<?>> events) {
        try {
            loop.runOnContext(go -> receive(events, true));
        } catch (RuntimeException e) {
            // Vert.x is closing: the stream is closing with it
            LOG.debug("run {}: event stream gone", runId, e);
        }
    }

    private void receive(List<DomainEventMessage<?>> events, boolean rereadOnGap) {
        if (closed) {
            return;
        }
        events.stream().filter(event -> event.getSequenceNumber() >= next)
                .forEach(event -> waiting.put(event.getSequenceNumber(), event));
        if (!streaming) {
            return;
        }
        if (waiting.size() > MAX_WAITING) {
            // The client reads far slower than the run writes: drop it rather than hold the run's output in
            // memory; it can reconnect with Last-Event-ID and resume where it was.
            stop();
            response.reset();
            return;
        }
        send();
        if (!closed && !waiting.isEmpty() && waiting.firstKey() != next && rereadOnGap) {
            reread();
        }
    }

    /** Sends the events that are next in sequence, as fast as the client takes them. */
    private void send() {
        while (!closed && !waiting.isEmpty() && waiting.firstKey() == next) {
            if (response.writeQueueFull()) {
                response.drainHandler(drained -> send());
                return;
            }
            DomainEventMessage<?> event = waiting.pollFirstEntry().getValue();
            response.write(RunEventFrames.frame(event));
            next++;
            if (RunEventLog.isFinal(event)) {
                finish();
            }
        }
        if (endWhenSent && (waiting.isEmpty() || waiting.firstKey() != next)) {
            finish();
        }
    }

    /**
     * Reads the store from {@link #next}, to fill a gap (see the class comment). A gap still open after the read (the
     * missing event committed after the read began) is read for again shortly: no later event may come to show it.
     */
    private void reread() {
        if (rereading || closed) {
            return;
        }
        rereading = true;
        long from = next;
        read(() -> log.readFrom(runId, from), events -> {
            rereading = false;
            receive(events, false);
            if (!closed && !waiting.isEmpty() && waiting.firstKey() != next && catchUp < 0) {
                catchUp = vertx.setTimer(GAP_REREAD_MILLIS, timer -> {
                    catchUp = -1;
                    reread();
                });
            }
        }, failure -> {
            rereading = false; // the next keep-alive tries again
        });
    }

    private <T> void read(Callable<T> work, Consumer<T> then, Consumer<Throwable> failed) {
        vertx.executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                then.accept(result.result());
            } else {
                failed.accept(result.cause());
            }
        });
    }

    private void finish() {
        if (!closed) {
            stop();
            response.end();
        }
    }

    /** Stops following: no more events, no timer. */
    private void stop() {
        closed = true;
        waiting.clear();
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        if (catchUp >= 0) {
            vertx.cancelTimer(catchUp);
            catchUp = -1;
        }
        if (keepAlive >= 0) {
            vertx.cancelTimer(keepAlive);
            keepAlive = -1;
        }
    }
}
