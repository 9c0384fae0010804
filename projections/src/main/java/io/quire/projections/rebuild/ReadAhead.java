package io.quire.projections.rebuild;

import io.quire.domain.store.StoredEventReader;
import io.quire.domain.store.StoredEventReader.StoredEvent;
import io.quire.domain.store.StoredEventReader.Undecoded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads the stored events on a thread of its own, a few thousand events ahead of the thread that decodes and applies
 * them: reading was a third of what that thread did, decoding another third (split so that neither thread waits for
 * the other on two cores). The events arrive in the order read; a failure to read is thrown to the applying thread.
 */
final class ReadAhead {

    private static final int EVENTS_PER_HANDOVER = 1_000;
    private static final int HANDOVERS_AHEAD = 8;

    /** What the reader hands over: events, or the end (with the last global index), or its failure. */
    private sealed interface Handover {
    }

    private record Events(List<Undecoded> events) implements Handover {
    }

    private record End(long lastGlobalIndex) implements Handover {
    }

    private record Failed(RuntimeException failure) implements Handover {
    }

    private ReadAhead() {
    }

    /**
     * Hands every event {@code reader} reads to {@code each}, on the calling thread.
     *
     * @return what {@link StoredEventReader#readUndecoded} returns: the global index of the last stored event, or -1
     */
    static long readAll(StoredEventReader reader, Consumer<StoredEvent> each) {
        BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(HANDOVERS_AHEAD);
        AtomicBoolean taking = new AtomicBoolean(true);
        Thread thread = new Thread(() -> read(reader, new Handovers(queue, taking)), "quire-rebuild-reader");
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                Handover next = queue.take();
                if (next instanceof Events events) {
                    for (Undecoded event : events.events()) {
                        each.accept(event.decode());
                    }
                } else if (next instanceof End end) {
                    return end.lastGlobalIndex();
                } else {
                    throw ((Failed) next).failure();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        } finally {
            // Stops a reader still reading when this side failed. Not by interrupting it: an interrupt inside file
            // I/O closes the channel H2 reads through, and with it the database.
            taking.set(false);
        }
    }

    private static void read(StoredEventReader reader, Handovers handovers) {
        try {
            Gathered gathered = new Gathered(handovers);
            long last = reader.readUndecoded(gathered);
            handovers.put(new Events(gathered.events));
            handovers.put(new End(last));
        } catch (Stopped stopped) {
            // The applying thread is gone: nothing to hand over to.
        } catch (Throwable e) { // an Error too: the applying thread would otherwise wait for ever
            try {
                handovers.put(new Failed(e instanceof RuntimeException failure ? failure
                        : new IllegalStateException("the rebuild could not read the events: " + e, e)));
            } catch (Stopped stopped) {
                // Gone too.
            }
        }
    }

    /** The queue to the applying thread, for as long as it takes from it. */
    private record Handovers(BlockingQueue<Handover> queue, AtomicBoolean taking) {

        void put(Handover handover) {
            try {
                while (!queue.offer(handover, 100, TimeUnit.MILLISECONDS)) {
                    if (!taking.get()) {
                        throw new Stopped();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
    }

    /** Gathers events into handovers of {@value #EVENTS_PER_HANDOVER}. */
    private static final class Gathered implements Consumer<Undecoded> {
        private final Handovers handovers;
        private List<Undecoded> events = new ArrayList<>(EVENTS_PER_HANDOVER);

        Gathered(Handovers handovers) {
            this.handovers = handovers;
        }

        @Override
        public void accept(Undecoded event) {
            events.add(event);
            if (events.size() == EVENTS_PER_HANDOVER) {
                handovers.put(new Events(events));
                events = new ArrayList<>(EVENTS_PER_HANDOVER);
            }
        }
    }

    /** The applying thread stopped taking events (it failed): the reader stops too. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
