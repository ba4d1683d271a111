package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.runtime.ContainerInspect;
import dev.berth.engine.runtime.ContainerRuntime;
import dev.berth.engine.runtime.CreateOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes the engine's events with the attributes Docker gives them: a container's carry its labels,
 * {@code image} (as named at create) and {@code name}; an image's its {@code name}; a volume's its
 * {@code driver}.
 */
final class EventEmitter {

    private final EventBus bus;
    private final ContainerRuntime runtime;

    EventEmitter(EventBus bus, ContainerRuntime runtime) {
        this.bus = bus;
        this.runtime = runtime;
    }

    /** The attributes of a container's events: its labels, then image and name over them, as Docker does. */
    Map<String, String> containerAttributes(String id, String name) {
        Map<String, String> attributes = new HashMap<>();
        try {
            CreateOptions options = runtime.config(id);
            attributes.putAll(options.labels());
            attributes.put("image", options.imageName() != null ? options.imageName()
                    : options.imageId() != null ? options.imageId() : "");
        } catch (EngineException gone) {
            // removed by now (a destroy reads them before): the event still names the container
        }
        attributes.put("name", name);
        return attributes;
    }

    /** A container event with {@code extra} attributes, for the container {@code c} (read before the action). */
    void container(ContainerInspect c, String action, Map<String, String> extra) {
        containerWith(c.id(), action, containerAttributes(c.id(), c.name()), extra);
    }

    /** A container event with attributes read earlier (a destroyed container's). */
    void containerWith(String id, String action, Map<String, String> attributes, Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(attributes);
        all.putAll(extra);
        bus.publish(EngineEvent.CONTAINER, action, id, all);
    }

    void image(String id, String action, String name) {
        bus.publish(EngineEvent.IMAGE, action, id, Map.of("name", name));
    }

    /** Docker's {@code prune} event of a type: no actor, the bytes freed as {@code reclaimed}. */
    void prune(String type, long reclaimed) {
        bus.publish(type, "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
    }

    void volume(String name, String action, String driver) {
        bus.publish(EngineEvent.VOLUME, action, name, Map.of("driver", driver));
    }
}
