package dev.berth.engine;

/** What an exec produced: its exit code (128+signal when killed) and its whole output. */
public record ExecResult(int exitCode, String stdout, String stderr) {
}
