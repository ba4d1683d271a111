package dev.berth.planner.load.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeSet;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;
import dev.berth.planner.units.Durations;

/** Rewrites one service definition into canonical long form, key by key (compose-spec {@code 05-services.md}). */
final class ServiceCanonicalizer {

    private final PathResolver paths;
    private final boolean keepUnparsable;

    /** @param keepUnparsable keep an attribute whose short syntax does not parse as written, instead of refusing it */
    ServiceCanonicalizer(PathResolver paths, boolean keepUnparsable) {
        this.paths = paths;
        this.keepUnparsable = keepUnparsable;
    }

    MapNode canonical(String name, MapNode service) {
        String base = "services." + name;
        return service.mapValues((key, value) -> Nodes.keep(value,
                keepUnparsable ? lenient(key, value, base + "." + key) : key(key, value, base + "." + key)));
    }

    private Node lenient(String key, Node value, String path) {
        if (key.equals("command") || key.equals("entrypoint")) {
            // Split only once interpolated: "${A:-a b}" is one word; compose-go's model keeps the string.
            return value;
        }
        try {
            return key(key, value, path);
        } catch (StackException e) {
            return value;
        }
    }

    private Node key(String key, Node value, String path) {
        return switch (key) {
            case "build" -> new BuildCanonicalizer(paths).canonical(value, path);
            case "command", "entrypoint" -> command(value, path);
            case "environment" -> Dicts.withEquals(value, path);
            case "labels", "annotations", "sysctls" -> Dicts.strings(value);
            case "env_file" -> envFiles(value);
            case "dns" -> Dicts.nonEmptyList(value);
            case "label_file", "dns_search", "tmpfs" -> Dicts.list(value);
            case "expose", "group_add" -> Dicts.stringItems(value);
            case "ports" -> eachExpanded(value, path, PortParser::canonical);
            case "volumes" -> each(value, path, (item, p) -> VolumeParser.canonical(item, p, paths));
            case "depends_on" -> DependsOn.canonical(value);
            case "networks", "models" -> networks(value);
            case "gpus" -> gpus(value, path);
            case "develop" -> develop(value, path);
            case "pre_start", "post_start", "pre_stop" -> each(value, path, this::hook);
            case "secrets", "configs" -> each(value, path, ServiceCanonicalizer::fileReference);
            case "healthcheck" -> healthcheck(value, path);
            case "stop_grace_period" -> Durations.canonical(value, path);
            case "shm_size", "mem_limit", "mem_reservation", "memswap_limit", "mem_swappiness" -> ByteSizes.canonical(value, path);
            case "cpus" -> Numbers.decimal(value, path);
            case "deploy" -> DeployCanonicalizer.canonical(value, path);
            case "extra_hosts" -> extraHosts(value, path);
            case "devices" -> each(value, path, ServiceCanonicalizer::device);
            case "blkio_config" -> blkio(value, path);
            case "logging" -> logging(value);
            default -> value;
        };
    }

    static Node command(Node value, String path) {
        if (value instanceof ScalarNode s && s.isString()) {
            try {
                List<Node> words = new ArrayList<>();
                for (String w : ShellWords.split((String) s.value())) {
                    words.add(Nodes.str(w, s.location()));
                }
                return SeqNode.of(words, s.location());
            } catch (IllegalArgumentException e) {
                throw new StackException(s.location() + ": " + path + ": " + e.getMessage() + " in \"" + s.value()
                        + "\" (close the quote or use the list form)");
            }
        }
        return value;
    }

    private Node envFiles(Node value) {
        List<Node> items = value instanceof SeqNode seq ? seq.items() : List.of(value);
        List<Node> out = new ArrayList<>();
        for (Node item : items) {
            Location at = item.location();
            switch (item) {
                case ScalarNode s when s.value() != null -> {
                    SequencedMap<String, Node> e = Nodes.entries();
                    e.put("path", Nodes.str(paths.resolve(s.asText(), at), at));
                    e.put("required", Nodes.bool(true, at));
                    out.add(Nodes.map(at, e));
                }
                case MapNode m -> {
                    MapNode entry = m.with("path", Nodes.str(paths.resolve(Nodes.text(m.get("path")), m.get("path").location()), m.get("path").location()));
                    out.add(m.has("required") ? entry : entry.with("required", Nodes.bool(true, at)));
                }
                default -> out.add(item);
            }
        }
        return SeqNode.of(out, value.location());
    }

