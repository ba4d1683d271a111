package dev.berth.planner.load.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.berth.planner.StackException;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.ScalarNode;
import org.junit.jupiter.api.Test;

class InterpolatorTest {

    private static MapNode read(String yaml) {
        return new YamlReader().readAll("compose.yaml", yaml).getFirst();
    }

    private static Object at(MapNode doc, String... path) {
        Object node = doc;
        for (String p : path) {
            node = node instanceof MapNode m ? m.get(p)
                    : ((dev.berth.planner.tree.SeqNode) node).get(Integer.parseInt(p));
        }
        return ((ScalarNode) node).value();
    }

    @Test
    void interpolate_substitutesValuesButNotKeys() {
        MapNode doc = new Interpolator(Map.of("TAG", "1.2", "K", "x")).interpolate(read("""
                services:
                  web:
                    image: nginx:${TAG}
                    labels:
                      $K: ${K}
                """));
        assertThat(at(doc, "services", "web", "image")).isEqualTo("nginx:1.2");
        assertThat(at(doc, "services", "web", "labels", "$K")).isEqualTo("x");
    }

    @Test
    void interpolate_keepsLocationOfSubstitutedValue() {
        MapNode doc = new Interpolator(Map.of("TAG", "1")).interpolate(read("services:\n  web:\n    image: a:$TAG\n"));
        MapNode web = (MapNode) ((MapNode) doc.get("services")).get("web");
        assertThat(web.get("image").location().toString()).isEqualTo("compose.yaml:3:12");
    }

    @Test
    void interpolate_invalidFormat_isLocatedWithPath() {
        assertThatThrownBy(() -> new Interpolator(Map.of()).interpolate(read("services:\n  web:\n    image: ${foo!}\n")))
                .isInstanceOf(StackException.class)
                .hasMessage("compose.yaml:3:12: invalid interpolation format for services.web.image: \"${foo!}\"; "
                        + "you may need to escape any $ with another $");
    }

    @Test
    void interpolate_invalidFormatInSequence_namesTheIndex() {
        assertThatThrownBy(() -> new Interpolator(Map.of()).interpolate(read("services:\n  web:\n    command: [a, '${}']\n")))
                .hasMessage("compose.yaml:3:18: invalid interpolation format for services.web.command[1]: \"${}\"; "
                        + "you may need to escape any $ with another $");
    }

    @Test
    void interpolate_requiredVariable_isLocated() {
        assertThatThrownBy(() -> new Interpolator(Map.of()).interpolate(read("services:\n  db:\n    image: ${DB:?set DB}\n")))
                .hasMessage("compose.yaml:3:12: required variable DB is missing a value: set DB");
    }

    @Test
    void interpolate_collectsEachUnsetVariableWarningOnce() {
        Interpolator interpolator = new Interpolator(Map.of());
        interpolator.interpolate(read("a: $X\nb: ${X}\nc: $Y\n"));
        assertThat(interpolator.warnings()).containsExactly(
                "The \"X\" variable is not set. Defaulting to a blank string.",
                "The \"Y\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void interpolate_castsKnownNumericAndBooleanFields() {
        MapNode doc = new Interpolator(Map.of("N", "3", "T", "true", "P", "8080")).interpolate(read("""
                services:
                  web:
                    scale: $N
                    privileged: $T
                    cpus: "0.5"
                    healthcheck: {retries: $N}
                    ports: [{target: $P}]
                    depends_on: {db: {condition: service_started, required: "false", restart: $T}}
                    deploy: {replicas: $N}
                    image: "$N"
                networks:
                  n: {external: "true"}
                """));
        assertThat(at(doc, "services", "web", "scale")).isEqualTo(3L);
        assertThat(at(doc, "services", "web", "privileged")).isEqualTo(true);
        assertThat(at(doc, "services", "web", "cpus")).isEqualTo(0.5);
        assertThat(at(doc, "services", "web", "healthcheck", "retries")).isEqualTo(3L);
        assertThat(at(doc, "services", "web", "ports", "0", "target")).isEqualTo(8080L);
        assertThat(at(doc, "services", "web", "depends_on", "db", "required")).isEqualTo(false);
        assertThat(at(doc, "services", "web", "depends_on", "db", "restart")).isEqualTo(true);
        assertThat(at(doc, "services", "web", "deploy", "replicas")).isEqualTo(3L);
        assertThat(at(doc, "services", "web", "image")).isEqualTo("3");
        assertThat(at(doc, "networks", "n", "external")).isEqualTo(true);
    }

    @Test
    void interpolate_yaml11Boolean_isCastWithWarning() {
        Interpolator interpolator = new Interpolator(Map.of("T", "yes"));
        MapNode doc = interpolator.interpolate(read("services:\n  web:\n    tty: $T\n"));
        assertThat(at(doc, "services", "web", "tty")).isEqualTo(true);
        assertThat(interpolator.warnings()).containsExactly(
                "compose.yaml:3:10: \"yes\" for boolean is not supported by YAML 1.2, please use `true`");
    }

    @Test
    void interpolate_valueThatCannotBeCast_isLocatedError() {
        assertThatThrownBy(() -> new Interpolator(Map.of("T", "maybe")).interpolate(read("services:\n  web:\n    init: $T\n")))
                .hasMessage("compose.yaml:3:11: services.web.init: \"maybe\" is not a boolean; write true or false");
        assertThatThrownBy(() -> new Interpolator(Map.of()).interpolate(read("services:\n  web:\n    scale: \"two\"\n")))
                .hasMessage("compose.yaml:3:12: services.web.scale: \"two\" is not an integer; write a whole number such as 3");
        assertThatThrownBy(() -> new Interpolator(Map.of()).interpolate(read("services:\n  web:\n    cpus: \"lots\"\n")))
                .hasMessage("compose.yaml:3:11: services.web.cpus: \"lots\" is not a number; write a number such as 0.5");
    }

    @Test
    void interpolate_leavesNonStringScalarsAlone() {
        MapNode doc = new Interpolator(Map.of()).interpolate(read("services:\n  web:\n    scale: 2\n    x-n: null\n"));
        assertThat(at(doc, "services", "web", "scale")).isEqualTo(2L);
        assertThat(at(doc, "services", "web", "x-n")).isNull();
    }

    @Test
    void interpolate_templatesNestedTooDeep_isLocatedError() {
        String nested = "${A:-".repeat(2000) + "x" + "}".repeat(2000);
        MapNode doc = read("services:\n  web:\n    image: \"" + nested + "\"\n");
        assertThatThrownBy(() -> new Interpolator(Map.of()).interpolate(doc))
                .isInstanceOf(StackException.class)
                .hasMessage("compose.yaml:3:12: variable substitutions nest more than 100 levels deep"
                        + " (${A:-${B:-...}}); use fewer levels");
    }
}
