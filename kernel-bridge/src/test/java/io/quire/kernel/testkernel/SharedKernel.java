package io.quire.kernel.testkernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands one {@link LocalKernel} to every test class that asks for it (as a {@code @BeforeAll} parameter), started on
 * first use and closed by JUnit when the whole run ends: starting ipykernel is most of this module's test time.
 * Only for classes that leave the kernel usable; tests that kill or shut down a kernel start their own.
 */
public final class SharedKernel implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKernel.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalKernel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store outlives every class; JUnit closes AutoCloseable values in it at the end of the run.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("kernel", key -> {
            try {
                return LocalKernel.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the shared test kernel", e);
            }
        }, LocalKernel.class);
    }
}
