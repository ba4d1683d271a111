package dev.berth.planner.load.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.SeqNode;

class JsonTreeReaderTest {

    private static MapNode read(String json) throws IOException {
        return new JsonTreeReader("s.json").read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void read_keepsKeysInOrderWithTheirTypesAndPlaces() throws IOException {
        MapNode root = read("{\"b\": 1,\n \"a\": [\"x\", 2.5, true, null],\n \"c\": {\"d\": false}}");
        assertThat(root.keys()).containsExactly("b", "a", "c");
        assertThat(root.get("b").toPlain()).isEqualTo(1L);
        assertThat(((SeqNode) root.get("a")).items()).extracting(n -> n.toPlain())
                .containsExactly("x", 2.5, true, null);
        assertThat(root.get("c").toPlain()).isEqualTo(java.util.Map.of("d", false));
        assertThat(root.keyLocation("a")).isEqualTo(new Location("s.json", 2, 2));
        assertThat(root.get("a").location()).isEqualTo(new Location("s.json", 2, 7));
    }

    @Test
    void read_refusesADocumentThatIsNotAnObject() {
        assertThatThrownBy(() -> read("[1]")).isInstanceOf(IOException.class)
                .hasMessage("s.json: the root of the document is not an object");
    }
}
