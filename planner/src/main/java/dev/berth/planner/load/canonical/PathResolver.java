package dev.berth.planner.load.canonical;

import java.nio.file.Path;

/** Resolves host paths written in a stack file: {@code ~} against the home folder, relative paths against the file's folder. */
record PathResolver(Path baseDir, Path homeDir) {

    String resolve(String path) {
        if (path.equals("~")) {
            return homeDir.toString();
        }
        if (path.startsWith("~/")) {
            return homeDir.resolve(path.substring(2)).normalize().toString();
        }
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p.normalize().toString();
        }
        return baseDir.resolve(p).normalize().toAbsolutePath().toString();
    }

    /** True for a build context that is a remote location rather than a folder. */
    static boolean isRemote(String context) {
        return context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/");
    }
}
