package dev.berth.planner.load.project;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.berth.planner.StackException;

/**
 * The project name (compose.md 1.4.8, compose-spec 02-model.md): {@code -p} over
 * {@code COMPOSE_PROJECT_NAME} over the top-level {@code name:} over the project directory's
 * base name. Names given by {@code -p} or the environment are validated as written; names from
 * the file or the directory are normalised (lower case, only {@code [a-z0-9_-]}, no leading
 * {@code _} or {@code -}).
 */
public final class ProjectName {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

    private ProjectName() {
    }

    /** The name by precedence; any argument but {@code projectDir} may be null or blank. */
    public static String resolve(String flag, String fromEnvironment, String fromModel, Path projectDir) {
        if (flag != null && !flag.isEmpty()) {
            return validate(flag);
        }
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return validate(fromEnvironment);
        }
        String name = fromModel != null && !fromModel.isEmpty() ? normalize(fromModel)
                : normalize(projectDir.getFileName() == null ? "" : projectDir.getFileName().toString());
        if (name.isEmpty()) {
            throw new StackException("project name must not be empty; set one with -p or a top-level name:");
        }
        return name;
    }

    /** {@code name} when it is a valid project name, else a {@link StackException} with Compose's wording. */
    public static String validate(String name) {
        if (!VALID.matcher(name).matches()) {
            throw new StackException("invalid project name \"" + name + "\": must consist only of lowercase "
                    + "alphanumeric characters, hyphens, and underscores as well as start with a letter or number");
        }
        return name;
    }

    /** Lower case, characters outside {@code [a-z0-9_-]} dropped, leading {@code _} and {@code -} trimmed. */
    public static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return lower.replaceFirst("^[_-]+", "");
    }
}
