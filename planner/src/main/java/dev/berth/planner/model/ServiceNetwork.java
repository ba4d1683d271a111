package dev.berth.planner.model;

import java.util.List;

import dev.berth.planner.tree.MapNode;

/** How a service attaches to one network (compose-spec {@code 05-services.md#networks}); all fields optional. */
public record ServiceNetwork(List<String> aliases, String ipv4Address, String ipv6Address, String macAddress,
                             String interfaceName, Long priority) {

    static ServiceNetwork from(MapNode m) {
        return new ServiceNetwork(Fields.stringsOrEmpty(m, "aliases"), Fields.string(m, "ipv4_address"),
                Fields.string(m, "ipv6_address"), Fields.string(m, "mac_address"), Fields.string(m, "interface_name"),
                Fields.number(m, "priority"));
    }
}
