package io.quire.projections.versions;

import java.time.Instant;

/**
 * One version of a notebook: every event makes one.
 *
 * @param version the event's sequence number in the notebook's stream
 * @param user    who caused it
 * @param summary one line saying what changed
 * @param name    the name given to this version, or null
 */
public record Version(long version, Instant at, String user, String summary, String name) {
}
