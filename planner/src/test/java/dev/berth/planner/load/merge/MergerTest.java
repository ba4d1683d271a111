package dev.berth.planner.load.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;
import org.junit.jupiter.api.Test;

class MergerTest {

    private static MapNode read(String file, String yaml) {
        return new YamlReader().readAll(file, yaml).getFirst();
    }

    private static Object web(String base, String override) {
        MapNode merged = Merger.merge(read("a.yaml", "services:\n  web:\n" + base.indent(4)),
                read("b.yaml", "services:\n  web:\n" + override.indent(4)));
        return ((MapNode) ((MapNode) merged.get("services")).get("web")).toPlain();
    }

    @Test
    void merge_mappingsDeepMerged_laterScalarWins() {
        assertThat(web("image: a\nbuild: {context: ., target: dev}\n", "image: b\nbuild: {target: prod}\n"))
                .isEqualTo(Map.of("image", "b", "build", Map.of("context", ".", "target", "prod")));
    }

    @Test
    void merge_commandEntrypointAndHealthcheckTest_areReplaced() {
        assertThat(web("command: [a, b]\nentrypoint: [x]\nhealthcheck: {test: [CMD, a], retries: 3}\n",
                "command: [c]\nentrypoint: [y]\nhealthcheck: {test: [CMD, b]}\n"))
                .isEqualTo(Map.of("command", List.of("c"), "entrypoint", List.of("y"),
                        "healthcheck", Map.of("test", List.of("CMD", "b"), "retries", 3L)));
    }

    @Test
    void merge_keyValueAttributes_mergedByKey_listAndMapInterchangeable() {
        assertThat(web("environment: {A: '1', B: '2'}\nlabels: [x=1, y=2]\n",
                "environment: {B: '3', C: null}\nlabels: {y: '3'}\n"))
                .isEqualTo(Map.of("environment", mapOf("A", "1", "B", "3", "C", null),
                        "labels", Map.of("x", "1", "y", "3")));
    }

    @Test
    void merge_plainLists_concatenatedWithoutDuplicates() {
        assertThat(web("dns: [1.1.1.1, 8.8.8.8]\n", "dns: [8.8.8.8, 9.9.9.9]\n"))
                .isEqualTo(Map.of("dns", List.of("1.1.1.1", "8.8.8.8", "9.9.9.9")));
    }

    @Test
    void merge_otherSequences_areAppended() {
        assertThat(web("label_file: [a]\n", "label_file: [a, b]\n"))
                .isEqualTo(Map.of("label_file", List.of("a", "a", "b")));
    }

    @Test
    void merge_ports_laterEntryWithSameKeyReplacesInPlace() {
        assertThat(web("""
                ports:
                  - {target: 80, published: "8080", protocol: tcp, mode: ingress}
                  - {target: 443, published: "8443", protocol: tcp}
                """, """
                ports:
                  - {target: 80, published: "8080", protocol: tcp, mode: host}
                  - {target: 80, published: "8080", protocol: udp}
                """)).isEqualTo(Map.of("ports", List.of(
                Map.of("target", 80L, "published", "8080", "protocol", "tcp", "mode", "host"),
                Map.of("target", 443L, "published", "8443", "protocol", "tcp"),
                Map.of("target", 80L, "published", "8080", "protocol", "udp"))));
    }

    @Test
    void merge_volumesSecretsConfigsByTarget() {
        assertThat(web("""
                volumes: [{type: volume, source: a, target: /data}, {type: bind, source: /x, target: /x}]
                secrets: [{source: s1}, {source: s2, target: /etc/s}]
                configs: [{source: c1}]
                """, """
                volumes: [{type: volume, source: b, target: /data}]
                secrets: [{source: s1, target: /run/secrets/s1}, {source: s3, target: /etc/s}]
                configs: [{source: c2, target: /c1}]
                """)).isEqualTo(Map.of(
                "volumes", List.of(Map.of("type", "volume", "source", "b", "target", "/data"),
                        Map.of("type", "bind", "source", "/x", "target", "/x")),
                "secrets", List.of(Map.of("source", "s1", "target", "/run/secrets/s1"),
                        Map.of("source", "s3", "target", "/etc/s")),
                "configs", List.of(Map.of("source", "c2", "target", "/c1"))));
    }

    @Test
    void merge_uniqueValueLists_capsProfilesExposeLinksDevicesEnvFiles() {
        assertThat(web("""
                cap_add: [NET_ADMIN]
                profiles: [a]
                expose: ["80"]
                devices: ["/dev/a:/dev/x"]
                env_file: [{path: /p/a.env, required: true}]
                networks: {front: {aliases: [w1]}}
                """, """
                cap_add: [NET_ADMIN, SYS_TIME]
                profiles: [a, b]
                expose: ["80", "81"]
                devices: ["/dev/b:/dev/x"]
                env_file: [{path: /p/a.env, required: false}, {path: /p/b.env}]
                networks: {front: {aliases: [w1, w2]}}
                """)).isEqualTo(Map.of(
                "cap_add", List.of("NET_ADMIN", "SYS_TIME"),
                "profiles", List.of("a", "b"),
                "expose", List.of("80", "81"),
                "devices", List.of("/dev/b:/dev/x"),
                "env_file", List.of(Map.of("path", "/p/a.env", "required", false), Map.of("path", "/p/b.env")),
                "networks", Map.of("front", Map.of("aliases", List.of("w1", "w2")))));
    }

