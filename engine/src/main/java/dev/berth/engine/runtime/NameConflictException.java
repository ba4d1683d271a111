package dev.berth.engine.runtime;

import dev.berth.engine.core.EngineException;

/**
 * A container, or a create in progress, already has the name asked for; the message is Docker's
 * (moby {@code daemon/names.go}), with the name as Docker shows it (a leading slash).
 */
public final class NameConflictException extends EngineException {

    private final String holder;

    public NameConflictException(String name, String holder) {
        super("Conflict. The container name \"/" + name + "\" is already in use by container \"" + holder
                + "\". You have to remove (or rename) that container to be able to reuse that name.");
        this.holder = holder;
    }

    /** The ID of the container that has the name. */
    public String holder() {
        return holder;
    }
}
