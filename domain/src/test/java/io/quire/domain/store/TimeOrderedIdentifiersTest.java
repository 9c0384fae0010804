package io.quire.domain.store;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifiersTest {

    private final TimeOrderedIdentifiers identifiers = new TimeOrderedIdentifiers();

    @Test
    void axonMakesItsIdentifiersHere() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
    }

    @Test
    void identifiersAreVersion7UuidsWhoseTextSortsInTheOrderTheyWereMade() {
        long before = System.currentTimeMillis();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            made.add(identifiers.generateIdentifier());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(made.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis() + 1);
    }

    @Test
    void threadsMakingIdentifiersAtOnceNeverShareOne() throws Exception {
        Set<String> all = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    Set<String> mine = new HashSet<>();
                    for (int i = 0; i < 25_000; i++) {
                        mine.add(identifiers.generateIdentifier());
                    }
                    all.addAll(mine);
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(all).hasSize(8 * 25_000);
    }
}
