package dev.berth.planner.model;

import dev.berth.planner.tree.MapNode;

/**
 * One published or exposed port in canonical form (compose-spec {@code 05-services.md#ports}).
 *
 * @param published the host port or range ({@code "8000-9000"}), or null to let the engine choose
 * @param hostIp the host address to bind, or null for all
 */
public record PortMapping(int target, String published, String hostIp, String protocol, String mode, String name,
                          String appProtocol) {

    static PortMapping from(MapNode m) {
        Long target = Fields.number(m, "target");
        String protocol = Fields.string(m, "protocol");
        String mode = Fields.string(m, "mode");
        return new PortMapping(target == null ? 0 : target.intValue(), Fields.string(m, "published"), Fields.string(m, "host_ip"),
                protocol == null ? "tcp" : protocol, mode == null ? "ingress" : mode, Fields.string(m, "name"),
                Fields.string(m, "app_protocol"));
    }
}
