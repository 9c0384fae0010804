package io.quire.domain.store;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SparseClaimExtensionsTest {

    private final List<String> calls = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final TokenStore tokens = new SparseClaimExtensions(recording(new InMemoryTokenStore()), now::get);

    @Test
    void anIdleProcessorsExtensionsAreWrittenEveryTwoSeconds() {
        tokens.initializeTokenSegments("p", 1);
        tokens.fetchToken("p", 0);
        calls.clear();

        for (int wait = 0; wait < 50; wait++) { // 5 s of 100 ms waits that found no event
            now.addAndGet(100_000_000);
            tokens.extendClaim("p", 0);
        }

        assertThat(calls).containsExactly("extendClaim", "extendClaim");
    }

    @Test
    void storingATokenCountsAsAnExtension() {
        tokens.initializeTokenSegments("p", 1);
        tokens.fetchToken("p", 0);
        now.addAndGet(1_500_000_000);
        tokens.storeToken(new GlobalSequenceTrackingToken(3), "p", 0);
        calls.clear();

        now.addAndGet(1_500_000_000);
        tokens.extendClaim("p", 0);
        assertThat(calls).isEmpty();
        now.addAndGet(600_000_000);
        tokens.extendClaim("p", 0);
        assertThat(calls).containsExactly("extendClaim");
    }

    @Test
    void aClaimReleasedAndTakenAgainIsExtendedAtOnce() {
        tokens.initializeTokenSegments("p", 2);
        tokens.fetchToken("p", 0);
        tokens.releaseClaim("p", 0);
        calls.clear();

        tokens.extendClaim("p", 0);
        tokens.extendClaim("p", 1);

        assertThat(calls).containsExactly("extendClaim", "extendClaim");
    }

    @Test
    void everyMethodOfTheTokenStoreIsPassedOnNotLeftToTheInterfacesDefault() {
        // A default method left alone would skip the JDBC store's own version (initializeSegment's default throws).
        for (Method method : TokenStore.class.getMethods()) {
            assertThat(Arrays.stream(SparseClaimExtensions.class.getDeclaredMethods())
                    .anyMatch(own -> own.getName().equals(method.getName())
                            && Arrays.equals(own.getParameterTypes(), method.getParameterTypes())))
                    .as("SparseClaimExtensions overrides %s", method).isTrue();
        }
    }

    private TokenStore recording(TokenStore store) {
        return (TokenStore) Proxy.newProxyInstance(TokenStore.class.getClassLoader(), new Class<?>[]{TokenStore.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return method.invoke(store, args);
                });
    }
}
