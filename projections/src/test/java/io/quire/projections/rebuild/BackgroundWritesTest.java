package io.quire.projections.rebuild;

import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundWritesTest {

    @Test
    void writesRunInTheOrderGivenAndAllAreDoneWhenFinishReturns() {
        BackgroundWrites writes = new BackgroundWrites(NoTransactionManager.instance());
        List<Integer> done = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            writes.submit(() -> done.add(n));
        }
        writes.finish();
        assertThat(done).hasSize(100).isSorted();
    }

    @Test
    void theFirstFailureStopsTheRestAndIsThrownToTheRebuild() {
        BackgroundWrites writes = new BackgroundWrites(NoTransactionManager.instance());
        List<Integer> done = new CopyOnWriteArrayList<>();
        writes.submit(() -> done.add(1));
        writes.submit(() -> {
            throw new IllegalStateException("disk full");
        });
        // Thrown by the next submit if the failure is known by then, else by finish.
        assertThatThrownBy(() -> {
            writes.submit(() -> done.add(3));
            writes.finish();
        }).hasMessage("disk full");
        assertThat(done).containsExactly(1);
    }

    @Test
    void anErrorIsNotLostEither() {
        BackgroundWrites writes = new BackgroundWrites(NoTransactionManager.instance());
        writes.submit(() -> {
            throw new OutOfMemoryError("heap");
        });
        assertThatThrownBy(writes::finish).hasMessageContaining("the rebuild could not write")
                .hasRootCauseInstanceOf(OutOfMemoryError.class);
    }
}
