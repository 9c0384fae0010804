package io.quire.gateway;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The JVM's live threads whose names match, for tests that run alone and tell their node's threads by age. */
final class LiveThreads {

    private LiveThreads() {
    }

    static Set<Thread> named(Predicate<String> name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && name.test(thread.getName()))
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Those of {@link #named} that are not in {@code before}: started since. */
    static Set<Thread> namedSince(Set<Thread> before, Predicate<String> name) {
        Set<Thread> now = named(name);
        now.removeAll(before);
        return now;
    }
}
