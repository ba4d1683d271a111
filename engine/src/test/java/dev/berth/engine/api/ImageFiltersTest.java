package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.ImageView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ImageFiltersTest {

    private static final ImageView BUSYBOX = image("a", "2024-01-01T00:00:00Z", Map.of("tier", "base"),
            name("busybox", "latest"), name("busybox", "1.36"));
    private static final ImageView WEB = image("b", "2024-02-01T00:00:00Z", Map.of("tier", "app", "team", "x"),
            name("app/web", "2"));
    private static final ImageView DANGLING = image("c", "2024-03-01T00:00:00Z", Map.of());
    private static final List<ImageView> ALL = List.of(BUSYBOX, WEB, DANGLING);
    private static final Function<String, ImageView> LOOKUP = ref -> switch (ref) {
        case "busybox" -> BUSYBOX;
        case "app/web:2" -> WEB;
        default -> throw ApiException.notFound("No such image: " + ref);
    };

    private static ImageView.Name name(String repository, String tag) {
        return new ImageView.Name(repository, tag, repository + ":" + tag);
    }

    private static ImageView image(String id, String created, Map<String, String> labels, ImageView.Name... names) {
        return new ImageView("sha256:" + id.repeat(64), List.of(names), List.of(), created, 100, labels);
    }

    private static List<String> ids(List<ImageView> images) {
        return images.stream().map(i -> i.id().substring(7, 8)).toList();
    }

    @Test
    void list_referenceFilter_globsOverNameAndTag_andKeepsOnlyTheMatchingNames() {
        List<ImageView> found = ImageFilters.list(Filters.parse("{\"reference\":{\"busybox:1.*\":true}}"), ALL, LOOKUP);

        assertThat(found).hasSize(1);
        assertThat(found.getFirst().repoTags()).containsExactly("busybox:1.36");
        assertThat(ids(ImageFilters.list(Filters.parse("{\"reference\":[\"busybox\"]}"), ALL, LOOKUP)))
                .containsExactly("a");
        assertThat(ids(ImageFilters.list(Filters.parse("{\"reference\":[\"*\"]}"), ALL, LOOKUP))).containsExactly("a");
        assertThat(ids(ImageFilters.list(Filters.parse("{\"reference\":[\"*/*\"]}"), ALL, LOOKUP))).containsExactly("b");
    }

    @Test
    void list_labelDanglingBeforeSince_inBothShapes() {
        assertThat(ids(ImageFilters.list(Filters.parse("{\"label\":[\"tier\"]}"), ALL, LOOKUP))).containsExactly("a", "b");
        assertThat(ids(ImageFilters.list(Filters.parse("{\"label\":{\"tier=app\":true,\"team\":true}}"), ALL, LOOKUP)))
                .containsExactly("b");
        assertThat(ids(ImageFilters.list(Filters.parse("{\"dangling\":[\"true\"]}"), ALL, LOOKUP))).containsExactly("c");
        assertThat(ids(ImageFilters.list(Filters.parse("{\"dangling\":{\"false\":true}}"), ALL, LOOKUP)))
                .containsExactly("a", "b");
        assertThat(ids(ImageFilters.list(Filters.parse("{\"before\":[\"app/web:2\"]}"), ALL, LOOKUP)))
                .containsExactly("a");
        assertThat(ids(ImageFilters.list(Filters.parse("{\"since\":{\"busybox\":true}}"), ALL, LOOKUP)))
                .containsExactly("b", "c");
    }

    @Test
    void list_refusesUnknownFiltersAndBadValues() {
        assertThatThrownBy(() -> ImageFilters.list(Filters.parse("{\"color\":[\"red\"]}"), ALL, LOOKUP))
                .hasMessage("invalid filter 'color'");
        assertThatThrownBy(() -> ImageFilters.list(Filters.parse("{\"dangling\":[\"maybe\"]}"), ALL, LOOKUP))
                .hasMessage("Invalid filter 'dangling=maybe'");
        assertThatThrownBy(() -> ImageFilters.list(Filters.parse("{\"reference\":[\"bu[sy\"]}"), ALL, LOOKUP))
                .hasMessage("invalid reference filter \"bu[sy\": a character class [ is not closed");
        assertThatThrownBy(() -> ImageFilters.list(Filters.parse("{\"since\":[\"nothing\"]}"), ALL, LOOKUP))
                .hasMessage("No such image: nothing");
    }

    @Test
    void prune_takesDanglingImagesByDefault_andUnusedOnesWithDanglingFalse() {
        Instant now = Instant.parse("2024-06-01T00:00:00Z");

        assertThat(ALL.stream().filter(ImageFilters.prune(Filters.NONE, now)).toList()).containsExactly(DANGLING);
        assertThat(ALL.stream().filter(ImageFilters.prune(Filters.parse("{\"dangling\":{\"false\":true}}"), now)))
                .containsExactly(BUSYBOX, WEB, DANGLING);
    }

    @Test
    void prune_labelNotLabelAndUntil() {
        Instant now = Instant.parse("2024-06-01T00:00:00Z");

        assertThat(ALL.stream().filter(ImageFilters.prune(
                Filters.parse("{\"dangling\":[\"false\"],\"label\":[\"tier\"],\"label!\":[\"team=x\"]}"), now)))
                .containsExactly(BUSYBOX);
        assertThat(ALL.stream().filter(ImageFilters.prune(
                Filters.parse("{\"dangling\":[\"0\"],\"until\":[\"2024-02-15T00:00:00Z\"]}"), now)))
                .containsExactly(BUSYBOX, WEB);
        assertThat(ALL.stream().filter(ImageFilters.prune(
                Filters.parse("{\"dangling\":[\"false\"],\"until\":[\"2500h\"]}"), now)))
                .containsExactly(BUSYBOX, WEB);
        assertThatThrownBy(() -> ImageFilters.prune(Filters.parse("{\"reference\":[\"x\"]}"), now))
                .hasMessage("invalid filter 'reference'");
    }

    @Test
    void timestamps_readDurationsUnixSecondsAndDates() {
        Instant now = Instant.parse("2024-06-01T12:00:00Z");

        assertThat(Timestamps.parse("1h30m", now, "x")).isEqualTo(Instant.parse("2024-06-01T10:30:00Z"));
        assertThat(Timestamps.parse("1717243200.5", now, "x")).isEqualTo(Instant.parse("2024-06-01T12:00:00.5Z"));
        assertThat(Timestamps.parse("2024-05-01", now, "x")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(Timestamps.parse("2024-05-01T02:00:00+02:00", now, "x"))
                .isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThatThrownBy(() -> Timestamps.parse("yesterday", now, "until filter"))
                .hasMessage("invalid until filter \"yesterday\": expected a duration such as 24h, Unix seconds, or a date"
                        + " such as 2006-01-02T15:04:05Z");
    }

    @Test
    void glob_matchesAsGoPathMatch() {
        assertThat(Glob.parse("a*c").matches("abbc")).isTrue();
        assertThat(Glob.parse("a*c").matches("ab/c")).isFalse();
        assertThat(Glob.parse("a?c").matches("abc")).isTrue();
        assertThat(Glob.parse("[^a-b]x").matches("cx")).isTrue();
        assertThat(Glob.parse("[^a-b]x").matches("ax")).isFalse();
        assertThat(Glob.parse("a\\*").matches("a*")).isTrue();
        assertThat(Glob.parse("a.c").matches("abc")).isFalse();
    }
}
