package io.quire.domain.store;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The aggregate a command targets: the value of its {@link TargetAggregateIdentifier} field or method (and of its
 * {@link TargetAggregateVersion}, if it has one), found once per command class. Axon's
 * {@code AnnotationCommandTargetResolver} searches the class's annotations on every call: ~8% of an edit's CPU time
 * when Axon loads the aggregate, and as much again when commands were grouped by notebook with it.
 *
 * <p>Register {@link #resolver()} as the configuration's {@link CommandTargetResolver} component, so that every
 * aggregate's command handler uses it.
 *
 * <p>Threads: any; the per-class lookup is cached in a {@link ClassValue}.
 */
public final class CommandTargets {

    /** Where a command class keeps its target's id and expected version; either may be null. */
    private record Accessors(AccessibleObject identifier, AccessibleObject version) {
    }

    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return new Accessors(find(type, TargetAggregateIdentifier.class), find(type, TargetAggregateVersion.class));
        }
    };

    private static final CommandTargetResolver RESOLVER = CommandTargets::resolve;

    private CommandTargets() {
    }

    /** Axon's command target resolution, with the lookup cached per command class. */
    public static CommandTargetResolver resolver() {
        return RESOLVER;
    }

    /**
     * The id of the aggregate the command targets, or null when its payload names none (a command that creates
     * an aggregate without naming it, or one handled outside aggregates) or names it as null.
     */
    public static String aggregateOf(CommandMessage<?> command) {
        Object payload = command.getPayload();
        if (payload == null) {
            return null;
        }
        Object id = read(payload, ACCESSORS.get(payload.getClass()).identifier());
        return id == null ? null : id.toString();
    }

    private static VersionedAggregateIdentifier resolve(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Accessors accessors = payload == null ? null : ACCESSORS.get(payload.getClass());
        Object id = accessors == null ? null : read(payload, accessors.identifier());
        if (id == null) {
            // The same words as Axon's own resolver, so a misdeclared command reads the same either way.
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. Make sure"
                    + " at least one of the fields or methods in the [" + command.getPayloadType().getSimpleName()
                    + "] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null"
                    + " value.");
        }
        Object version = read(payload, accessors.version());
        return new VersionedAggregateIdentifier(id, version == null ? null : ((Number) version).longValue());
    }

    private static Object read(Object payload, AccessibleObject accessor) {
        if (accessor == null) {
            return null;
        }
        try {
            return accessor instanceof Field field ? field.get(payload) : ((Method) accessor).invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the target aggregate of " + payload.getClass().getName(), e);
        }
    }

    private static AccessibleObject find(Class<?> type, Class<? extends Annotation> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(annotation)) {
                    field.setAccessible(true);
                    return field;
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.getParameterCount() == 0 && method.isAnnotationPresent(annotation)) {
                    method.setAccessible(true);
                    return method;
                }
            }
        }
        return null;
    }
}
