package io.quire.runtime.schedule;

import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledRunsTest {

    @Test
    void aFiringQuartzHandsOverBeforeItsTimeIsLaunchedAtItsTime() {
        List<Instant> launchedAt = new CopyOnWriteArrayList<>();
        RecordingLauncher launcher = new RecordingLauncher();
        ScheduledRuns runs = new ScheduledRuns(launcher, new RecordingListener());
        runs.fire(cronFiring("warm-up", Instant.now().minusSeconds(1))); // loads what a first firing loads
        launcher.answerWith(firing -> {
            launchedAt.add(Instant.now());
            return CompletableFuture.completedFuture(new RunEnd("r1", true, "ok"));
        });
        // Quartz hands a trigger to its worker up to 2 ms before the fire time; here well before, so it shows.
        Instant scheduledFor = Instant.now().plusMillis(200).truncatedTo(ChronoUnit.MILLIS);

        runs.fire(cronFiring("s1", scheduledFor));

        assertThat(launchedAt).singleElement().satisfies(at -> assertThat(at).isAfterOrEqualTo(scheduledFor));
        assertThat(launcher.firings("s1")).singleElement().satisfies(firing -> {
            assertThat(firing.scheduledFor()).isEqualTo(scheduledFor);
            assertThat(firing.firedAt()).isAfterOrEqualTo(scheduledFor);
        });
    }

    /** What Quartz hands {@link LaunchScheduledRun} for a cron firing of an active schedule. */
    private static JobExecutionContext cronFiring(String scheduleId, Instant scheduledFor) {
        var job = ScheduleJobs.jobFor(scheduleId, TestSchedules.everySecond(), false);
        return (JobExecutionContext) Proxy.newProxyInstance(JobExecutionContext.class.getClassLoader(),
                new Class<?>[] {JobExecutionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getJobDetail" -> job;
                    case "getMergedJobDataMap" -> job.getJobDataMap();
                    case "getScheduledFireTime" -> Date.from(scheduledFor);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