    private static Node networks(Node value) {
        if (value instanceof SeqNode seq) {
            SequencedMap<String, Node> e = Nodes.entries();
            Map<String, Location> keys = new LinkedHashMap<>();
            for (Node item : seq.items()) {
                e.put(Nodes.text(item), Nodes.nil(item.location()));
                keys.put(Nodes.text(item), item.location());
            }
            return new MapNode(e, keys, seq.location(), null);
        }
        return value;
    }

    static Node fileReference(Node item, String path) {
        if (item instanceof ScalarNode s && s.value() != null) {
            SequencedMap<String, Node> e = Nodes.entries();
            e.put("source", Nodes.str(s.asText(), s.location()));
            return Nodes.map(s.location(), e);
        }
        if (item instanceof MapNode m && m.get("mode") instanceof ScalarNode mode && mode.isString()) {
            try {
                return m.with("mode", mode.withValue(Long.parseLong((String) mode.value(), 8)));
            } catch (NumberFormatException e) {
                throw new StackException(mode.location() + ": " + path + ".mode: \"" + mode.value() + "\" is not an octal file mode");
            }
        }
        return item;
    }

    private static Node healthcheck(Node value, String path) {
        if (!(value instanceof MapNode hc)) {
            return value;
        }
        MapNode out = hc;
        if (hc.get("test") instanceof ScalarNode t && t.isString()) {
            out = out.with("test", Nodes.keep(t, SeqNode.of(List.of(Nodes.str("CMD-SHELL", t.location()),
                    Nodes.str((String) t.value(), t.location())), t.location())));
        }
        if (hc.get("disable") instanceof ScalarNode d && Boolean.TRUE.equals(d.value())) {
            out = out.without("disable").with("test", SeqNode.of(List.of(Nodes.str("NONE", d.location())), d.location()), hc.keyLocation("disable"));
        }
        for (String k : List.of("interval", "timeout", "start_period", "start_interval")) {
            if (out.has(k)) {
                out = out.with(k, Durations.canonical(out.get(k), path + "." + k));
            }
        }
        return out;
    }

    /**
     * {@code host=ip} entries sorted, as compose-go prints its hosts list; {@code host:ip} and
     * {@code host=ip} are both read, and brackets around IPv6 addresses dropped. In the list form
     * several addresses separated by commas ({@code myhost=0.0.0.1,0.0.0.2}) are one entry each,
     * as compose-go's {@code NewHostsList} splits them.
     */
    static Node extraHosts(Node value, String path) {
        TreeSet<String> entries = new TreeSet<>();
        switch (value) {
            case MapNode m -> m.entries().forEach((host, ips) -> {
                if (ips instanceof SeqNode seq) {
                    seq.items().forEach(ip -> entries.add(host + "=" + unbracket(Nodes.text(ip))));
                } else {
                    entries.add(host + "=" + unbracket(Nodes.text(ips)));
                }
            });
            case SeqNode seq -> seq.items().forEach(item -> {
                String t = Nodes.text(item);
                int sep = t.indexOf('=') >= 0 ? t.indexOf('=') : t.indexOf(':');
                if (sep < 0) {
                    throw new StackException(item.location() + ": " + path + ": invalid additional host, missing IP: " + t);
                }
                for (String ip : t.substring(sep + 1).split(",", -1)) {
                    entries.add(t.substring(0, sep) + "=" + unbracket(ip));
                }
            });
            default -> {
                return value;
            }
        }
        List<Node> items = new ArrayList<>();
        entries.forEach(e -> items.add(Nodes.str(e, value.location())));
        return SeqNode.of(items, value.location());
    }

    private static String unbracket(String ip) {
        return ip != null && ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    }

