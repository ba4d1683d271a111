package dev.berth.engine.image;

import java.util.Locale;

/** This machine's platform in OCI terms. */
public final class Platform {

    private Platform() {
    }

    /** The OCI architecture name ({@code amd64}, {@code arm64}, ...) of the running JVM. */
    public static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }
}
