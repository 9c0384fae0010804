package io.quire.gateway.kernels;

/** A kernel was asked for by a kernelspec name that is not installed. */
public class UnknownKernelSpecException extends RuntimeException {

    private final String name;

    public UnknownKernelSpecException(String name) {
        super("no kernelspec named '" + name + "' is installed (GET /api/kernelspecs lists them)");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
