package io.quire.runtime.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of every schedule. Quartz stores this class's name with each job; {@link ScheduleTriggers}
 * creates the instances (through its job factory), handing each the node's {@link ScheduledRuns}.
 */
public final class LaunchScheduledRun implements Job {

    private final ScheduledRuns runs;

    LaunchScheduledRun(ScheduledRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.fire(context);
    }
}
