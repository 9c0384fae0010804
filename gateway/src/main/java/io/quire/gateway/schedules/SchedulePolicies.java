package io.quire.gateway.schedules;

import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.VersionPolicy;

/** A schedule's policies as users write them, on the command line and in the API. */
public final class SchedulePolicies {

    private SchedulePolicies() {
    }

    /**
     * {@code latest}, {@code latest-named} or a version number.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static VersionPolicy version(String text) {
        if (text == null || text.equals("latest")) {
            return VersionPolicy.latest();
        }
        if (text.equals("latest-named")) {
            return VersionPolicy.latestNamed();
        }
        try {
            long version = Long.parseLong(text);
            if (version >= 0) {
                return VersionPolicy.pinned(version);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("version policy '" + text + "': say latest, latest-named or a version"
                + " number (0 or more)");
    }

    /** How {@link #version} reads it back. */
    public static String describe(VersionPolicy policy) {
        return switch (policy.kind()) {
            case LATEST -> "latest";
            case LATEST_NAMED -> "latest-named";
            case PINNED -> Long.toString(policy.version());
        };
    }

    /**
     * {@code run-once} or {@code skip}.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static MisfirePolicy misfire(String text) {
        if (text == null || text.equals("run-once")) {
            return MisfirePolicy.RUN_ONCE;
        }
        if (text.equals("skip")) {
            return MisfirePolicy.SKIP;
        }
        throw new IllegalArgumentException("misfire policy '" + text + "': say run-once or skip");
    }

    /** How {@link #misfire} reads it back. */
    public static String describe(MisfirePolicy policy) {
        return policy == MisfirePolicy.SKIP ? "skip" : "run-once";
    }
}
