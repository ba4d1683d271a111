package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import java.util.regex.Pattern;

/**
 * Refuses a {@link RunRequest} that Docker's daemon refuses at create, with Docker's words, before
 * anything is made for it: the container name ({@code daemon/names.go}), the working directory and
 * the environment ({@code validateContainerConfig}). Mounts over {@code /proc} are checked by
 * {@link ProcMountCheck} once the image is known.
 */
final class RunRequestValidator {

    /** Docker's {@code validContainerNameChars}, as its message prints them. */
    static final String NAME_CHARS = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
    private static final Pattern NAME = Pattern.compile("^/?" + NAME_CHARS + "+$");

    private RunRequestValidator() {
    }

    /** @throws EngineException with Docker's message for the first thing Docker would refuse */
    static void validate(RunRequest request) {
        checkName(request.name());
        checkWorkingDir(request.workingDir());
        request.env().forEach(RunRequestValidator::checkEnv);
        request.exposedPorts().forEach(RunRequestValidator::checkExposedPort);
    }

    private static final Pattern PORT = Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?(?:/(tcp|udp|sctp))?$");

    /** An exposed port as the image config and {@code Config.ExposedPorts} hold it: {@code 80/tcp}. */
    static String normalisedPort(String port) {
        return port.contains("/") ? port : port + "/tcp";
    }

    static void checkExposedPort(String port) {
        var m = PORT.matcher(port);
        if (!m.matches() || !inRange(m.group(1)) || (m.group(2) != null && !inRange(m.group(2)))) {
            throw new EngineException("invalid exposed port \"" + port
                    + "\": expected PORT[-PORT][/PROTOCOL] with ports from 1 to 65535 and tcp, udp or sctp");
        }
    }

    private static boolean inRange(String digits) {
        int n = Integer.parseInt(digits);
        return n >= 1 && n <= 65535;
    }

    /** The name as the runtime records it: without the leading slash Docker allows; null for none. */
    static String normalisedName(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    static void checkName(String name) {
        if (name != null && !name.isEmpty() && !NAME.matcher(name).matches()) {
            throw new EngineException("Invalid container name (" + name + "), only " + NAME_CHARS + " are allowed");
        }
    }

    static void checkWorkingDir(String workingDir) {
        if (workingDir != null && !workingDir.isEmpty() && !workingDir.startsWith("/")) {
            throw new EngineException("the working directory '" + workingDir
                    + "' is invalid, it needs to be an absolute path");
        }
    }

    static void checkEnv(String entry) {
        int eq = entry.indexOf('=');
        String name = eq < 0 ? entry : entry.substring(0, eq);
        if (name.isEmpty()) {
            throw new EngineException("invalid environment variable: " + entry);
        }
    }
}
