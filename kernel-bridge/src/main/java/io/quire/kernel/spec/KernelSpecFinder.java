package io.quire.kernel.spec;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds kernelspecs the way jupyter_client does: in {@code <data dir>/kernels/<name>/kernel.json} for each data
 * directory in order; when two directories hold the same name, the first wins. Names are matched in lower case
 * and must be made of letters, digits, {@code .}, {@code _} and {@code -}. Thread-safe; reads the disk on every call
 * so that newly installed kernels are seen.
 */
public final class KernelSpecFinder {

    private static final Logger log = LoggerFactory.getLogger(KernelSpecFinder.class);
    private static final Pattern VALID_NAME = Pattern.compile("^[a-z0-9._-]+$", Pattern.CASE_INSENSITIVE);

    private final List<Path> kernelDirs;

    /** A finder over explicit {@code kernels} directories, highest precedence first. */
    public KernelSpecFinder(List<Path> kernelDirs) {
        this.kernelDirs = List.copyOf(kernelDirs);
    }

    /** The standard search path (see {@link JupyterPaths#dataDirs}) of this process's environment. */
    public static KernelSpecFinder standard(List<Path> environmentDirs) {
        return fromDataDirs(JupyterPaths.dataDirs(System.getenv(), Path.of(System.getProperty("user.home")),
                environmentDirs));
    }

    /** A finder over the {@code kernels} subdirectory of each data directory. */
    public static KernelSpecFinder fromDataDirs(List<Path> dataDirs) {
        return new KernelSpecFinder(dataDirs.stream().map(dir -> dir.resolve("kernels")).toList());
    }

    /** The {@code kernels} directories searched, highest precedence first. */
    public List<Path> kernelDirs() {
        return kernelDirs;
    }

    /**
     * The kernelspec called {@code name} from the first directory that has it.
     *
     * @throws IOException if that first kernel.json cannot be read (a broken spec is not silently skipped in
     *                     favour of a lower-precedence one: that would run a kernel nobody chose)
     */
    public Optional<KernelSpec> find(String name) throws IOException {
        String wanted = name.toLowerCase(Locale.ROOT);
        Path dir = specDirs().get(wanted);
        return dir == null ? Optional.empty() : Optional.of(KernelSpec.read(wanted, dir));
    }

    /** Every kernelspec found, by name; unreadable ones are logged and left out. */
    public Map<String, KernelSpec> findAll() {
        Map<String, KernelSpec> specs = new LinkedHashMap<>();
        specDirs().forEach((name, dir) -> {
            try {
                specs.put(name, KernelSpec.read(name, dir));
            } catch (IOException e) {
                log.warn("Skipping unreadable kernelspec {} in {}", name, dir, e);
            }
        });
        return specs;
    }

    /** Name to resource directory, first directory winning. */
    private Map<String, Path> specDirs() {
        Map<String, Path> found = new LinkedHashMap<>();
        for (Path kernels : kernelDirs) {
            if (!Files.isDirectory(kernels)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(kernels)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (VALID_NAME.matcher(name).matches() && Files.isRegularFile(entry.resolve(KernelSpec.FILE_NAME))) {
                        found.putIfAbsent(name, entry);
                    }
                }
            } catch (IOException e) {
                log.warn("Cannot list kernelspec directory {}", kernels, e);
            }
        }
        return found;
    }
}
