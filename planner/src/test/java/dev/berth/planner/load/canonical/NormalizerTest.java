package dev.berth.planner.load.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.berth.planner.load.CanonicalJson;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;

class NormalizerTest {

    private static MapNode normalized(String yaml) {
        MapNode doc = new YamlReader().readAll("compose.yaml", yaml).getFirst();
        MapNode canonical = new Canonicalizer().canonicalize(doc, Path.of("/p"), Path.of("/home/u"));
        return new Normalizer().normalize(canonical, "demo", Path.of("/p"));
    }

    private static String json(MapNode model, String key) {
        return CanonicalJson.compact(model.get(key));
    }

    private static String service(MapNode model, String name, String key) {
        return CanonicalJson.compact(((MapNode) ((MapNode) model.get("services")).get(name)).get(key));
    }

    @Test
    void normalize_setsProjectName() {
        assertThat(json(normalized("name: Other\nservices: {a: {image: x}}\n"), "name")).isEqualTo("\"demo\"");
    }

    @Test
    void normalize_addsDefaultNetworkToServicesWithoutNetworks() {
        MapNode m = normalized("services: {a: {image: x}}\n");
        assertThat(service(m, "a", "networks")).isEqualTo("{\"default\":null}");
        assertThat(json(m, "networks")).isEqualTo("{\"default\":{\"name\":\"demo_default\"}}");
    }

    @Test
    void normalize_noDefaultNetworkWhenEveryServiceListsNetworks() {
        MapNode m = normalized("services: {a: {image: x, networks: [front]}}\nnetworks: {front: {}}\n");
        assertThat(json(m, "networks")).isEqualTo("{\"front\":{\"name\":\"demo_front\"}}");
    }

    @Test
    void normalize_noDefaultNetworkWithNetworkMode() {
        MapNode m = normalized("services: {a: {image: x, network_mode: host}}\n");
        assertThat(((MapNode) ((MapNode) m.get("services")).get("a")).has("networks")).isFalse();
        assertThat(m.has("networks")).isFalse();
    }

    @Test
    void normalize_namesNetworksAndVolumes() {
        MapNode m = normalized("""
                services: {a: {image: x, networks: [n1, n2, n3]}}
                networks:
                  n1: {}
                  n2: {name: CustomName}
                  n3: {external: true}
                volumes:
                  v1:
                  v2: {external: {name: real}}
                """);
        assertThat(json(m, "networks")).isEqualTo("{\"n1\":{\"name\":\"demo_n1\"},\"n2\":{\"name\":\"CustomName\"},"
                + "\"n3\":{\"external\":true,\"name\":\"n3\"}}");
        assertThat(json(m, "volumes")).isEqualTo("{\"v1\":{\"name\":\"demo_v1\"},\"v2\":{\"external\":true,\"name\":\"real\"}}");
    }

    @Test
    void normalize_namesSecretsAndConfigs() {
        MapNode m = normalized("secrets: {s: {file: ./s}}\nconfigs: {c: {external: true}}\n");
        assertThat(json(m, "secrets")).isEqualTo("{\"s\":{\"file\":\"/p/s\",\"name\":\"demo_s\"}}");
        assertThat(json(m, "configs")).isEqualTo("{\"c\":{\"external\":true,\"name\":\"c\"}}");
    }

    @Test
    void normalize_implicitDependencies() {
        MapNode m = normalized("""
                services:
                  a:
                    image: x
                    network_mode: service:b
                    ipc: service:c
                    links: ["d:alias"]
                    volumes_from: ["e:ro", "container:other"]
                    depends_on: {c: {condition: service_healthy}}
                """);
        assertThat(service(m, "a", "depends_on")).isEqualTo("{"
                + "\"b\":{\"condition\":\"service_started\",\"required\":true,\"restart\":true},"
                + "\"c\":{\"condition\":\"service_healthy\",\"required\":true},"
                + "\"d\":{\"condition\":\"service_started\",\"required\":true,\"restart\":true},"
                + "\"e\":{\"condition\":\"service_started\",\"required\":true}}");
    }

