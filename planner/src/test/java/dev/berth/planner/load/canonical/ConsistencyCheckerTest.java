package dev.berth.planner.load.canonical;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.berth.planner.StackException;
import dev.berth.planner.load.StandardStages;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;

class ConsistencyCheckerTest {

    private static void check(String yaml) {
        StandardStages stages = new StandardStages();
        MapNode doc = new YamlReader().readAll("compose.yaml", yaml).getFirst();
        stages.validate(doc);
        MapNode model = stages.normalize(stages.canonicalize(doc, java.nio.file.Path.of("/p"), java.nio.file.Path.of("/h")), "demo",
                java.nio.file.Path.of("/p"));
        stages.check(model);
    }

    private static void rejects(String yaml, String message) {
        assertThatThrownBy(() -> check(yaml)).isInstanceOf(StackException.class).hasMessage(message);
    }

    @Test
    void check_acceptsConsistentModel() {
        assertThatCode(() -> check("""
                services:
                  web: {image: nginx, depends_on: [db], volumes: ["data:/d"], secrets: [pw], networks: [front]}
                  db: {image: pg, scale: 1, mem_limit: 1g, deploy: {replicas: 1, resources: {limits: {memory: 1024m}}}}
                networks: {front: {}}
                volumes: {data: {}}
                secrets: {pw: {environment: PW}}
                """)).doesNotThrowAnyException();
    }

    @Test
    void check_undefinedDependency() {
        rejects("services:\n  web:\n    image: a\n    depends_on: [db]\n",
                "compose.yaml:4:18: service \"web\" depends on undefined service \"db\": invalid compose project");
    }

    @Test
    void check_undefinedNetwork() {
        rejects("services:\n  web:\n    image: a\n    networks: [front]\n",
                "compose.yaml:4:16: service \"web\" refers to undefined network front: invalid compose project");
    }

    @Test
    void check_undefinedVolume() {
        rejects("services:\n  web:\n    image: a\n    volumes: [\"data:/d\"]\n",
                "compose.yaml:4:15: service \"web\" refers to undefined volume data: invalid compose project");
    }

    @Test
    void check_undefinedSecret() {
        rejects("services:\n  web:\n    image: a\n    secrets: [db_pass]\n",
                "compose.yaml:4:15: service \"web\" refers to undefined secret db_pass: invalid compose project");
    }

    @Test
    void check_undefinedConfig() {
        rejects("services:\n  web:\n    image: a\n    configs: [{source: cfg}]\n",
                "compose.yaml:4:24: service \"web\" refers to undefined config cfg: invalid compose project");
    }

    @Test
    void check_cycleWithPath() {
        rejects("services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [c]}\n  c: {image: x, depends_on: [a]}\n",
                "compose.yaml:4:30: dependency cycle detected: a -> b -> c -> a");
    }

    @Test
    void check_cycle_isSearchedInTheOrderWritten_notByName() {
        rejects("services:\n  z: {image: x, depends_on: [a]}\n  a: {image: x, depends_on: [z]}\n",
                "compose.yaml:3:30: dependency cycle detected: z -> a -> z");
    }

    @Test
    void check_selfCycle() {
        rejects("services:\n  a: {image: x, depends_on: [a]}\n", "compose.yaml:2:30: dependency cycle detected: a -> a");
    }

    @Test
    void check_networkModeWithNetworks() {
        rejects("services:\n  web: {image: x, network_mode: host, networks: [n]}\nnetworks: {n: {}}\n",
                "compose.yaml:2:19: service web declares mutually exclusive `network_mode` and `networks`: invalid compose project");
    }

    @Test
    void check_containerNameWithReplicas() {
        rejects("services:\n  web: {image: x, container_name: web, deploy: {replicas: 2}}\n",
                "compose.yaml:2:35: services.web: can't set container_name and deploy.replicas as container name must be unique: "
                        + "invalid compose project");
    }

    @Test
    void check_scaleAndReplicasDisagree() {
        rejects("services:\n  web: {image: x, scale: 2, deploy: {replicas: 3}}\n",
                "compose.yaml:2:26: services.web: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project");
    }

    @Test
    void check_neitherImageNorBuild() {
        rejects("services:\n  web: {restart: always}\n",
                "compose.yaml:2:3: service \"web\" has neither an image nor a build context specified: invalid compose project");
    }

    @Test
    void check_providerServiceNeedsNeitherImageNorBuild() {
        check("services:\n  db: {provider: {type: model, options: {model: ai/x}}}\n");
    }

    @Test
    void check_dockerfileWithInline() {
        rejects("services:\n  web: {build: {dockerfile: D, dockerfile_inline: FROM x}}\n",
                "compose.yaml:2:32: service \"web\" declares mutualy exclusive dockerfile and dockerfile_inline: invalid compose project");
    }

    @Test
    void check_healthcheckTestFirstWord() {
        rejects("services:\n  web: {image: x, healthcheck: {test: [curl, x]}}\n",
                "compose.yaml:2:40: healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
    }

    @Test
    void check_secretWithoutSource() {
        rejects("secrets:\n  pw: {name: x}\n",
                "compose.yaml:2:3: secret \"pw\" must declare either `file` or `environment`: invalid compose project");
    }

    @Test
    void check_externalWithDriver() {
        rejects("volumes:\n  v: {external: true, driver: foobar}\n",
                "compose.yaml:2:23: volumes.v: conflicting parameters \"external\" and \"driver\" specified");
    }

    @Test
    void check_cpusDisagreeWithDeployLimits() {
        rejects("services:\n  web: {image: x, cpus: 0.5, deploy: {resources: {limits: {cpus: \"1\"}}}}\n",
                "compose.yaml:2:25: services.web: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': "
                        + "invalid compose project");
    }

    @Test
    void check_memLimitDisagreeWithDeployLimits() {
        rejects("services:\n  web: {image: x, mem_limit: 1g, deploy: {resources: {limits: {memory: 512m}}}}\n",
                "compose.yaml:2:30: services.web: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory': "
                        + "invalid compose project");
    }

    @Test
    void check_pidsLimitDisagreeWithDeployLimits() {
        rejects("services:\n  web: {image: x, pids_limit: 10, deploy: {resources: {limits: {pids: 20}}}}\n",
                "compose.yaml:2:31: services.web: can't set distinct values on 'pids_limit' and 'deploy.resources.limits.pids': "
                        + "invalid compose project");
    }

    @Test
    void check_reservedLabel() {
        rejects("services:\n  web: {image: x, labels: [com.docker.compose.project=x]}\n",
                "compose.yaml:2:28: services.web.labels: label com.docker.compose.project is reserved "
                        + "(com.docker.compose.* labels are set by berth and Docker Compose); use another prefix");
    }

    @Test
    void check_platformMissingFromBuildPlatforms() {
        rejects("services:\n  web: {image: x, platform: linux/arm64, build: {context: ., platforms: [linux/amd64]}}\n",
                "compose.yaml:2:73: service.build.platforms MUST include service.platform \"linux/arm64\": invalid compose project");
    }

    @Test
    void check_watchRuleWithoutTarget() {
        rejects("services:\n  web: {image: x, develop: {watch: [{path: ., action: sync}]}}\n",
                "compose.yaml:2:37: services.web.develop.watch: target is required for non-rebuild actions: invalid compose project");
    }
}
