package dev.berth.planner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.berth.planner.graph.ServiceGraph;
import dev.berth.planner.load.StandardStages;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;

class ProjectTest {

    private static Project load(String yaml) {
        StandardStages stages = new StandardStages();
        MapNode doc = new YamlReader().readAll("compose.yaml", yaml).getFirst();
        stages.validate(doc);
        MapNode model = stages.normalize(stages.canonicalize(doc, Path.of("/p"), Path.of("/h")), "shop", Path.of("/p"));
        stages.check(model);
        return Project.from(model, Path.of("/p"));
    }

    private final Project project = load("""
            services:
              web:
                image: nginx:1.27
                command: nginx -g 'daemon off;'
                environment: [MODE=prod, EMPTY]
                ports: ["127.0.0.1:8080:80/tcp"]
                volumes: ["./html:/usr/share/nginx/html:ro", "cache:/cache", {type: tmpfs, target: /tmp, tmpfs: {size: 1m}}]
                depends_on: {api: {condition: service_healthy, restart: true}}
                healthcheck: {test: curl -f localhost, interval: 1m30s, retries: 5}
                restart: unless-stopped
                stop_grace_period: 20s
                init: true
                ulimits: {nofile: 1024}
                labels: {tier: front}
                secrets: [pw, {source: pw, target: /etc/pw, mode: "0400"}]
              api:
                build: ./api
                scale: 2
                volumes_from: [web2]
              web2: {image: x, networks: {front: {aliases: [w2]}}}
            networks: {front: {}}
            volumes: {cache: {}}
            secrets: {pw: {environment: PW}}
            """);

    @Test
    void from_readsTypedServiceFields() {
        Service web = project.service("web");
        assertThat(web.image()).isEqualTo("nginx:1.27");
        assertThat(web.command()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(web.entrypoint()).isNull();
        assertThat(web.environment()).containsEntry("MODE", "prod").containsEntry("EMPTY", null);
        assertThat(web.ports()).containsExactly(new PortMapping(80, "8080", "127.0.0.1", "tcp", "ingress", null, null));
        assertThat(web.volumes()).containsExactly(
                new Mount.Bind("/p/html", "/usr/share/nginx/html", true, true, null, null),
                new Mount.Volume("cache", "/cache", false, false, null),
                new Mount.Tmpfs("/tmp", 1_048_576L, null));
        assertThat(web.dependsOn()).containsExactly(
                Map.entry("api", new Dependency(Dependency.Condition.SERVICE_HEALTHY, true, true)));
        assertThat(web.healthcheck()).isEqualTo(new Healthcheck(List.of("CMD-SHELL", "curl -f localhost"),
                Duration.ofSeconds(90), null, null, null, 5));
        assertThat(web.restart()).isEqualTo("unless-stopped");
        assertThat(web.stopGracePeriod()).isEqualTo(Duration.ofSeconds(20));
        assertThat(web.init()).isTrue();
        assertThat(web.ulimits()).containsEntry("nofile", new Ulimit(1024, 1024));
        assertThat(web.labels()).containsEntry("tier", "front");
        assertThat(web.networks()).containsOnlyKeys("default");
        assertThat(web.scale()).isEqualTo(1);
        assertThat(web.secrets()).containsExactly(new FileMount("pw", "/run/secrets/pw", null, null, null),
                new FileMount("pw", "/etc/pw", null, null, 256L));
    }

    @Test
    void from_readsBuildScaleAndImplicitDependencies() {
        Service api = project.service("api");
        assertThat(api.image()).isNull();
        assertThat(api.build().context()).isEqualTo("/p/api");
        assertThat(api.build().dockerfile()).isEqualTo("Dockerfile");
        assertThat(api.scale()).isEqualTo(2);
        assertThat(api.dependsOn()).containsEntry("web2", new Dependency(Dependency.Condition.SERVICE_STARTED, true, false));
    }

    @Test
    void from_readsResourceDefinitions() {
        assertThat(project.name()).isEqualTo("shop");
        assertThat(project.networks()).containsOnlyKeys("front", "default");
        assertThat(project.networks().get("default").name()).isEqualTo("shop_default");
        assertThat(project.service("web2").networks().get("front").aliases()).containsExactly("w2");
        assertThat(project.volumes().get("cache").name()).isEqualTo("shop_cache");
        assertThat(project.secrets().get("pw")).isEqualTo(new FileDefinition("pw", "shop_pw", null, "PW", null, false, Map.of()));
    }

    @Test
    void graph_ofProjectUsesImplicitDependencies() {
        assertThat(ServiceGraph.of(project).startOrder()).containsExactly("web2", "api", "web");
    }
}
