package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.image.ImageConfig;
import dev.berth.engine.runtime.EnvEntries;
import dev.berth.engine.runtime.Signals;
import java.util.List;

/**
 * A request merged with its image's config as {@code docker run} merges them: Env (image first,
 * then the request's entries by name), Entrypoint and Cmd (a given command replaces Cmd, a given
 * entrypoint drops the image's Cmd too), WorkingDir, User and StopSignal.
 *
 * @param env        the merged environment, without the runtime's PATH, HOSTNAME and HOME defaults
 * @param entrypoint the entrypoint, empty for none
 * @param command    the command (the entrypoint's arguments when there is one)
 * @param workingDir null for {@code /}
 * @param user       null for root
 * @param stopSignal the signal number stop sends
 */
public record ImageDefaults(List<String> env, List<String> entrypoint, List<String> command, String workingDir,
                            String user, int stopSignal) {

    private static final int SIGTERM = 15;

    public ImageDefaults {
        env = List.copyOf(env);
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
    }

    /**
     * Merges {@code request} over {@code image}.
     *
     * @throws EngineException {@code No command specified} when neither gives a command (an
     *                         imported image has none), as Docker
     */
    public static ImageDefaults apply(ImageConfig image, RunRequest request) {
        List<String> entrypoint = request.entrypoint() != null ? request.entrypoint() : orEmpty(image.entrypoint());
        List<String> command = !request.command().isEmpty() ? request.command()
                : request.entrypoint() != null ? List.of() : orEmpty(image.cmd());
        if (entrypoint.isEmpty() && command.isEmpty()) {
            throw new EngineException("No command specified");
        }
        String workingDir = blankToNull(request.workingDir()) != null ? request.workingDir()
                : blankToNull(image.workingDir());
        String user = blankToNull(request.user()) != null ? request.user() : blankToNull(image.user());
        String signal = blankToNull(request.stopSignal()) != null ? request.stopSignal()
                : blankToNull(image.stopSignal());
        return new ImageDefaults(EnvEntries.merge(image.env(), request.env()), entrypoint, command, workingDir, user,
                signal == null ? SIGTERM : Signals.parse(signal));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
