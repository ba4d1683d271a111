package dev.berth.planner.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.function.Function;

import dev.berth.planner.StackException;
import dev.berth.planner.load.merge.Merger;
import dev.berth.planner.load.project.ConfigFile;
import dev.berth.planner.load.text.PathCheck;
import dev.berth.planner.tree.LocatedPaths;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * Resolves {@code extends} (compose-spec 05-services.md#extends, compose.md 1.4.10): a service
 * inherits the definition of another service of the same file, or of another file named relative
 * to the extending file, recursively, merged with the multi-file merge rules, the extending
 * service's values winning. Cycles and missing services are located errors.
 *
 * <p>A chain is walked in a loop, not by recursion, and each service is resolved once per document:
 * a chain of any length costs time and stack in proportion to its length.
 */
final class Extender {

    /** A service in a file: one step of an {@code extends} chain. */
    private record Step(ConfigFile file, String service) {
    }

    /** A service on the way down a chain, with the services it was found among. */
    private record Link(Step step, MapNode service, MapNode services) {
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
        // Services already resolved, by the services mapping they were found in (this document's,
        // or another file's canonical one) and their step.
        Map<MapNode, Map<Step, MapNode>> resolved = new IdentityHashMap<>();
        return document.with("services", services.mapValues((name, service) ->
                resolve(new Step(file, name), services, resolved)));
    }

    private Node resolve(Step start, MapNode startServices, Map<MapNode, Map<Step, MapNode>> resolved) {
        SequencedSet<Step> chain = new LinkedHashSet<>();
        List<Link> pending = new ArrayList<>();
        Step step = start;
        MapNode services = startServices;
        Node node = services.get(step.service());
        MapNode base;
        while (true) {
            MapNode done = resolved.computeIfAbsent(services, s -> new HashMap<>()).get(step);
            if (done != null) {
                base = done;
                break;
            }
            if (!(node instanceof MapNode service) || !service.has("extends")) {
                if (pending.isEmpty()) {
                    return node;
                }
                base = (MapNode) node;
                break;
            }
            chain.add(step);
            pending.add(new Link(step, service, services));
            Node ext = service.get("extends");
            String baseName = text(ext, "service");
            String baseFileName = ext instanceof MapNode m ? text(m, "file") : null;
            if (baseName == null) {
                throw new StackException(ext.location() + ": extends of service \"" + step.service()
                        + "\" must name a service (extends: NAME or extends: {service: NAME, file: FILE})");
            }
            ConfigFile baseFile = step.file();
            MapNode baseServices = services;
            if (baseFileName != null) {
                baseFile = otherFile(step, (MapNode) ext, baseFileName);
                MapNode other = canonicalFile.apply(baseFile.path());
                baseServices = other.get("services") instanceof MapNode s ? s : MapNode.empty(other.location());
            }
            Step target = new Step(baseFile, baseName);
            if (chain.contains(target)) {
                List<Step> cycle = new ArrayList<>(chain);
                cycle.add(target);
                throw new StackException(ext.location() + ": circular reference with extends: " + describe(cycle));
            }
            if (!(baseServices.get(baseName) instanceof MapNode)) {
                throw new StackException(ext.location() + ": cannot extend service \"" + step.service() + "\" in "
                        + baseFile.name() + ": service \"" + baseName + "\" not found");
            }
            step = target;
            services = baseServices;
            node = baseServices.get(baseName);
        }
        for (Link link : pending.reversed()) {
            base = Merger.mergeService(base, link.service().without("extends"));
            resolved.get(link.services()).put(link.step(), base);
        }
        return base;
    }

    /** The file an {@code extends: {file: ...}} names, which must be a regular file. */
    private ConfigFile otherFile(Step step, MapNode ext, String baseFileName) {
        Path dir = step.file().isStdin() ? stdinDir : step.file().path().getParent();
        Location fileAt = ext.get("file").location();
        Path path = LocatedPaths.resolve(dir, baseFileName, fileAt);
        Optional<String> problem = PathCheck.problem(path);
        if (problem.isPresent()) {
            String why = PathCheck.missing(problem) ? "; check the name and that the file exists"
                    : ": " + problem.get();
            throw new StackException(fileAt + ": extends of service \"" + step.service() + "\": cannot read file \""
                    + baseFileName + "\" (" + path + ")" + why);
        }
        return ConfigFile.of(path);
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
