package io.quire.kernel.spec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jupyter's data directories, in jupyter_core's order of precedence: {@code JUPYTER_PATH} entries, the user data
 * directory, the environment directories ({@code sys.prefix/share/jupyter} in Python; here a list the caller
 * gives), then the system directories. Pure: everything it reads is passed in.
 */
public final class JupyterPaths {

    private JupyterPaths() {
    }

    /**
     * The data directories, highest precedence first.
     *
     * @param env             the environment to read {@code JUPYTER_PATH}, {@code JUPYTER_DATA_DIR},
     *                        {@code XDG_DATA_HOME}, {@code APPDATA}, {@code PROGRAMDATA} from
     * @param home            the user's home directory
     * @param environmentDirs the environment data directories, e.g. {@code /opt/conda/share/jupyter}
     */
    public static List<Path> dataDirs(Map<String, String> env, Path home, List<Path> environmentDirs) {
        List<Path> dirs = new ArrayList<>();
        String jupyterPath = env.get("JUPYTER_PATH");
        if (jupyterPath != null) {
            for (String entry : jupyterPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        dirs.add(userDataDir(env, home));
        dirs.addAll(environmentDirs);
        dirs.addAll(systemDataDirs(env));
        return dirs.stream().distinct().toList();
    }

    /** {@code JUPYTER_DATA_DIR}, else the platform's per-user location (on Linux {@code ~/.local/share/jupyter}). */
    public static Path userDataDir(Map<String, String> env, Path home) {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Jupyter");
        }
        if (os.contains("win") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("jupyter");
    }

    private static List<Path> systemDataDirs(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String programData = env.get("PROGRAMDATA");
            return programData == null ? List.of() : List.of(Path.of(programData, "jupyter"));
        }
        return List.of(Path.of("/usr/local/share/jupyter"), Path.of("/usr/share/jupyter"));
    }
}
