package io.quire.gateway.http.kernels;

import io.quire.kernel.spec.KernelSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The kernelspec model of the Jupyter Server API: {@code {name, spec, resources}}, where {@code spec} is kernel.json
 * as jupyter_client's {@code KernelSpec.to_dict()} gives it and {@code resources} maps kernel.js, kernel.css and
 * each {@code logo-*} file (by name without extension) to its URL under {@code /kernelspecs/}.
 */
final class KernelSpecJson {

    private KernelSpecJson() {
    }

    /** Reads the resource directory: blocking. */
    static JsonObject model(KernelSpec spec) {
        JsonArray argv = new JsonArray();
        spec.argv().forEach(argv::add);
        JsonObject env = new JsonObject();
        spec.env().forEach(env::put);
        JsonObject body = new JsonObject()
                .put("argv", argv)
                .put("env", env)
                .put("display_name", spec.displayName())
                .put("language", spec.language())
                .put("interrupt_mode", spec.interruptMode().name().toLowerCase(Locale.ROOT))
                .put("metadata", new JsonObject(spec.metadata().toString()));
        return new JsonObject().put("name", spec.name()).put("spec", body).put("resources", resources(spec));
    }

    private static JsonObject resources(KernelSpec spec) {
        JsonObject resources = new JsonObject();
        Path directory = spec.resourceDir();
        for (String file : new String[] {"kernel.js", "kernel.css"}) {
            if (Files.exists(directory.resolve(file))) {
                resources.put(file, url(spec, file));
            }
        }
        TreeSet<String> logos = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "logo-*")) {
            entries.forEach(entry -> logos.add(entry.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        for (String logo : logos) {
            int dot = logo.lastIndexOf('.');
            resources.put(dot > 0 ? logo.substring(0, dot) : logo, url(spec, logo));
        }
        return resources;
    }

    private static String url(KernelSpec spec, String file) {
        return "/kernelspecs/" + spec.name() + "/" + file;
    }
}