    @Test
    void normalize_leavesRestartOutOfDependencies_whenFalse() {
        MapNode m = normalized("services: {a: {image: x, depends_on: [b]}, b: {image: x}}\n");
        assertThat(service(m, "a", "depends_on"))
                .isEqualTo("{\"b\":{\"condition\":\"service_started\",\"required\":true}}");
        MapNode written = normalized("services: {a: {image: x, depends_on: {b: {condition: service_started, "
                + "restart: false}}}, b: {image: x}}\n");
        assertThat(service(written, "a", "depends_on"))
                .isEqualTo("{\"b\":{\"condition\":\"service_started\",\"required\":true}}");
    }

    @Test
    void normalize_buildDefaults() {
        MapNode m = normalized("services:\n  a: {build: {args: {X: 1}}}\n  b: {build: {dockerfile_inline: FROM x}}\n");
        assertThat(service(m, "a", "build")).isEqualTo("{\"args\":{\"X\":\"1\"},\"context\":\"/p\",\"dockerfile\":\"Dockerfile\"}");
        assertThat(service(m, "b", "build")).isEqualTo("{\"context\":\"/p\",\"dockerfile_inline\":\"FROM x\"}");
    }

    @Test
    void normalize_secretTargetDefaultsToRunSecrets() {
        MapNode m = normalized("services: {a: {image: x, secrets: [pw, {source: k, target: /k}]}}\nsecrets: {pw: {file: p}, k: {file: k}}\n");
        assertThat(service(m, "a", "secrets")).isEqualTo("[{\"source\":\"pw\",\"target\":\"/run/secrets/pw\"},{\"source\":\"k\",\"target\":\"/k\"}]");
    }

    @Test
    void normalize_cleansMountTargetsAndCreatesBindHostPath() {
        MapNode m = normalized("services: {a: {image: x, volumes: [\"v:/data/\", {type: bind, source: /s, target: /a//b/../c, bind: {}}]}}\n"
                + "volumes: {v: {}}\n");
        assertThat(service(m, "a", "volumes")).isEqualTo("[{\"source\":\"v\",\"target\":\"/data\",\"type\":\"volume\",\"volume\":{}},"
                + "{\"bind\":{\"create_host_path\":true},\"source\":\"/s\",\"target\":\"/a/c\",\"type\":\"bind\"}]");
    }

    @Test
    void normalize_emptyNetworksMeansDefault() {
        assertThat(service(normalized("services: {a: {image: x, networks: {}}}\n"), "a", "networks")).isEqualTo("{\"default\":null}");
    }

    @Test
    void normalize_pullPolicyIfNotPresentIsMissing() {
        assertThat(service(normalized("services: {a: {image: x, pull_policy: if_not_present}}\n"), "a", "pull_policy"))
                .isEqualTo("\"missing\"");
    }

    @Test
    void normalize_preStartHooksInheritTheImage() {
        assertThat(service(normalized("services: {a: {image: x, pre_start: [{command: [init]}]}}\n"), "a", "pre_start"))
                .isEqualTo("[{\"command\":[\"init\"],\"image\":\"x\"}]");
    }

    @Test
    void normalize_deviceRequestWithoutCountOrIds_isForEveryDevice() {
        MapNode model = normalized("""
                services:
                  a:
                    image: x
                    gpus: [{driver: nvidia}, {device_ids: ["0"]}, {count: 2}]
                    deploy: {resources: {reservations: {devices: [{capabilities: [gpu]}]}}}
                """);
        assertThat(service(model, "a", "gpus"))
                .isEqualTo("[{\"count\":-1,\"driver\":\"nvidia\"},{\"device_ids\":[\"0\"]},{\"count\":2}]");
        assertThat(service(model, "a", "deploy"))
                .isEqualTo("{\"resources\":{\"reservations\":{\"devices\":[{\"capabilities\":[\"gpu\"],\"count\":-1}]}}}");
    }

    @Test
    void cleanPath_behavesLikeGoPathClean() {
        assertThat(ServiceDefaults.cleanPath("/a/./b/../../..")).isEqualTo("/");
        assertThat(ServiceDefaults.cleanPath("a/../..")).isEqualTo("..");
        assertThat(ServiceDefaults.cleanPath("/x/")).isEqualTo("/x");
    }
}
