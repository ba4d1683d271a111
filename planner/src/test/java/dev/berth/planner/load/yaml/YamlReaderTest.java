package dev.berth.planner.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.Directive;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    @Test
    void read_keepsLineAndColumnOfKeysAndValues() {
        MapNode doc = reader.readAll("compose.yaml", "services:\n  web:\n    image: nginx\n").getFirst();
        MapNode web = (MapNode) ((MapNode) doc.get("services")).get("web");
        assertThat(web.keyLocation("image").toString()).isEqualTo("compose.yaml:3:5");
        assertThat(web.get("image").location().toString()).isEqualTo("compose.yaml:3:12");
    }

    @Test
    void read_appliesMergeKeys_explicitKeysWin() {
        String yaml = """
                x-base: &base
                  image: busybox
                  restart: always
                services:
                  a:
                    <<: *base
                    restart: "no"
                """;
        MapNode a = (MapNode) ((MapNode) reader.readAll("f.yaml", yaml).getFirst().get("services")).get("a");
        assertThat(a.toPlain()).isEqualTo(java.util.Map.of("restart", "no", "image", "busybox"));
    }

    @Test
    void read_resolvesCoreSchemaScalars() {
        MapNode doc = reader.readAll("f", "a: 1\nb: 1.5\nc: true\nd: ~\ne: '1'\nf: yes\n").getFirst();
        assertThat(((ScalarNode) doc.get("a")).value()).isEqualTo(1L);
        assertThat(((ScalarNode) doc.get("b")).value()).isEqualTo(1.5);
        assertThat(((ScalarNode) doc.get("c")).value()).isEqualTo(true);
        assertThat(((ScalarNode) doc.get("d")).value()).isNull();
        assertThat(((ScalarNode) doc.get("e")).value()).isEqualTo("1");
        assertThat(((ScalarNode) doc.get("f")).value()).isEqualTo("yes");
    }

    @Test
    void read_keepsResetAndOverrideTags() {
        MapNode doc = reader.readAll("f", "a: !reset []\nb: !override {x: 1}\nc: !reset null\n").getFirst();
        assertThat(doc.get("a").directive()).isEqualTo(Directive.RESET);
        assertThat(doc.get("a")).isInstanceOf(SeqNode.class);
        assertThat(doc.get("b").directive()).isEqualTo(Directive.OVERRIDE);
        assertThat(((ScalarNode) doc.get("c")).value()).isNull();
    }

    @Test
    void read_returnsEveryDocument() {
        List<MapNode> docs = reader.readAll("f", "a: 1\n---\nb: 2\n");
        assertThat(docs).hasSize(2);
    }

    @Test
    void read_refusesDuplicateKeys_namingBothLines() {
        assertThatThrownBy(() -> reader.readAll("c.yaml", "a: 1\nb: 2\na: 3\n"))
                .isInstanceOf(StackException.class)
                .hasMessage("c.yaml:3:1: mapping key \"a\" already defined at line 1; remove one of them");
    }

    @Test
    void read_refusesNonMappingTopLevel() {
        assertThatThrownBy(() -> reader.readAll("c.yaml", "- a\n- b\n"))
                .isInstanceOf(StackException.class)
                .hasMessage("c.yaml:1:1: top-level object must be a mapping, found a sequence");
    }

    @Test
    void read_reportsSyntaxErrorsWithPosition() {
        assertThatThrownBy(() -> reader.readAll("c.yaml", "services:\n  web: [a, b\n"))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("c.yaml:3:1: invalid YAML:");
    }

    @Test
    void read_sharesAnAnchoredValueWithItsAliases() {
        MapNode doc = reader.readAll("f.yaml", "a: &x {k: [1, 2]}\nb: *x\nc: [*x]\n").getFirst();
        assertThat(doc.get("b").toPlain()).isEqualTo(doc.get("a").toPlain());
        assertThat(((SeqNode) doc.get("c")).get(0).location().toString()).isEqualTo("f.yaml:1:4");
    }

    @Test
    void read_takesAnAliasAsAKey() {
        MapNode doc = reader.readAll("f.yaml", "k: &name web\nservices:\n  *name : {image: a}\n").getFirst();
        assertThat(((MapNode) doc.get("services")).keys()).containsExactly("web");
    }

    @Test
    void read_refusesAnAliasWithoutAnAnchor() {
        assertThatThrownBy(() -> reader.readAll("f.yaml", "a: 1\nb: *nope\n"))
                .isInstanceOf(StackException.class)
                .hasMessage("f.yaml:2:4: invalid YAML: alias *nope names no anchor (&nope) written before it");
    }

    @Test
    void read_refusesARecursiveAnchor() {
        assertThatThrownBy(() -> reader.readAll("f.yaml", "a: &x\n  - *x\n"))
                .isInstanceOf(StackException.class)
                .hasMessage("f.yaml:2:5: an alias refers to a node that contains it (recursive anchor)");
    }

    @Test
    void read_refusesAliasesThatExpandBeyondTheLimit() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 7; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (i - 1)))).append("]\n");
        }
        assertThatThrownBy(() -> reader.readAll("f.yaml", yaml.toString()))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("f.yaml:6:")
                .hasMessageEndingWith(": this document has more than 1000000 values once its aliases are expanded;"
                        + " use fewer nested aliases");
    }

    @Test
    void read_refusesWrittenValuesBeyondTheLimit_withoutBlamingAliases() {
        String yaml = "a: [" + "1,".repeat((int) TreeComposer.MAX_VALUES) + "1]\n";
        assertThatThrownBy(() -> reader.readAll("f.yaml", yaml))
                .isInstanceOf(StackException.class)
                .hasMessage("f.yaml:1:1999999: this document has more than 1000000 values; split it into several files");
    }

    @Test
    void read_nulCharacter_isLocated() {
        assertThatThrownBy(() -> reader.readAll("f.yaml", "services:\n  web:\n    image: b\u0000x\n"))
                .isInstanceOf(StackException.class)
                .hasMessage("f.yaml:3:13: invalid YAML: the character U+0000 (NULL) is not allowed in YAML; remove it");
    }

    @Test
    void read_controlCharacterAfterAWideCharacter_isLocatedInCodePoints() {
        assertThatThrownBy(() -> reader.readAll("f.yaml", "a: \uD83D\uDE00\u0007\n"))
                .hasMessage("f.yaml:1:5: invalid YAML: the character U+0007 (BEL) is not allowed in YAML; remove it");
    }

    /** Was quadratic in the scalar's length (18 s for 8 MB): a regression shows as a hang here. */
    @Test
    void read_eightMegabyteScalar_loads() {
        String big = "x".repeat(8 * 1024 * 1024);
        MapNode doc = reader.readAll("f.yaml", "a: \"" + big + "\"\nb: " + big + "\n").getFirst();
        assertThat(((ScalarNode) doc.get("a")).value()).isEqualTo(big);
        assertThat(((ScalarNode) doc.get("b")).value()).isEqualTo(big);
    }

    @Test
    void read_refusesNestingDeeperThanTheLimit() {
        String yaml = "a: " + "[".repeat(TreeComposer.MAX_DEPTH + 1) + "]".repeat(TreeComposer.MAX_DEPTH + 1) + "\n";
        assertThatThrownBy(() -> reader.readAll("f.yaml", yaml))
                .isInstanceOf(StackException.class)
                .hasMessageEndingWith(": the YAML is nested more than 200 levels deep");
    }

    @Test
    void read_refusesACollectionAsAKeyAndANullKey() {
        assertThatThrownBy(() -> reader.readAll("f.yaml", "? [a]\n: 1\n"))
                .isInstanceOf(StackException.class)
                .hasMessage("f.yaml:1:3: a mapping key must be a scalar, not a sequence");
        assertThatThrownBy(() -> reader.readAll("f.yaml", "~: 1\n"))
                .isInstanceOf(StackException.class)
                .hasMessage("f.yaml:1:1: a mapping key must not be null; quote it if you mean the text \"~\"");
    }

    @Test
    void read_convertsExplicitlyTaggedScalars() {
        MapNode doc = reader.readAll("f", "a: !!str 1\nb: !!int \"2\"\nc: !reset 3\nd: !custom 4\ne: 0x1F\n").getFirst();
        assertThat(doc.get("a").toPlain()).isEqualTo("1");
        assertThat(doc.get("b").toPlain()).isEqualTo(2L);
        assertThat(doc.get("c").toPlain()).isEqualTo(3L);
        assertThat(doc.get("d").toPlain()).isEqualTo("4");
        assertThat(doc.get("e").toPlain()).isEqualTo(31L);
    }

    @Test
    void read_takesYaml11OctalAsOctal_asComposesDecoderDoes() {
        MapNode doc = reader.readAll("f", "a: 0440\nb: 0o440\nc: 440\nd: -010\ne: 0\nf: 089\ng: '0440'\n").getFirst();
        assertThat(doc.get("a").toPlain()).isEqualTo(288L);
        assertThat(doc.get("b").toPlain()).isEqualTo(288L);
        assertThat(doc.get("c").toPlain()).isEqualTo(440L);
        assertThat(doc.get("d").toPlain()).isEqualTo(-8L);
        assertThat(doc.get("e").toPlain()).isEqualTo(0L);
        assertThat(doc.get("f").toPlain()).isEqualTo(89L);
        assertThat(doc.get("g").toPlain()).isEqualTo("0440");
    }
}
