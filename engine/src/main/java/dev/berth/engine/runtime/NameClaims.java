package dev.berth.engine.runtime;

import dev.berth.engine.core.EngineException;
import java.io.IOException;

/**
 * Who holds a container name on the data root: a container, or a create in progress in a live
 * process (its reservation). Call under the store's lock, so that of two claims to one name
 * exactly one wins, across processes.
 */
final class NameClaims {

    private final ContainerStore store;

    NameClaims(ContainerStore store) {
        this.store = store;
    }

    /** @throws NameConflictException with Docker's message when the name is held */
    void requireFree(String name) throws IOException {
        for (ContainerState s : store.loadAll()) {
            if (s.name().equals(name)) {
                throw new NameConflictException(name, s.id());
            }
        }
        for (Reservation r : store.reservations()) {
            if (name.equals(r.name()) && r.creatorAlive()) {
                throw new NameConflictException(name, r.id());
            }
        }
    }

    /**
     * The state of container {@code id} under {@code newName}, once the name is known to be free.
     *
     * @throws EngineException with Docker's words when it is the container's name already
     */
    ContainerState renamed(String id, String newName) throws IOException {
        ContainerState s = store.state(id).orElseThrow(() -> new NoSuchContainerException(id));
        if (s.name().equals(newName)) {
            throw new EngineException("Renaming a container with the same name as its current name");
        }
        requireFree(newName);
        return s.withName(newName);
    }
}
