package io.quire.domain.run;

/** Who or what asked for a run. */
public enum RunTrigger {
    /** A person, from the command line. */
    USER,
    /** A client of Quire's REST API. */
    API,
    /** A schedule's trigger fired. */
    SCHEDULE,
    /** A retry of an earlier run. */
    RETRY
}
