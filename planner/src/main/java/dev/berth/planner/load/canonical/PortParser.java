package dev.berth.planner.load.canonical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * Ports in their canonical long form (compose-spec {@code 05-services.md#ports}): the short
 * {@code [[IP:]HOST:]CONTAINER[/PROTOCOL]} with ranges expanded to one entry per container port,
 * and the long form with {@code mode: ingress}, {@code protocol: tcp}, {@code target} as a number and
 * {@code published} as a string.
 */
final class PortParser {

    private PortParser() {
    }

    /** The long-form entries one {@code ports} item stands for. */
    static List<Node> canonical(Node item, String path) {
        if (item instanceof MapNode m) {
            return List.of(longForm(m, path));
        }
        if (item instanceof ScalarNode s && s.value() != null) {
            return shortForm(s.asText(), s, path);
        }
        return List.of(item);
    }

    private static Node longForm(MapNode m, String path) {
        MapNode out = m;
        if (!m.has("mode")) {
            out = out.with("mode", Nodes.str("ingress", m.location()));
        }
        if (!m.has("protocol")) {
            out = out.with("protocol", Nodes.str("tcp", m.location()));
        } else if (m.get("protocol") instanceof ScalarNode p && p.isString()) {
            out = out.with("protocol", p.withValue(((String) p.value()).toLowerCase(Locale.ROOT)));
        }
        if (m.get("target") instanceof ScalarNode t && t.isString()) {
            out = out.with("target", t.withValue((long) port(((String) t.value()).trim(), t, path)));
        }
        if (m.get("published") instanceof ScalarNode p && p.value() != null && !p.isString()) {
            out = out.with("published", p.withValue(p.asText()));
        }
        return out;
    }

    private static List<Node> shortForm(String raw, ScalarNode at, String path) {
        String spec = raw.trim();
        String protocol = "tcp";
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            protocol = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
            spec = spec.substring(0, slash);
            if (!List.of("tcp", "udp", "sctp").contains(protocol)) {
                throw new StackException(at.location() + ": " + path + ": invalid proto: " + raw.substring(raw.lastIndexOf('/') + 1)
                        + " (expected tcp, udp or sctp)");
            }
        }
        String[] parts = spec.split(":", -1);
        int n = parts.length;
        String container = parts[n - 1];
        String host = n >= 2 ? parts[n - 2] : "";
        String ip = n >= 3 ? String.join(":", Arrays.copyOfRange(parts, 0, n - 2)) : "";
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!ip.isEmpty() && !IpAddresses.isValid(ip)) {
            throw new StackException(at.location() + ": " + path + ": Invalid ip address: " + ip + " in \"" + raw
                    + "\"; expected [[IP:]HOST:]CONTAINER[/PROTOCOL], e.g. \"127.0.0.1:8080:80\"");
        }
        int[] target = range(container, at, path, raw);
        int[] published = host.isEmpty() ? null : range(host, at, path, raw);
        int count = target[1] - target[0] + 1;
        if (published != null && count > 1 && published[1] - published[0] + 1 != count) {
            throw invalid(raw, at, path, "Invalid ranges specified for container and host Ports");
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SequencedMap<String, Node> e = Nodes.entries();
            Location loc = at.location();
            e.put("mode", Nodes.str("ingress", loc));
            if (!ip.isEmpty()) {
                e.put("host_ip", Nodes.str(ip, loc));
            }
            e.put("target", Nodes.num(target[0] + i, loc));
            if (published != null) {
                String pub = count > 1 ? Integer.toString(published[0] + i)
                        : published[0] == published[1] ? Integer.toString(published[0]) : published[0] + "-" + published[1];
                e.put("published", Nodes.str(pub, loc));
            }
            e.put("protocol", Nodes.str(protocol, loc));
            out.add(Nodes.map(loc, e));
        }
        return out;
    }

    private static int[] range(String text, ScalarNode at, String path, String raw) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            int p = port(text, at, path);
            return new int[] {p, p};
        }
        int start = port(text.substring(0, dash), at, path);
        int end = port(text.substring(dash + 1), at, path);
        if (end < start) {
            throw invalid(raw, at, path, "range " + text + " ends before it starts");
        }
        return new int[] {start, end};
    }

    private static int port(String text, ScalarNode at, String path) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole value
        }
        throw new StackException(at.location() + ": " + path + ": invalid port \"" + text
                + "\" in \"" + at.asText() + "\" (expected [[IP:]HOST:]CONTAINER[/PROTOCOL] with ports 0-65535)");
    }

    private static StackException invalid(String raw, ScalarNode at, String path, String why) {
        return new StackException(at.location() + ": " + path + ": \"" + raw + "\" is not a port mapping: " + why);
    }
}
