package dev.berth.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.RunRequest;
import dev.berth.engine.core.Healthcheck;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code POST /containers/create} (Docker's {@code Config} with its
 * {@code HostConfig} and {@code NetworkingConfig}) into a {@link RunRequest}. Nulls and zero values
 * read as "not given"; a field berth cannot honour with the value given is refused with 400
 * naming it, so that no accepted option is silently ignored. {@code HostConfig} is read by
 * {@link HostConfigReader}.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Container/operation/ContainerCreate">ContainerCreate</a>
 */
final class CreateBodyReader {

    private static final Set<String> READ = Set.of("Image", "Cmd", "Entrypoint", "Env", "User", "WorkingDir",
            "Hostname", "Domainname", "Labels", "Tty", "OpenStdin", "StdinOnce", "ExposedPorts", "StopSignal",
            "StopTimeout", "Healthcheck", "Volumes", "HostConfig", "NetworkingConfig",
            // which streams a client attaches to is the attach request's business, not the container's
            "AttachStdin", "AttachStdout", "AttachStderr",
            // used by image builds only, or by Windows only: no effect on a Linux container at create
            "Shell", "OnBuild", "ArgsEscaped");

    private CreateBodyReader() {
    }

    /**
     * @param name the {@code name} query parameter; null or empty for a generated one
     * @throws ApiException 400 naming the field that is malformed or cannot be honoured
     */
    static RunRequest read(JsonNode body, String name) {
        WireFields config = new WireFields("", body);
        config.refuseOthers(READ);
        String image = config.text("Image");
        if (image == null || image.isEmpty()) {
            throw ApiException.badRequest("Config.Image is empty: name the image to create the container from");
        }
        RunRequest.Builder b = RunRequest.builder(image).name(name == null || name.isEmpty() ? null : name);
        List<String> cmd = config.strings("Cmd");
        if (cmd != null) {
            b.command(cmd);
        }
        b.entrypoint(entrypoint(config.strings("Entrypoint")));
        List<String> env = config.strings("Env");
        if (env != null) {
            env.forEach(b::env);
        }
        b.user(emptyToNull(config.text("User"))).workingDir(emptyToNull(config.text("WorkingDir")))
                .hostname(emptyToNull(config.text("Hostname"))).domainname(emptyToNull(config.text("Domainname")))
                .labels(config.stringMap("Labels"))
                .tty(config.bool("Tty")).openStdin(config.bool("OpenStdin")).stdinOnce(config.bool("StdinOnce"))
                .stopSignal(emptyToNull(config.text("StopSignal")));
        config.keys("ExposedPorts").forEach(b::exposedPort);
        if (config.raw("StopTimeout") != null) {
            b.stopTimeout((int) config.integer("StopTimeout", 0));
        }
        b.healthcheck(healthcheck(config.object("Healthcheck")));
        // Config.Volumes holds the anonymous volumes of "-v /path"
        config.keys("Volumes").forEach(b::volume);
        HostConfigReader.read(config.object("HostConfig"), config.object("NetworkingConfig"), b);
        return b.build();
    }

    /**
     * Docker's reading of Entrypoint: absent or {@code []} keeps the image's, {@code [""]} (what
     * {@code --entrypoint ""} sends) clears it.
     */
    private static List<String> entrypoint(List<String> given) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        return given.size() == 1 && given.getFirst().isEmpty() ? List.of() : given;
    }

    /** Config.Healthcheck with Docker's nanosecond durations; null when nothing is set (the image's applies). */
    private static Healthcheck healthcheck(WireFields h) {
        h.refuseOthers(Set.of("Test", "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries"));
        List<String> test = h.strings("Test");
        long interval = h.integer("Interval", 0);
        long timeout = h.integer("Timeout", 0);
        long startPeriod = h.integer("StartPeriod", 0);
        long startInterval = h.integer("StartInterval", 0);
        long retries = h.integer("Retries", 0);
        if ((test == null || test.isEmpty()) && interval == 0 && timeout == 0 && startPeriod == 0
                && startInterval == 0 && retries == 0) {
            return null;
        }
        return Healthcheck.ofNanos(test == null ? List.of() : test, interval, timeout, startPeriod, startInterval,
                (int) retries);
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