    /** {@code gpus: all} is one device request for every GPU; a list holds device requests. */
    private static Node gpus(Node value, String path) {
        if (value instanceof ScalarNode s && s.isString()) {
            SequencedMap<String, Node> e = Nodes.entries();
            e.put("count", Nodes.num(DeviceRequests.ALL, s.location()));
            return SeqNode.of(List.of(Nodes.map(s.location(), e)), s.location());
        }
        return each(value, path, DeviceRequests::canonical);
    }

    /** {@code develop.watch[].ignore} and {@code include} as lists, {@code exec} as a hook. */
    private Node develop(Node value, String path) {
        if (value instanceof MapNode d && d.get("watch") instanceof SeqNode watch) {
            List<Node> rules = new ArrayList<>();
            for (int i = 0; i < watch.size(); i++) {
                String at = path + ".watch[" + i + "]";
                rules.add(watch.get(i) instanceof MapNode r
                        ? r.mapValues((k, v) -> Nodes.keep(v, switch (k) {
                            case "ignore", "include" -> Dicts.list(v);
                            case "exec" -> hook(v, at + ".exec");
                            default -> v;
                        }))
                        : watch.get(i));
            }
            return d.with("watch", watch.withItems(rules));
        }
        return value;
    }

    /**
     * A lifecycle hook ({@code pre_start}, {@code post_start}, {@code pre_stop},
     * {@code develop.watch[].exec}): its {@code command} and {@code environment} as a service's
     * (compose-go's {@code ServiceHook} has a {@code ShellCommand} and a {@code MappingWithEquals}).
     */
    private Node hook(Node item, String path) {
        if (!(item instanceof MapNode hook)) {
            return item;
        }
        return hook.mapValues((k, v) -> Nodes.keep(v, switch (k) {
            case "command" -> keepUnparsable ? v : command(v, path + ".command");
            case "environment" -> Dicts.withEquals(v, path + ".environment");
            default -> v;
        }));
    }

    private static Node device(Node item, String path) {
        if (item instanceof ScalarNode s && s.isString()) {
            String[] parts = ((String) s.value()).split(":");
            Location at = s.location();
            SequencedMap<String, Node> e = Nodes.entries();
            e.put("source", Nodes.str(parts[0], at));
            e.put("target", Nodes.str(parts.length > 1 ? parts[1] : parts[0], at));
            e.put("permissions", Nodes.str(parts.length > 2 ? parts[2] : "rwm", at));
            return Nodes.map(at, e);
        }
        return item;
    }

    private static Node blkio(Node value, String path) {
        if (!(value instanceof MapNode m)) {
            return value;
        }
        return m.mapValues((k, v) -> {
            if ((k.endsWith("_bps") || k.endsWith("_iops")) && v instanceof SeqNode seq) {
                List<Node> items = new ArrayList<>();
                for (Node item : seq.items()) {
                    items.add(item instanceof MapNode limit && limit.has("rate")
                            ? limit.with("rate", ByteSizes.canonical(limit.get("rate"), path + "." + k + ".rate"))
                            : item);
                }
                return seq.withItems(items);
            }
            return v;
        });
    }

    private static Node logging(Node value) {
        if (value instanceof MapNode m && m.get("options") instanceof MapNode options) {
            return m.with("options", Dicts.strings(options));
        }
        return value;
    }

    interface ItemRewrite {
        Node apply(Node item, String path);
    }

    interface ItemExpansion {
        List<Node> apply(Node item, String path);
    }

    static Node each(Node value, String path, ItemRewrite rewrite) {
        if (!(value instanceof SeqNode seq)) {
            return value;
        }
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            items.add(Nodes.keep(seq.get(i), rewrite.apply(seq.get(i), path + "[" + i + "]")));
        }
        return seq.withItems(items);
    }

    static Node eachExpanded(Node value, String path, ItemExpansion expansion) {
        if (!(value instanceof SeqNode seq)) {
            return value;
        }
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            items.addAll(expansion.apply(seq.get(i), path + "[" + i + "]"));
        }
        return seq.withItems(items);
    }
}
