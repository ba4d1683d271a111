package dev.berth.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Compose's global options, accepted before or after the verb. */
public final class GlobalOptions {

    @Option(names = {"-f", "--file"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Stack file; repeat to merge several (- reads standard input).")
    List<String> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Project name.")
    String projectName;

    @Option(names = "--project-directory", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Working directory of the project (default: the first file's folder).")
    Path projectDirectory;

    @Option(names = "--env-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Environment file for interpolation; repeatable, later files win.")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "PROFILE",
            description = "Enable a profile; repeatable.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--ansi", scope = ScopeType.INHERIT, paramLabel = "WHEN",
            description = "Control characters: never, always, auto (default: auto).")
    String ansi = "auto";

    @Option(names = "--progress", scope = ScopeType.INHERIT, paramLabel = "TYPE",
            description = "Progress output: auto, tty, plain, json, quiet (default: auto).")
    String progress = "auto";

    @Option(names = "--dry-run", scope = ScopeType.INHERIT,
            description = "Show what would be done without doing it.")
    boolean dryRun;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean debug;

    public List<String> files() {
        return List.copyOf(files);
    }

    public String projectName() {
        return projectName;
    }

    public Path projectDirectory() {
        return projectDirectory;
    }

    public List<Path> envFiles() {
        return List.copyOf(envFiles);
    }

    public List<String> profiles() {
        return List.copyOf(profiles);
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean debug() {
        return debug;
    }
}
