package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.berth.planner.load.CanonicalJson;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.load.yaml.YamlReader;

class ComposePrintFormTest {

    /** The printed form of service {@code web} of the model written in {@code yaml}, as compact JSON. */
    private static String web(String yaml) {
        MapNode model = new YamlReader().readAll("compose.yaml", "services:\n  web:\n" + yaml).getFirst();
        MapNode printed = ComposePrintForm.of(model);
        return CanonicalJson.compact(((MapNode) printed.get("services")).get("web"));
    }

    @Test
    void fileMode_printsAsZeroAndOctalDigits() {
        assertThat(web("    secrets: [{source: a, mode: 288}]\n    configs: [{source: b, mode: 0}]\n"
                + "    build: {secrets: [{source: a, mode: 420}]}\n"))
                .isEqualTo("{\"build\":{\"secrets\":[{\"mode\":\"0644\",\"source\":\"a\"}]},"
                        + "\"configs\":[{\"mode\":\"00\",\"source\":\"b\"}],\"secrets\":[{\"mode\":\"0440\",\"source\":\"a\"}]}");
    }

    @Test
    void fileMode_negativeAsGoPrintsIt() {
        assertThat(ComposePrintForm.fileMode(-8)).isEqualTo("0-10");
    }

    @Test
    void buildSsh_printsAsAListSortedById() {
        assertThat(web("    build: {ssh: {work: /k/work, default: null}}\n"))
                .isEqualTo("{\"build\":{\"ssh\":[\"default\",\"work=/k/work\"]}}");
    }

    @Test
    void providerOptions_printAsListsOfStrings() {
        assertThat(web("    provider: {type: t, options: {a: 1, b: [x, 2], c: true}}\n"))
                .isEqualTo("{\"provider\":{\"options\":{\"a\":[\"1\"],\"b\":[\"x\",\"2\"],\"c\":[\"true\"]},\"type\":\"t\"}}");
    }

    @Test
    void emptyDns_isLeftOut_otherDnsKept() {
        assertThat(web("    image: x\n    dns: []\n")).isEqualTo("{\"image\":\"x\"}");
        assertThat(web("    dns: [1.1.1.1]\n")).isEqualTo("{\"dns\":[\"1.1.1.1\"]}");
    }

    @Test
    void modelWithoutServices_isPrintedAsItIs() {
        MapNode model = new YamlReader().readAll("compose.yaml", "volumes: {v: {}}\n").getFirst();
        assertThat(ComposePrintForm.of(model)).isSameAs(model);
    }
}
