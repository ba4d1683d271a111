package dev.berth.cli.engine;

/**
 * Marks an engine verb that changes the engine's state (containers, images, volumes). Such verbs
 * act at once and have no dry run, so {@code --dry-run} is refused for them rather than ignored
 * (see {@code dev.berth.cli.GlobalOptionPolicy}).
 */
public interface ChangesEngineState {
}
