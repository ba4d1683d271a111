/**
 * The engine daemon's lifecycle ({@code berth engine serve}): its configuration (flags, {@code BERTH_*}
 * variables, daemon.json), its claim on the data root (lock, format version), its PID and log files,
 * its socket's access rights, and graceful shutdown. The engine plugs in through
 * {@link dev.berth.engine.daemon.EngineBinding}.
 */
package dev.berth.engine.daemon;
