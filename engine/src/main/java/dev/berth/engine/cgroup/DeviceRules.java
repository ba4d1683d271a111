package dev.berth.engine.cgroup;

import java.util.List;

/**
 * The v1 devices-cgroup rules of a default Docker container: deny everything, Docker's allow
 * list (moby {@code daemon/pkg/oci/defaults.go}) with its deny of fuse, then the devices runc
 * appends to every container ({@code specconv.AllowedDevices}). The resulting devices.list is
 * {@code b *:* m}, {@code c *:* m} and {@code rwm} on c 1:3, 1:5, 1:7, 1:8, 1:9, 5:0, 5:1, 5:2,
 * 10:200 and 136:* (isolation.md §1.1).
 */
final class DeviceRules {

    /** One line for devices.allow ({@code allow}) or devices.deny. */
    record Rule(boolean allow, String entry) {
        String file() {
            return allow ? "devices.allow" : "devices.deny";
        }
    }

    static final List<Rule> DOCKER_DEFAULT = List.of(
            new Rule(false, "a"),
            new Rule(true, "c 1:5 rwm"),
            new Rule(true, "c 1:3 rwm"),
            new Rule(true, "c 1:9 rwm"),
            new Rule(true, "c 1:8 rwm"),
            new Rule(true, "c 5:0 rwm"),
            new Rule(true, "c 5:1 rwm"),
            new Rule(false, "c 10:229 rwm"),
            new Rule(true, "c *:* m"),
            new Rule(true, "b *:* m"),
            new Rule(true, "c 1:3 rwm"),
            new Rule(true, "c 1:8 rwm"),
            new Rule(true, "c 1:7 rwm"),
            new Rule(true, "c 5:0 rwm"),
            new Rule(true, "c 1:5 rwm"),
            new Rule(true, "c 1:9 rwm"),
            new Rule(true, "c 136:* rwm"),
            new Rule(true, "c 5:2 rwm"),
            new Rule(true, "c 10:200 rwm"));

    private DeviceRules() {
    }
}
