package io.quire.domain.schedule;

/** What a schedule does about fire times it missed while no node was running (downtime). */
public enum MisfirePolicy {
    /** Missed fire times are dropped; the schedule continues with its next fire time after now. */
    SKIP,
    /** However many fire times were missed, the notebook runs once as soon as possible, then on schedule. */
    RUN_ONCE
}
