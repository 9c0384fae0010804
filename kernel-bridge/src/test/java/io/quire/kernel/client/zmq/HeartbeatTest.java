package io.quire.kernel.client.zmq;

import static io.quire.kernel.client.zmq.Heartbeat.Action.DEAD;
import static io.quire.kernel.client.zmq.Heartbeat.Action.PING;
import static io.quire.kernel.client.zmq.Heartbeat.Action.RECONNECT_AND_PING;
import static io.quire.kernel.client.zmq.Heartbeat.Action.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private static final long MS = 1_000_000;

    private final Heartbeat heartbeat = new Heartbeat(Duration.ofMillis(100), 3, 0);

    @Test
    void pingsOncePerIntervalWhileAnswered() {
        assertThat(heartbeat.tick(0)).isEqualTo(PING);
        assertThat(heartbeat.tick(50 * MS)).isEqualTo(WAIT);
        assertThat(heartbeat.millisUntilDue(50 * MS)).isEqualTo(50);
        heartbeat.pong();
        assertThat(heartbeat.tick(100 * MS)).isEqualTo(PING);
    }

    @Test
    void declaresDeathAfterTheAllowedConsecutiveMisses() {
        heartbeat.tick(0);
        heartbeat.pong();
        assertThat(heartbeat.tick(100 * MS)).isEqualTo(PING);
        assertThat(heartbeat.tick(200 * MS)).isEqualTo(RECONNECT_AND_PING);
        assertThat(heartbeat.tick(300 * MS)).isEqualTo(RECONNECT_AND_PING);
        assertThat(heartbeat.tick(400 * MS)).isEqualTo(DEAD);
        assertThat(heartbeat.misses()).isEqualTo(3);
        assertThat(heartbeat.tick(500 * MS)).isEqualTo(WAIT);
        assertThat(heartbeat.millisUntilDue(500 * MS)).isEqualTo(-1);
    }

    @Test
    void anAnswerResetsTheMissCount() {
        heartbeat.tick(0);
        heartbeat.pong();
        heartbeat.tick(100 * MS);
        heartbeat.tick(200 * MS);
        heartbeat.tick(300 * MS);
        heartbeat.pong();

        assertThat(heartbeat.misses()).isZero();
        assertThat(heartbeat.tick(400 * MS)).isEqualTo(PING);
    }

    @Test
    void aKernelThatNeverAnsweredIsNotDeclaredDead() {
        for (int beat = 0; beat < 10; beat++) {
            assertThat(heartbeat.tick(beat * 100 * MS)).isIn(PING, RECONNECT_AND_PING);
        }
    }

    @Test
    void afterShutdownLastEchoesDoNotArmItOnlyResumeDoes() {
        heartbeat.tick(0);
        heartbeat.pong();
        heartbeat.suspend();
        heartbeat.tick(100 * MS);
        heartbeat.pong(); // the exiting kernel still answers once
        for (int beat = 2; beat < 12; beat++) {
            assertThat(heartbeat.tick(beat * 100 * MS)).isIn(PING, RECONNECT_AND_PING);
        }

        heartbeat.resume();
        heartbeat.pong();

        assertThat(heartbeat.tick(1200 * MS)).isEqualTo(PING);
        heartbeat.tick(1300 * MS);
        heartbeat.tick(1400 * MS);
        assertThat(heartbeat.tick(1500 * MS)).isEqualTo(DEAD);
    }
}
