package io.quire.domain.store;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The aggregate a command targets: the value of its {@link TargetAggregateIdentifier} field or method, found once
 * per command class. Axon's {@code AnnotationCommandTargetResolver} searches the class on every call; done twice per
 * command (here to group commands, and by Axon to load the aggregate), that was ~9% of what editing allocated.
 *
 * <p>Threads: any; the per-class lookup is cached in a {@link ClassValue}.
 */
public final class CommandTargets {

    private static final ClassValue<Optional<AccessibleObject>> TARGETS = new ClassValue<>() {
        @Override
        protected Optional<AccessibleObject> computeValue(Class<?> type) {
            return find(type);
        }
    };

    private CommandTargets() {
    }

    /**
     * The id of the aggregate the command targets, or null when its payload names none (a command that creates
     * an aggregate without naming it, or one handled outside aggregates) or names it as null.
     */
    public static String aggregateOf(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Optional<AccessibleObject> target = payload == null ? Optional.empty() : TARGETS.get(payload.getClass());
        if (target.isEmpty()) {
            return null;
        }
        try {
            Object id = target.get() instanceof Field field ? field.get(payload) : ((Method) target.get()).invoke(payload);
            return id == null ? null : id.toString();
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the target aggregate of " + payload.getClass().getName(), e);
        }
    }

    private static Optional<AccessibleObject> find(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    field.setAccessible(true);
                    return Optional.of(field);
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.getParameterCount() == 0 && method.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    method.setAccessible(true);
                    return Optional.of(method);
                }
            }
        }
        return Optional.empty();
    }
}
