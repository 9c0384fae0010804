package io.quire.gateway.kernels;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelEnvironmentTest {

    private final KernelEnvironment environment = KernelEnvironment.standard();

    @Test
    void keepsKernelVariablesAndTheAllowListAndDropsTheRest() {
        Map<String, Object> requested = new LinkedHashMap<>();
        requested.put("KERNEL_USERNAME", "ann");
        requested.put("KERNEL_WORKING_DIR", "/home/ann");
        requested.put("JPY_SESSION_NAME", "work/a.ipynb");
        requested.put("JUPYTER_TOKEN", "secret");
        requested.put("AWS_SECRET_ACCESS_KEY", "secret");
        requested.put("PATH", "/usr/bin");
        requested.put("KERNEL_", "nameless");
        requested.put("kernel_lower", "no");

        assertThat(environment.filter(requested)).containsExactly(Map.entry("KERNEL_USERNAME", "ann"),
                Map.entry("KERNEL_WORKING_DIR", "/home/ann"), Map.entry("JPY_SESSION_NAME", "work/a.ipynb"));
    }

    @Test
    void anAllowedVariableMustBeAStringAndTheErrorNamesNoValue() {
        assertThatThrownBy(() -> environment.filter(Map.of("KERNEL_ID", 42)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("env.KERNEL_ID must be a string");
    }

    @Test
    void droppedVariablesAreNotEvenLookedAt() {
        assertThat(environment.filter(Map.of("SOMETHING", Map.of("nested", true)))).isEmpty();
    }

    @Test
    void theAllowListIsConfigurable() {
        assertThat(new KernelEnvironment(Set.of("LANG")).filter(Map.of("LANG", "C.UTF-8", "JPY_SESSION_NAME", "x")))
                .containsExactly(Map.entry("LANG", "C.UTF-8"));
    }
}
