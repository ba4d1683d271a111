package dev.berth.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One in-process run of {@code berth}: its exit code and what it printed. */
record BerthRun(int exitCode, String out, String err) {

    /** Runs {@code berth args} in {@code workingDir} with {@code environment} and {@code stdin}. */
    static BerthRun run(Path workingDir, Map<String, String> environment, String stdin, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ProcessContext process = new ProcessContext(environment, workingDir, Path.of("/home/user"),
                () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int code = Main.run(process, new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new BerthRun(code, out.toString(), err.toString());
    }

    static BerthRun run(Path workingDir, String... args) {
        return run(workingDir, Map.of(), "", List.of(args));
    }
}
