package io.quire.gateway.kernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of this server, as Jupyter Server's session manager keeps them: in memory, one per path, each on a
 * kernel of {@link Kernels}. A session whose kernel was shut down is forgotten. Also tells which notebook a kernel
 * runs for, so that its executions are recorded there. Thread-safe; the methods that may start or stop a kernel
 * block and belong on worker threads.
 */
public final class KernelSessions {

    private final Kernels kernels;
    private final Map<String, KernelSession> sessions = new LinkedHashMap<>();
    /** Creations for one path happen one at a time, so two clients opening a notebook share one session. */
    private final Map<String, Object> creating = new ConcurrentHashMap<>();

    public KernelSessions(Kernels kernels) {
        this.kernels = kernels;
        kernels.bindNotebooks(this::notebookPath);
    }

    public Kernels kernels() {
        return kernels;
    }

    /**
     * The session at {@code path} if one runs (as Jupyter: whatever the other fields say), else a new one on the
     * kernel {@code kernelId} if it runs, else on a new kernel of {@code kernelName} (null: the default). Blocking.
     *
     * @throws UnknownKernelSpecException when a kernel must be started and no such kernelspec is installed
     */
    public KernelSession createOrFind(String path, String name, String type, String kernelName, String kernelId) {
        synchronized (creating.computeIfAbsent(path, key -> new Object())) {
            Optional<KernelSession> existing = byPath(path);
            if (existing.isPresent()) {
                return existing.get();
            }
            String sessionId = UUID.randomUUID().toString();
            ServedKernel kernel = kernelId == null ? null : kernels.find(kernelId).orElse(null);
            if (kernel == null) {
                kernel = kernels.start(kernelName, Map.of("JPY_SESSION_NAME", path));
            }
            KernelSession session = new KernelSession(sessionId, path, name, type, kernel.id());
            synchronized (this) {
                sessions.put(sessionId, session);
            }
            return session;
        }
    }

    /** Every session whose kernel still runs, oldest first. */
    public synchronized List<KernelSession> list() {
        forgetOrphans();
        return new ArrayList<>(sessions.values());
    }

    public synchronized Optional<KernelSession> find(String sessionId) {
        forgetOrphans();
        return Optional.ofNullable(sessions.get(sessionId));
    }

    private synchronized Optional<KernelSession> byPath(String path) {
        forgetOrphans();
        return sessions.values().stream().filter(session -> session.path().equals(path)).findFirst();
    }

    /**
     * Changes a session as {@code PATCH /api/sessions/{id}} does: path, name, type; {@code kernelId} moves it to a
     * running kernel, {@code kernelName} to a new kernel of that spec (the id wins when both are given). A kernel
     * the session leaves is shut down. Blocking.
     *
     * @throws IllegalArgumentException when {@code kernelId} names no running kernel
     * @throws java.util.NoSuchElementException when there is no such session
     */
    public KernelSession update(String sessionId, String path, String name, String type, String kernelId,
                                String kernelName) {
        KernelSession before = find(sessionId).orElseThrow();
        String newKernel = before.kernelId();
        if (kernelId != null) {
            newKernel = kernels.find(kernelId).map(ServedKernel::id)
                    .orElseThrow(() -> new IllegalArgumentException("No such kernel: " + kernelId));
        } else if (kernelName != null) {
            newKernel = kernels.start(kernelName, Map.of("JPY_SESSION_NAME", path != null ? path : before.path()))
                    .id();
        }
        KernelSession after = new KernelSession(sessionId, path != null ? path : before.path(),
                name != null ? name : before.name(), type != null ? type : before.type(), newKernel);
        synchronized (this) {
            sessions.put(sessionId, after);
        }
        if (!newKernel.equals(before.kernelId())) {
            kernels.find(before.kernelId()).ifPresent(kernels::shutdown);
        }
        return after;
    }

    /**
     * Ends a session and shuts its kernel down, as Jupyter does. Blocking.
     *
     * @return false when there was no such session
     */
    public boolean delete(String sessionId) {
        KernelSession session;
        synchronized (this) {
            session = sessions.remove(sessionId);
        }
        if (session == null) {
            return false;
        }
        kernels.find(session.kernelId()).ifPresent(kernels::shutdown);
        return true;
    }

    /** The path of the notebook session on {@code kernelId}, if there is one. */
    public synchronized Optional<String> notebookPath(String kernelId) {
        return sessions.values().stream()
                .filter(session -> session.isNotebook() && session.kernelId().equals(kernelId))
                .map(KernelSession::path)
                .findFirst();
    }

    private void forgetOrphans() {
        sessions.values().removeIf(session -> kernels.find(session.kernelId()).isEmpty());
    }
}
