package io.quire.runtime.schedule;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the triggers report. */
final class RecordingListener implements ScheduleListener {

    record Skip(ScheduleFiring firing, String reason) {
    }

    record Retry(ScheduleFiring failed, RunEnd end, Instant at) {
    }

    final List<Skip> skips = new CopyOnWriteArrayList<>();
    final List<Retry> retries = new CopyOnWriteArrayList<>();
    final List<ScheduleFiring> exhausted = new CopyOnWriteArrayList<>();

    @Override
    public void firingSkipped(ScheduleFiring firing, String reason) {
        skips.add(new Skip(firing, reason));
    }

    @Override
    public void retryScheduled(ScheduleFiring failed, RunEnd end, Instant at) {
        retries.add(new Retry(failed, end, at));
    }

    @Override
    public void retriesExhausted(ScheduleFiring failed, RunEnd end) {
        exhausted.add(failed);
    }
}
