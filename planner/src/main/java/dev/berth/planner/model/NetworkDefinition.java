package dev.berth.planner.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.SeqNode;

/**
 * A top-level network (compose-spec {@code 06-networks.md}).
 *
 * @param key the name used in the stack file
 * @param name the engine's name ({@code <project>_<key>} unless given, the key itself when external)
 */
public record NetworkDefinition(String key, String name, String driver, Map<String, String> driverOpts, boolean external,
                                boolean internal, boolean attachable, Boolean enableIpv4, Boolean enableIpv6,
                                List<Subnet> subnets, Map<String, String> labels) {

    /** One IPAM configuration entry. */
    public record Subnet(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    }

    static NetworkDefinition from(String key, MapNode m) {
        List<Subnet> subnets = new ArrayList<>();
        MapNode ipam = Fields.map(m, "ipam");
        if (ipam != null && ipam.get("config") instanceof SeqNode config) {
            for (Node n : config.items()) {
                if (n instanceof MapNode c) {
                    subnets.add(new Subnet(Fields.string(c, "subnet"), Fields.string(c, "ip_range"), Fields.string(c, "gateway"),
                            Fields.stringMap(c, "aux_addresses")));
                }
            }
        }
        return new NetworkDefinition(key, Fields.string(m, "name"), Fields.string(m, "driver"), Fields.stringMap(m, "driver_opts"),
                Fields.flag(m, "external"), Fields.flag(m, "internal"), Fields.flag(m, "attachable"),
                Fields.optionalFlag(m, "enable_ipv4"), Fields.optionalFlag(m, "enable_ipv6"), List.copyOf(subnets),
                Fields.stringMap(m, "labels"));
    }
}
