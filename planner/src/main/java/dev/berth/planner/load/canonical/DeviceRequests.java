package dev.berth.planner.load.canonical;

import java.util.Locale;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * Device requests ({@code gpus} and {@code deploy.resources.reservations.devices}, compose-spec
 * {@code deploy.md#devices}) as compose-go's {@code types.DeviceRequest} holds them: {@code count}
 * a number, {@code all} being -1 ({@code DeviceCount}); {@code options} a mapping of strings. A
 * request with neither {@code count} nor {@code device_ids} asks for every device
 * ({@code transform/devices.go}), added after merging by {@link #withDefaultCount}.
 */
final class DeviceRequests {

    /** The count that stands for every device. */
    static final long ALL = -1;

    private DeviceRequests() {
    }

    static Node canonical(Node item, String path) {
        if (!(item instanceof MapNode request)) {
            return item;
        }
        return request.mapValues((k, v) -> Nodes.keep(v, switch (k) {
            case "count" -> count(v, path + ".count");
            case "options" -> Dicts.strings(v);
            default -> v;
        }));
    }

    private static Node count(Node value, String path) {
        if (!(value instanceof ScalarNode s) || !s.isString()) {
            return value;
        }
        String text = (String) s.value();
        if (text.toLowerCase(Locale.ROOT).equals("all")) {
            return s.withValue(ALL);
        }
        try {
            return s.withValue(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new StackException(s.location() + ": " + path + ": invalid value \"" + text
                    + "\", the only value allowed is 'all' or a number");
        }
    }

    /** The request with {@code count: -1} (all) when it has neither {@code count} nor {@code device_ids}. */
    static Node withDefaultCount(Node item) {
        if (item instanceof MapNode request && !request.has("count") && !request.has("device_ids")) {
            return request.with("count", Nodes.num(ALL, request.location()));
        }
        return item;
    }
}
