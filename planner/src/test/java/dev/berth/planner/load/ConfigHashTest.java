package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;

class ConfigHashTest {

    private static MapNode service(String yaml) {
        StandardStages stages = new StandardStages();
        MapNode doc = new YamlReader().readAll("compose.yaml", yaml).getFirst();
        MapNode model = stages.normalize(stages.canonicalize(doc, Path.of("/p"), Path.of("/h")), "demo", Path.of("/p"));
        return (MapNode) ((MapNode) model.get("services")).get("web");
    }

    @Test
    void hash_isSha256OfSortedCompactJson() {
        MapNode web = service("services: {web: {image: nginx}}\n");
        assertThat(CanonicalJson.compact(ConfigHash.hashedPart(web))).isEqualTo("{\"image\":\"nginx\",\"networks\":{\"default\":null}}");
        // the reference digest comes from the system sha256sum, not from the code under test
        assertThat(ConfigHash.of(web)).isEqualTo(Sha256Reference.of("{\"image\":\"nginx\",\"networks\":{\"default\":null}}"));
    }

    @Test
    void hash_ignoresKeyOrderAndShortSyntax() {
        assertThat(ConfigHash.of(service("services: {web: {image: a, environment: [X=1], ports: ['80']}}\n")))
                .isEqualTo(ConfigHash.of(service("services: {web: {ports: [{target: 80}], environment: {X: '1'}, image: a}}\n")));
    }

    @Test
    void hash_ignoresBuildPullPolicyScaleReplicasDependsOnAndProfiles() {
        assertThat(ConfigHash.of(service("services: {web: {image: a}}\n"))).isEqualTo(ConfigHash.of(service(
                "services: {web: {image: a, build: ., pull_policy: always, scale: 3, deploy: {replicas: 3},"
                        + " depends_on: [db], profiles: [x]}, db: {image: d}}\n")));
    }

    @Test
    void hash_changesWithTheContainerConfiguration() {
        assertThat(ConfigHash.of(service("services: {web: {image: a}}\n")))
                .isNotEqualTo(ConfigHash.of(service("services: {web: {image: a, environment: [X=1]}}\n")));
    }

    @Test
    void canonicalJson_printsWholeDecimalsAsIntegers() {
        MapNode web = service("services: {web: {image: a, cpus: 2}}\n");
        assertThat(CanonicalJson.compact(web.get("cpus"))).isEqualTo("2");
    }

    @Test
    void canonicalJson_yamlSortsKeys() {
        MapNode web = service("services: {web: {image: a, command: [x]}}\n");
        assertThat(CanonicalJson.yaml(web)).isEqualTo("command:\n  - x\nimage: a\nnetworks:\n  default: null\n");
    }

    @Test
    void canonicalJson_yamlQuotesTextThatYaml11ReadersTakeForBooleans() {
        MapNode web = service("services: {web: {image: a, restart: 'no', labels: {a: 'on', b: 'y', c: 'yes please'}}}\n");
        assertThat(CanonicalJson.yaml(web)).isEqualTo("image: a\nlabels:\n  a: 'on'\n  b: 'y'\n  c: yes please\n"
                + "networks:\n  default: null\nrestart: 'no'\n");
    }
}
