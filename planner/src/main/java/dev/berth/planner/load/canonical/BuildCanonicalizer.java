package dev.berth.planner.load.canonical;

import java.util.SequencedMap;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * {@code build} in long form (compose-spec {@code build.md}): a string is the context; a local
 * context becomes an absolute path, a remote one (URL, git) is kept; key-value attributes become
 * mappings; {@code provenance} and {@code sbom} are text ({@code true} is {@code "true"}, as
 * compose-go's {@code transformStringOrX} makes it). Defaults ({@code context: .}, {@code dockerfile: Dockerfile}) are added after merging,
 * by the normalizer, so that an override file that omits them does not reset them.
 */
final class BuildCanonicalizer {

    private final PathResolver paths;

    BuildCanonicalizer(PathResolver paths) {
        this.paths = paths;
    }

    Node canonical(Node value, String path) {
        return switch (value) {
            case ScalarNode s when s.isString() -> {
                SequencedMap<String, Node> e = Nodes.entries();
                e.put("context", context(s));
                yield Nodes.map(s.location(), e);
            }
            case MapNode m -> m.mapValues((k, v) -> Nodes.keep(v, switch (k) {
                case "context" -> v instanceof ScalarNode s && s.isString() ? context(s) : v;
                case "args" -> Dicts.withEquals(v, path + ".args");
                case "labels", "additional_contexts" -> Dicts.strings(v);
                case "ssh" -> Dicts.sshKeys(v);
                case "provenance", "sbom" -> Nodes.asString(v);
                case "shm_size" -> ByteSizes.canonical(v, path + ".shm_size");
                case "extra_hosts" -> ServiceCanonicalizer.extraHosts(v, path + ".extra_hosts");
                case "secrets" -> ServiceCanonicalizer.each(v, path + ".secrets", ServiceCanonicalizer::fileReference);
                case "no_cache_filter" -> Dicts.list(v);
                default -> v;
            }));
            default -> value;
        };
    }

    private ScalarNode context(ScalarNode s) {
        String context = (String) s.value();
        return PathResolver.isRemote(context) ? s : s.withValue(paths.resolve(context, s.location()));
    }
}
