package dev.berth.planner.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.berth.planner.StackException;
import dev.berth.planner.load.merge.Merger;
import dev.berth.planner.load.project.ConfigFile;
import dev.berth.planner.load.tree.LocatedPaths;
import dev.berth.planner.load.tree.Location;
import dev.berth.planner.load.tree.MapNode;
import dev.berth.planner.load.tree.Node;
import dev.berth.planner.load.tree.ScalarNode;

/**
 * Resolves {@code extends} (compose-spec 05-services.md#extends, compose.md 1.4.10): a service
 * inherits the definition of another service of the same file, or of another file named relative
 * to the extending file, recursively, merged with the multi-file merge rules, the extending
 * service's values winning. Cycles and missing services are located errors.
 */
final class Extender {

    /** A service in a file: one step of an {@code extends} chain. */
    private record Step(ConfigFile file, String service) {
    }

    private final Function<Path, MapNode> canonicalFile;
    private final Path stdinDir;

    /**
     * @param canonicalFile the canonical (interpolated, validated, canonicalised) document of
     *                      another stack file, by absolute path
     * @param stdinDir      the directory relative {@code file:} names are resolved against when the
     *                      extending file is standard input
     */
    Extender(Function<Path, MapNode> canonicalFile, Path stdinDir) {
        this.canonicalFile = canonicalFile;
        this.stdinDir = stdinDir;
    }

    /** The document with every service's {@code extends} resolved and removed. */
    MapNode apply(MapNode document, ConfigFile file) {
        if (!(document.get("services") instanceof MapNode services)) {
            return document;
        }
        return document.with("services", services.mapValues((name, service) ->
                resolve(name, services, file, new ArrayList<>())));
    }

    private Node resolve(String name, MapNode services, ConfigFile file, List<Step> chain) {
        Node node = services.get(name);
        if (!(node instanceof MapNode service) || !service.has("extends")) {
            return node;
        }
        Node ext = service.get("extends");
        String baseName = text(ext, "service");
        String baseFileName = ext instanceof MapNode m ? text(m, "file") : null;
        if (baseName == null) {
            throw new StackException(ext.location() + ": extends of service \"" + name
                    + "\" must name a service (extends: NAME or extends: {service: NAME, file: FILE})");
        }
        ConfigFile baseFile = file;
        MapNode baseServices = services;
        if (baseFileName != null) {
            Path dir = file.isStdin() ? stdinDir : file.path().getParent();
            Location fileAt = ((MapNode) ext).get("file").location();
            Path path = LocatedPaths.resolve(dir, baseFileName, fileAt);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new StackException(fileAt + ": extends of service \"" + name + "\": cannot read file \""
                        + baseFileName + "\" (" + path + "); check the name and that the file exists");
            }
            baseFile = ConfigFile.of(path);
            MapNode other = canonicalFile.apply(path);
            baseServices = other.get("services") instanceof MapNode s ? s : MapNode.empty(other.location());
        }
        Step here = new Step(file, name);
        chain.add(here);
        Step target = new Step(baseFile, baseName);
        if (chain.contains(target)) {
            chain.add(target);
            throw new StackException(ext.location() + ": circular reference with extends: " + describe(chain));
        }
        if (!(baseServices.get(baseName) instanceof MapNode)) {
            throw new StackException(ext.location() + ": cannot extend service \"" + name + "\" in "
                    + baseFile.name() + ": service \"" + baseName + "\" not found");
        }
        MapNode base = (MapNode) resolve(baseName, baseServices, baseFile, chain);
        chain.removeLast();
        return Merger.mergeService(base, service.without("extends"));
    }

    private static String describe(List<Step> chain) {
        ConfigFile first = chain.getFirst().file();
        List<String> parts = new ArrayList<>();
        for (Step s : chain) {
            parts.add(Objects.equals(s.file(), first) ? s.service() : s.service() + " (" + s.file().name() + ")");
        }
        return String.join(" -> ", parts);
    }

    private static String text(Node node, String key) {
        if (node instanceof ScalarNode s && s.isString() && key.equals("service")) {
            return (String) s.value();
        }
        if (node instanceof MapNode m && m.get(key) instanceof ScalarNode s && s.isString()) {
            return (String) s.value();
        }
        return null;
    }
}
