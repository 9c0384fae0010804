package io.quire.domain.store;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token store that writes a claim's extension at most every {@link #EVERY}: an idle tracking processor extends
 * its claim each time its wait for events ends empty, which is a committed write (an H2 chunk) every 100 ms per
 * processor otherwise. Claims time out after 10 s, so extending one every 2 s keeps it as safe; a claim another
 * node took over is then noticed up to 2 s later, still long before the 10 s. Everything else goes straight
 * through, and fetching or storing a token counts as an extension (both write the claim's time).
 */
final class SparseClaimExtensions implements TokenStore {

    static final Duration EVERY = Duration.ofSeconds(2);

    private final TokenStore store;
    private final LongSupplier nanoTime;
    /** When each (processor, segment) claim was last written, by this node. */
    private final Map<String, Long> written = new ConcurrentHashMap<>();

    SparseClaimExtensions(TokenStore store, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Long last = written.get(key(processorName, segment));
        if (last != null && nanoTime.getAsLong() - last < EVERY.toNanos()) {
            return;
        }
        store.extendClaim(processorName, segment);
        written(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        TrackingToken token = store.fetchToken(processorName, segment);
        written(processorName, segment);
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        TrackingToken token = store.fetchToken(processorName, segment);
        written(processorName, segment.getSegmentId());
        return token;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        store.storeToken(token, processorName, segment);
        written(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        written.remove(key(processorName, segment));
        store.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToInitializeTokenException {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        written.remove(key(processorName, segment));
        store.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() throws UnableToRetrieveIdentifierException {
        return store.retrieveStorageIdentifier();
    }

    private void written(String processorName, int segment) {
        written.put(key(processorName, segment), nanoTime.getAsLong());
    }

    private static String key(String processorName, int segment) {
        return processorName + "#" + segment;
    }
}
