package io.quire.runtime.schedule;

/** The trigger contract on Quartz's RAMJobStore, the embedded default. */
class InMemoryScheduleTriggersTest extends ScheduleTriggersContract {

    @Override
    protected ScheduleTriggers newNode(String nodeId, RunLauncher launcher, ScheduleListener listener) {
        return ScheduleTriggers.inMemory(launcher, listener);
    }
}
