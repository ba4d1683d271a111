package dev.berth.engine.runtime.launch;

/** What an exec produced: its exit code (128+signal when killed) and its output. */
public record ExecResult(int exitCode, String stdout, String stderr) {
}
