package dev.berth.engine.api;

/**
 * A group of related routes (system, containers, images, volumes, networks, exec), one class per
 * group, each registering its routes with the {@link Router}.
 */
public interface RouteGroup {

    void register(Router router);
}
