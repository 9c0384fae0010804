package io.quire.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Remembers the signatures seen on one session so that a replayed message is refused, as jupyter_client's
 * {@code digest_history} does. Bounded: past {@code capacity} signatures the oldest are forgotten, which is safe
 * because every genuine message carries a fresh msg_id and date and so a fresh signature.
 */
final class ReplayGuard {

    private final int capacity;
    private final Set<String> seen = new LinkedHashSet<>();

    ReplayGuard(int capacity) {
        this.capacity = capacity;
    }

    /** Records {@code signature}; false if it had been seen already. */
    synchronized boolean firstSighting(byte[] signature) {
        boolean fresh = seen.add(new String(signature, StandardCharsets.US_ASCII));
        if (seen.size() > capacity) {
            forgetOldestHalf();
        }
        return fresh;
    }

    /** Culls in bulk rather than one per insert so that the common path stays a single hash insert. */
    private void forgetOldestHalf() {
        Set<String> keep = new HashSet<>();
        int skip = seen.size() / 2;
        int index = 0;
        for (String signature : seen) {
            if (index++ >= skip) {
                keep.add(signature);
            }
        }
        seen.retainAll(keep);
    }
}
