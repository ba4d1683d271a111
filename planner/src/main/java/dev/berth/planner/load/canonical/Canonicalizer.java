package dev.berth.planner.load.canonical;

import java.nio.file.Path;
import java.util.Objects;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * Rewrites every short syntax of one validated stack document into the canonical long form that
 * {@code docker compose config --format json} prints, with Compose's key names. Every node made
 * carries the location of the value it came from; merge directives stay where they were written.
 */
public final class Canonicalizer {

    /**
     * The canonical form of {@code document}, with relative host paths resolved against
     * {@code baseDir} and {@code ~} against {@code homeDir}.
     */
    public MapNode canonicalize(MapNode document, Path baseDir, Path homeDir) {
        return canonicalize(document, baseDir, homeDir, CanonicalOptions.standard());
    }

    /**
     * The canonical form of {@code document}; host paths are resolved as
     * {@link #canonicalize(MapNode, Path, Path)} does unless {@code options} say not to, and
     * unparsable service attributes kept as written when they say so.
     */
    public MapNode canonicalize(MapNode document, Path baseDir, Path homeDir, CanonicalOptions options) {
        PathResolver paths = new PathResolver(baseDir.toAbsolutePath().normalize(), homeDir, options.resolvePaths());
        ServiceCanonicalizer services = new ServiceCanonicalizer(paths, options.keepUnparsable());
        return document.mapValues((key, value) -> Nodes.keep(value, switch (key) {
            case "services" -> value instanceof MapNode m
                    ? m.mapValues((name, s) -> s instanceof MapNode svc ? services.canonical(name, svc) : s)
                    : value;
            case "networks", "volumes" -> resources(key, value, false, paths);
            case "secrets", "configs" -> resources(key, value, true, paths);
            default -> value;
        }));
    }

    /** Top-level resources: null becomes an empty mapping, {@code external: {name}} becomes {@code external: true} and {@code name}. */
    private static Node resources(String kind, Node value, boolean files, PathResolver paths) {
        if (!(value instanceof MapNode m)) {
            return value;
        }
        return m.mapValues((name, def) -> {
            if (def instanceof ScalarNode s && s.isNull()) {
                return Nodes.keep(s, MapNode.empty(s.location()));
            }
            if (!(def instanceof MapNode d)) {
                return def;
            }
            MapNode out = d;
            if (d.get("external") instanceof MapNode ext) {
                out = out.with("external", Nodes.keep(ext, Nodes.bool(true, ext.location())));
                if (ext.has("name") && !d.has("name")) {
                    out = out.with("name", ext.get("name"));
                } else if (ext.has("name") && !Objects.equals(Nodes.text(ext.get("name")), Nodes.text(d.get("name")))) {
                    throw new StackException(ext.get("name").location() + ": " + kind + "." + name
                            + ": name and external.name conflict; only use name");
                }
            }
            if (d.has("labels")) {
                out = out.with("labels", Dicts.strings(d.get("labels")));
            }
            if (d.get("driver_opts") instanceof MapNode opts) {
                out = out.with("driver_opts", Dicts.strings(opts));
            }
            if (files && d.get("file") instanceof ScalarNode f && f.isString()) {
                out = out.with("file", f.withValue(paths.resolve((String) f.value(), f.location())));
            }
            return out;
        });
    }

}
