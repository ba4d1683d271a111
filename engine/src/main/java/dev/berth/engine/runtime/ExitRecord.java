package dev.berth.engine.runtime;

/** The monitor's {@code exit.json}: how the container ended. */
record ExitRecord(int exitCode, int signal, String finishedAt, String error) {
}
