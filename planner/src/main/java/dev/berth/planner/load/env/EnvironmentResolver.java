package dev.berth.planner.load.env;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

import dev.berth.planner.StackException;
import dev.berth.planner.load.text.PathCheck;
import dev.berth.planner.tree.LocatedPaths;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Resolves each service's container environment on the merged canonical model, as
 * {@code docker compose config} prints it (compose-spec 05-services.md#environment and
 * #env_file): the {@code env_file} entries ({@code {path, required, format}}) are read in order,
 * a later file overriding an earlier one, {@code environment} overriding them all; an entry with
 * no value takes it from the interpolation environment or is dropped when unset there, likewise
 * for {@code build.args}; {@code env_file} is then removed.
 */
public final class EnvironmentResolver {

    private final InterpolationEnvironment environment;
    private final Path projectDir;

    public EnvironmentResolver(InterpolationEnvironment environment, Path projectDir) {
        this.environment = environment;
        this.projectDir = projectDir;
    }

    /** The model with every service's environment resolved. */
    public MapNode resolve(MapNode model) {
        if (!(model.get("services") instanceof MapNode services)) {
            return model;
        }
        return model.with("services", services.mapValues((name, service) ->
                service instanceof MapNode s ? resolveService(s) : service));
    }

    /**
     * The model with every service's {@code env_file} kept, as {@code docker compose config
     * --no-env-resolution} prints it: each entry without {@code required} when it is true
     * (compose-go's {@code OptOut} is omitted when true).
     */
    public static MapNode unresolved(MapNode model) {
        if (!(model.get("services") instanceof MapNode services)) {
            return model;
        }
        return model.with("services", services.mapValues((name, service) -> {
            if (!(service instanceof MapNode s) || !(s.get("env_file") instanceof SeqNode files)) {
                return service;
            }
            return s.with("env_file", files.withItems(files.items().stream().map(entry ->
                    entry instanceof MapNode e && e.get("required") instanceof ScalarNode r
                            && Boolean.TRUE.equals(r.value()) ? e.without("required") : entry).toList()));
        }));
    }

    private MapNode resolveService(MapNode service) {
        Map<String, Node> merged = new LinkedHashMap<>();
        Map<String, Location> keyLocations = new LinkedHashMap<>();
        if (service.get("env_file") instanceof SeqNode files) {
            for (Node entry : files.items()) {
                readEnvFile(entry, merged, keyLocations);
            }
        }
        Location envLocation = service.has("environment") ? service.get("environment").location()
                : service.keyLocation("env_file");
        if (service.get("environment") instanceof MapNode env) {
            for (String key : env.keys()) {
                merged.put(key, env.get(key));
                keyLocations.put(key, env.keyLocation(key));
            }
        }
        MapNode result = service.without("env_file");
        if (!merged.isEmpty() || service.has("environment")) {
            MapNode resolved = fillFromEnvironment(merged, keyLocations, envLocation);
            if (resolved.size() == 0) {
                // Compose omits an empty environment (omitempty), whether written empty or emptied here.
                result = result.without("environment");
            } else {
                result = result.has("environment") ? result.with("environment", resolved)
                        : result.with("environment", resolved, service.keyLocation("env_file"));
            }
        }
        if (result.get("build") instanceof MapNode build && build.get("args") instanceof MapNode args) {
            Map<String, Location> argKeys = new LinkedHashMap<>();
            args.keys().forEach(k -> argKeys.put(k, args.keyLocation(k)));
            result = result.with("build", build.with("args",
                    fillFromEnvironment(args.entries(), argKeys, args.location())));
        }
        return result;
    }

    private MapNode fillFromEnvironment(Map<String, Node> entries, Map<String, Location> keyLocations,
                                        Location location) {
        SequencedMap<String, Node> out = new LinkedHashMap<>();
        Map<String, Location> outKeys = new HashMap<>();
        for (var e : entries.entrySet()) {
            Node value = e.getValue();
            if (value instanceof ScalarNode s && s.isNull()) {
                String inherited = environment.get(e.getKey());
                if (inherited == null) {
                    continue;
                }
                value = s.withValue(inherited);
            }
            out.put(e.getKey(), value);
            outKeys.put(e.getKey(), keyLocations.get(e.getKey()));
        }
        return new MapNode(out, outKeys, location, null);
    }

    private void readEnvFile(Node entry, Map<String, Node> merged, Map<String, Location> keyLocations) {
        if (!(entry instanceof MapNode spec) || !(spec.get("path") instanceof ScalarNode pathNode)
                || !pathNode.isString()) {
            throw new StackException(entry.location() + ": env_file entry must have a path");
        }
        Path path = LocatedPaths.resolve(projectDir, (String) pathNode.value(), pathNode.location());
        boolean required = !(spec.get("required") instanceof ScalarNode r && Boolean.FALSE.equals(r.value()));
        boolean raw = spec.get("format") instanceof ScalarNode f && "raw".equals(f.value());
        Optional<String> problem = PathCheck.problem(path);
        if (PathCheck.missing(problem)) {
            if (required) {
                throw new StackException(pathNode.location() + ": env file " + path
                        + " not found (create it, or mark it required: false)");
            }
            return;
        }
        if (problem.isPresent()) {
            throw new StackException(pathNode.location() + ": env file " + path + " " + problem.get());
        }
        Location fileLocation = new Location(path.toString(), 0, 0);
        EnvFileReader.read(path, raw, environment::get).forEach((k, v) -> {
            merged.put(k, ScalarNode.of(v, fileLocation));
            keyLocations.put(k, fileLocation);
        });
    }
}
