package io.quire.gateway.kernels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which variables a client may set in a kernel's environment (the {@code env} of {@code POST /api/kernels}), as
 * Jupyter Kernel Gateway allows them: names starting {@code KERNEL_}, and the few names of an allow-list.
 *
 * <p>Why so strict: a Jupyter Server in gateway mode sends its whole process environment (tokens, cloud
 * credentials...). Everything else is dropped here, before anything stores or logs it, and is never named in an
 * error either.
 */
public final class KernelEnvironment {

    /** Allowed besides {@code KERNEL_*}: the session's notebook path, which Jupyter Server itself sets. */
    public static final Set<String> DEFAULT_ALLOWED = Set.of("JPY_SESSION_NAME");

    private static final Pattern KERNEL_NAME = Pattern.compile("KERNEL_[A-Za-z0-9_]+");

    private final Set<String> allowed;

    public KernelEnvironment(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    public static KernelEnvironment standard() {
        return new KernelEnvironment(DEFAULT_ALLOWED);
    }

    /** Whether a client may set {@code name}. */
    public boolean allows(String name) {
        return name != null && (KERNEL_NAME.matcher(name).matches() || allowed.contains(name));
    }

    /**
     * The variables of {@code requested} that a client may set; the rest are dropped without a trace.
     *
     * @throws IllegalArgumentException when an allowed variable's value is not a string (the message names the
     *                                  variable, never a value)
     */
    public Map<String, String> filter(Map<String, ?> requested) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (requested == null) {
            return kept;
        }
        requested.forEach((name, value) -> {
            if (allows(name)) {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException("env." + name + " must be a string");
                }
                kept.put(name, text);
            }
        });
        return kept;
    }
}
