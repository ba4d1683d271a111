package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.EngineEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final String ID = "4f1c0e9a7b2d" + "0".repeat(52);
    private static final EngineEvent DIE = new EngineEvent(EngineEvent.CONTAINER, "die", ID,
            Map.of("name", "shop-web-1", "image", "busybox:latest", "exitCode", "1",
                    "com.docker.compose.project", "shop", "com.docker.compose.oneoff", "False"), 1);
    private static final EngineEvent HEALTH = new EngineEvent(EngineEvent.CONTAINER, "health_status: healthy", ID,
            Map.of("name", "shop-web-1", "image", "busybox:latest"), 2);
    private static final EngineEvent VOLUME = new EngineEvent(EngineEvent.VOLUME, "create", "shop_data",
            Map.of("driver", "local"), 3);
    private static final EngineEvent TAG = new EngineEvent(EngineEvent.IMAGE, "tag", "sha256:abc",
            Map.of("name", "shop/web:1.2"), 4);

    private static EventFilter filter(String json) {
        return EventFilter.of(Filters.parse(json));
    }

    @Test
    void labels_inBothShapes_mustAllMatchTheAttributes() {
        for (String json : new String[] {
                "{\"label\":[\"com.docker.compose.project=shop\",\"com.docker.compose.oneoff=False\"]}",
                "{\"label\":{\"com.docker.compose.project=shop\":true,\"com.docker.compose.oneoff=False\":true}}"}) {
            assertThat(filter(json).includes(DIE)).as(json).isTrue();
            assertThat(filter(json).includes(VOLUME)).as(json).isFalse();
        }
        assertThat(filter("{\"label\":[\"com.docker.compose.project=shop\",\"other\"]}").includes(DIE)).isFalse();
    }

    @Test
    void typeAndEvent_matchExactly_valuesAreAlternatives() {
        assertThat(filter("{\"type\":[\"container\"]}").includes(DIE)).isTrue();
        assertThat(filter("{\"type\":[\"container\"]}").includes(VOLUME)).isFalse();
        assertThat(filter("{\"type\":[\"image\",\"volume\"]}").includes(VOLUME)).isTrue();
        assertThat(filter("{\"event\":[\"start\",\"die\"]}").includes(DIE)).isTrue();
        assertThat(filter("{\"event\":[\"di\"]}").includes(DIE)).isFalse();
    }

    @Test
    void event_healthStatus_matchesEveryHealthStatusAction() {
        assertThat(filter("{\"event\":[\"health_status\"]}").includes(HEALTH)).isTrue();
        assertThat(filter("{\"event\":[\"health_status: healthy\"]}").includes(HEALTH)).isTrue();
        assertThat(filter("{\"event\":[\"health_status: unhealthy\"]}").includes(HEALTH)).isFalse();
    }

    @Test
    void container_matchesIdOrName_orAPrefixOfEither_andNoOtherType() {
        assertThat(filter("{\"container\":[\"shop-web-1\"]}").includes(DIE)).isTrue();
        assertThat(filter("{\"container\":[\"4f1c0e9a\"]}").includes(DIE)).isTrue();
        assertThat(filter("{\"container\":[\"shop-api-1\"]}").includes(DIE)).isFalse();
        assertThat(filter("{\"container\":[\"shop\"]}").includes(VOLUME)).isFalse();
    }

    @Test
    void volume_matchesTheVolumeName() {
        assertThat(filter("{\"volume\":[\"shop_data\"]}").includes(VOLUME)).isTrue();
        assertThat(filter("{\"volume\":[\"shop_data\"]}").includes(DIE)).isFalse();
    }

    @Test
    void image_matchesNameWithOrWithoutTag_orTheId() {
        assertThat(filter("{\"image\":[\"busybox\"]}").includes(DIE)).isTrue();
        assertThat(filter("{\"image\":[\"busybox:latest\"]}").includes(DIE)).isTrue();
        assertThat(filter("{\"image\":[\"alpine\"]}").includes(DIE)).isFalse();
        assertThat(filter("{\"image\":[\"shop/web\"]}").includes(TAG)).isTrue();
        assertThat(filter("{\"image\":[\"sha256:abc\"]}").includes(TAG)).isTrue();
    }

    @Test
    void unknownFilter_isRefusedWithDockersWording() {
        assertThatThrownBy(() -> filter("{\"colour\":[\"red\"]}"))
                .isInstanceOf(ApiException.class).hasMessage("invalid filter 'colour'");
    }

    @Test
    void withoutTag_keepsRegistryPorts() {
        assertThat(EventFilter.withoutTag("localhost:5000/shop/web:1.2")).isEqualTo("localhost:5000/shop/web");
        assertThat(EventFilter.withoutTag("localhost:5000/shop/web")).isEqualTo("localhost:5000/shop/web");
        assertThat(EventFilter.withoutTag("busybox@sha256:abc")).isEqualTo("busybox");
    }

    @Test
    void timestamps_areUnixSecondsWithAnOptionalFraction() {
        assertThat(EventRoutes.parseTimestamp("since", "1700000000")).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(EventRoutes.parseTimestamp("since", "1700000000.5")).isEqualTo(1_700_000_000_500_000_000L);
        assertThat(EventRoutes.parseTimestamp("since", "1700000000.000000001")).isEqualTo(1_700_000_000_000_000_001L);
        assertThatThrownBy(() -> EventRoutes.parseTimestamp("until", "10m"))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("invalid value for until: \"10m\" is not a unix timestamp");
    }

    @Test
    void json_hasDockersFields() {
        Map<String, Object> json = EventRoutes.json(DIE);

        assertThat(json).containsKeys("status", "id", "from", "Type", "Action", "Actor", "scope", "time", "timeNano");
        assertThat(json.get("from")).isEqualTo("busybox:latest");
        assertThat(json.get("scope")).isEqualTo("local");
        assertThat(EventRoutes.json(VOLUME)).doesNotContainKeys("status", "id", "from");
    }
}