    @Test
    void merge_logging_optionsMergedOnlyForSameDriver() {
        assertThat(web("logging: {driver: json-file, options: {max-size: 1m}}\n", "logging: {options: {max-file: '3'}}\n"))
                .isEqualTo(Map.of("logging", Map.of("driver", "json-file",
                        "options", Map.of("max-size", "1m", "max-file", "3"))));
        assertThat(web("logging: {driver: json-file, options: {max-size: 1m}}\n", "logging: {driver: syslog}\n"))
                .isEqualTo(Map.of("logging", Map.of("driver", "syslog")));
    }

    @Test
    void merge_reset_removesValue_override_replacesWithoutMerge() {
        assertThat(web("ports: [{target: 80}]\nenvironment: {A: '1'}\nbuild: {context: ., target: x}\n",
                "ports: !reset []\nenvironment: !override {B: '2'}\nbuild: {target: !reset null}\n"))
                .isEqualTo(Map.of("environment", Map.of("B", "2"), "build", Map.of("context", ".")));
    }

    @Test
    void merge_resetInFirstDocument_isDropped() {
        MapNode merged = Merger.merge(MapNode.empty(dev.berth.planner.tree.Location.of("x")),
                read("a.yaml", "services:\n  web:\n    image: a\n    ports: !reset []\n"));
        assertThat(merged.toPlain()).isEqualTo(Map.of("services", Map.of("web", Map.of("image", "a"))));
    }

    @Test
    void merge_keepsLocationsOfSurvivingValues() {
        MapNode merged = Merger.merge(read("a.yaml", "services:\n  web:\n    image: a\n    init: true\n"),
                read("b.yaml", "services:\n  web:\n    image: b\n"));
        MapNode web = (MapNode) ((MapNode) merged.get("services")).get("web");
        assertThat(web.get("image").location().toString()).isEqualTo("b.yaml:3:12");
        assertThat(web.get("init").location().toString()).isEqualTo("a.yaml:4:11");
    }

    @Test
    void merge_topLevelResources_labelsByKey_ipamConfigBySubnet() {
        MapNode merged = Merger.merge(read("a.yaml", """
                networks:
                  n:
                    labels: {a: '1'}
                    ipam: {config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.1}, {subnet: 10.1.0.0/24}]}
                """), read("b.yaml", """
                networks:
                  n:
                    labels: [b=2]
                    ipam: {config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.254}]}
                """));
        assertThat(merged.toPlain()).isEqualTo(Map.of("networks", Map.of("n", Map.of(
                "labels", Map.of("a", "1", "b", "2"),
                "ipam", Map.of("config", List.of(Map.of("subnet", "10.0.0.0/24", "gateway", "10.0.0.254"),
                        Map.of("subnet", "10.1.0.0/24")))))));
    }

    @Test
    void merge_uniqueKeySequencesOfOneDocument_areDeduplicatedToo() {
        MapNode merged = Merger.merge(MapNode.empty(dev.berth.planner.tree.Location.of("x")), read("a.yaml", """
                services:
                  web:
                    ports: [{target: 80, published: "80", protocol: tcp}, {target: 80, published: "80", protocol: tcp, mode: host}]
                    dns: [a, a]
                    label_file: [l, l]
                """));
        assertThat(merged.toPlain()).isEqualTo(Map.of("services", Map.of("web", Map.of(
                "ports", List.of(Map.of("target", 80L, "published", "80", "protocol", "tcp", "mode", "host")),
                "dns", List.of("a"), "label_file", List.of("l", "l")))));
    }

    @Test
    void merge_dependsOnAndServiceNetworks_mergedPerEntry() {
        assertThat(web("""
                depends_on: {db: {condition: service_started, required: true}}
                networks: {front: {aliases: [a]}, back: null}
                """, """
                depends_on: {db: {condition: service_healthy}, cache: {condition: service_started}}
                networks: {front: {ipv4_address: 10.0.0.2}}
                """)).isEqualTo(Map.of(
                "depends_on", Map.of("db", Map.of("condition", "service_healthy", "required", true),
                        "cache", Map.of("condition", "service_started")),
                "networks", mapOf("front", Map.of("aliases", List.of("a"), "ipv4_address", "10.0.0.2"), "back", null)));
    }

    @Test
    void merge_differentKinds_laterReplaces() {
        assertThat(web("ulimits: {nofile: {soft: 1, hard: 2}}\n", "ulimits: {nofile: 5}\n"))
                .isEqualTo(Map.of("ulimits", Map.of("nofile", 5L)));
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
