package dev.berth.engine.runtime.launch;

import dev.berth.engine.core.EngineException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the berth-launch binary, first match wins:
 * <ol>
 *   <li>the system property {@code berth.launcher};</li>
 *   <li>the environment variable {@code BERTH_LAUNCHER};</li>
 *   <li>{@code berth-launch} next to the jar or class folder holding this class, or in a
 *       {@code native/} folder beside it (the Maven build writes {@code engine/target/native/});</li>
 *   <li>{@code engine/target/native/berth-launch} under the current folder.</li>
 * </ol>
 */
public final class LauncherBinary {

    private LauncherBinary() {
    }

    public static Path locate() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("berth.launcher");
        if (prop != null && !prop.isBlank()) {
            return checked(Path.of(prop), "system property berth.launcher");
        }
        String env = System.getenv("BERTH_LAUNCHER");
        if (env != null && !env.isBlank()) {
            return checked(Path.of(env), "environment variable BERTH_LAUNCHER");
        }
        try {
            Path code = Path.of(LauncherBinary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = code.getParent();
            candidates.add(dir.resolve("berth-launch"));
            candidates.add(dir.resolve("native/berth-launch"));
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): fall through to the working-folder candidate
        }
        candidates.add(Path.of("engine/target/native/berth-launch"));
        for (Path c : candidates) {
            if (Files.isExecutable(c)) {
                return c.toAbsolutePath();
            }
        }
        throw new EngineException("cannot find the berth-launch binary (looked in " + candidates
                + "): build the engine module (mvn -pl engine package) or set BERTH_LAUNCHER");
    }

    private static Path checked(Path p, String source) {
        if (!Files.isExecutable(p)) {
            throw new EngineException("berth-launch binary " + p + " named by the " + source
                    + " is missing or not executable");
        }
        return p.toAbsolutePath();
    }
}
