package io.quire.runtime.papermill.translator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * papermill's translator registry: the kernel name is looked up first, then the language, both case-sensitive
 * (papermill registers {@code python}, {@code R}, {@code scala}, {@code julia}, {@code matlab},
 * {@code .net-csharp}, {@code .net-fsharp}, {@code .net-powershell}, {@code pysparkkernel}, {@code sparkkernel},
 * {@code sparkrkernel} and {@code bash}).
 */
public final class Translators {

    private static final Map<String, Translator> REGISTERED = new LinkedHashMap<>();

    static {
        PythonTranslator python = new PythonTranslator();
        RTranslator r = new RTranslator();
        ScalaTranslator scala = new ScalaTranslator();
        REGISTERED.put("python", python);
        REGISTERED.put("R", r);
        REGISTERED.put("scala", scala);
        REGISTERED.put("julia", new JuliaTranslator());
        REGISTERED.put("matlab", new MatlabTranslator());
        REGISTERED.put(".net-csharp", new CSharpTranslator());
        REGISTERED.put(".net-fsharp", new FSharpTranslator());
        REGISTERED.put(".net-powershell", new PowerShellTranslator());
        REGISTERED.put("pysparkkernel", python);
        REGISTERED.put("sparkkernel", scala);
        REGISTERED.put("sparkrkernel", r);
        REGISTERED.put("bash", new BashTranslator());
    }

    private Translators() {
    }

    /**
     * The translator for a kernel, else for its language.
     *
     * @throws UnsupportedLanguageException listing the supported kernel names and languages
     */
    public static Translator find(KernelLanguage kernel) {
        Translator translator = REGISTERED.get(kernel.kernelName());
        if (translator == null) {
            translator = REGISTERED.get(kernel.language());
        }
        if (translator == null) {
            throw new UnsupportedLanguageException("No parameter translator for kernel '" + kernel.kernelName()
                    + "' or language '" + kernel.language() + "': supported kernel names and languages are "
                    + String.join(", ", REGISTERED.keySet()) + " (names are case-sensitive; give the run a"
                    + " supported language to override the notebook's)");
        }
        return translator;
    }
}
