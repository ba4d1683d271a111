package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import dev.berth.planner.StackException;
import dev.berth.planner.graph.ServiceGraph;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.model.Project;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/** Mutated stack documents either pass every stage or fail with the loader's own located error. */
class StagesProperties {

    private static final MapNode BASE = new YamlReader().readAll("compose.yaml", """
            name: shop
            x-base: &base {restart: always}
            services:
              web:
                <<: *base
                image: nginx
                command: nginx -g 'daemon off;'
                ports: ["8080:80", "127.0.0.1:9000-9001:9000-9001/udp", {target: 443, published: "8443"}]
                volumes: ["./html:/html:ro", "data:/data", {type: tmpfs, target: /t, tmpfs: {size: 1m}}]
                environment: [A=1, B]
                labels: {tier: front}
                depends_on: {api: {condition: service_healthy}}
                healthcheck: {test: curl -f localhost, interval: 10s, retries: 3}
                networks: [front]
                deploy: {replicas: 1, resources: {limits: {cpus: "0.5", memory: 64m}}}
                ulimits: {nofile: 1024}
                secrets: [pw]
              api:
                build: {context: ./api, args: [X=1]}
                env_file: .env
                stop_grace_period: 1m
                extra_hosts: ["db:10.0.0.2"]
                networks: {front: {aliases: [a]}, back: null}
                volumes_from: [worker]
              worker: {image: w, network_mode: "service:web", shm_size: 1g, tmpfs: /run}
            networks: {front: {}, back: {external: true}}
            volumes: {data: null}
            secrets: {pw: {file: ./pw.txt}}
            """).getFirst();

    private static final Object[] SCALARS = {"", "x", "80", "80:80", "1m", "service:web", "::1:1:1", "a=b", "/abs", "~/h",
        "'open", 0L, -1L, 70000L, 2.5, true, false, null, "service_healthy", "bind", "volume", "CMD", "${X:-y}"};

    @Property(tries = 3000)
    void mutatedDocuments_loadOrFailWithLocatedMessage(@ForAll long seed) {
        Random random = new Random(seed);
        MapNode doc = BASE;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            doc = (MapNode) mutate(doc, random, 0);
        }
        StandardStages stages = new StandardStages();
        try {
            stages.validate(doc);
            MapNode model = stages.normalize(stages.canonicalize(doc, Path.of("/p"), Path.of("/h")), "shop", Path.of("/p"));
            stages.check(model);
            ServiceGraph.of(Project.from(model, Path.of("/p"))).startOrder();
            CanonicalJson.pretty(model);
        } catch (StackException e) {
            assertThat(e.getMessage()).matches("(?s)compose\\.yaml:\\d+:\\d+: .+");
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("java.");
        }
    }

    private static Node mutate(Node node, Random random, int depth) {
        boolean here = depth > 0 && (random.nextInt(4) == 0 || depth > 6);
        switch (node) {
            case MapNode m when !here && m.size() > 0 -> {
                List<String> keys = new ArrayList<>(m.keys());
                String key = keys.get(random.nextInt(keys.size()));
                return switch (random.nextInt(6)) {
                    case 0 -> m.without(key);
                    case 1 -> m.without(key).with(typo(key, random), m.get(key), m.keyLocation(key));
                    default -> m.with(key, mutate(m.get(key), random, depth + 1));
                };
            }
            case SeqNode s when !here && s.size() > 0 -> {
                List<Node> items = new ArrayList<>(s.items());
                int i = random.nextInt(items.size());
                items.set(i, mutate(items.get(i), random, depth + 1));
                return s.withItems(items);
            }
            default -> {
                return replacement(node.location(), random);
            }
        }
    }

    private static Node replacement(Location at, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> MapNode.empty(at).with("x", ScalarNode.of("y", at), at);
            case 1 -> SeqNode.of(List.of(ScalarNode.of(SCALARS[random.nextInt(SCALARS.length)], at)), at);
            default -> ScalarNode.of(SCALARS[random.nextInt(SCALARS.length)], at);
        };
    }

    private static String typo(String key, Random random) {
        if (key.length() < 2) {
            return key + "x";
        }
        int i = random.nextInt(key.length());
        return key.substring(0, i) + key.substring(i + 1);
    }
}
