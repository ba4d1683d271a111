package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.ContainerView;
import dev.berth.engine.core.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container list's filters, and the Status column in Docker's words. */
class ContainerListQueryTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final ContainerView web = view("aaa111", "web", "running", Map.of("app", "shop", "tier", "front"), 0,
            "2026-12-04T11:59:58Z", null);
    private final ContainerView db = view("bbb222", "db", "exited", Map.of("app", "shop"), 3,
            "2026-12-04T11:00:00Z", "2026-12-04T11:59:57Z");
    private final ContainerView fresh = view("aab333", "fresh", "created", Map.of(), 0, null, null);
    private final List<ContainerView> all = List.of(fresh, db, web);

    @Test
    void withoutAll_onlyRunningContainersAreListed() {
        assertThat(query("").apply(all)).containsExactly(web);
        assertThat(query("all=1").apply(all)).containsExactly(fresh, db, web);
    }

    @Test
    void labelTerms_mustAllHold_inEitherFilterShape() {
        assertThat(query("all=1&filters={\"label\":{\"app=shop\":true,\"tier\":true}}").apply(all)).containsExactly(web);
        assertThat(query("all=1&filters={\"label\":[\"app=shop\"]}").apply(all)).containsExactly(db, web);
    }

    @Test
    void statusNameIdAndExited_matchAnyOfTheirValues() {
        assertThat(query("filters={\"status\":[\"created\",\"exited\"]}").apply(all)).containsExactly(fresh, db);
        assertThat(query("all=1&filters={\"name\":[\"^/d\"]}").apply(all)).containsExactly(db);
        assertThat(query("all=1&filters={\"name\":[\"es\"]}").apply(all)).containsExactly(fresh);
        assertThat(query("all=1&filters={\"id\":[\"aa\"]}").apply(all)).containsExactly(fresh, web);
        assertThat(query("all=1&filters={\"exited\":[\"3\"]}").apply(all)).containsExactly(db);
    }

    @Test
    void limit_givesTheNewestWhateverTheirState() {
        assertThat(query("limit=2").apply(all)).containsExactly(fresh, db);
        assertThat(query("limit=-1&all=1").apply(all)).hasSize(3);
    }

    @Test
    void unknownFilterOrStatus_isRefusedInDockersWords() {
        assertThatThrownBy(() -> query("filters={\"network\":[\"x\"]}")).hasMessage("invalid filter 'network'");
        assertThatThrownBy(() -> query("filters={\"status\":[\"sleeping\"]}"))
                .hasMessage("Invalid filter 'status=sleeping'");
    }

    @Test
    void status_isWordedAsDocker() {
        assertThat(ContainerStatusText.of(web, NOW)).isEqualTo("Up 2 seconds");
        assertThat(ContainerStatusText.of(db, NOW)).isEqualTo("Exited (3) 3 seconds ago");
        assertThat(ContainerStatusText.of(fresh, NOW)).isEqualTo("Created");
        assertThat(ContainerStatusText.of(view("c", "p", "paused", Map.of(), 0, "2026-12-04T11:58:30Z", null), NOW))
                .isEqualTo("Up About a minute (Paused)");
    }

    @Test
    void humanDurations_followDockersSteps() {
        assertThat(ContainerStatusText.human(Duration.ofMillis(400))).isEqualTo("Less than a second");
        assertThat(ContainerStatusText.human(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(ContainerStatusText.human(Duration.ofSeconds(59))).isEqualTo("59 seconds");
        assertThat(ContainerStatusText.human(Duration.ofSeconds(90))).isEqualTo("About a minute");
        assertThat(ContainerStatusText.human(Duration.ofMinutes(45))).isEqualTo("45 minutes");
        assertThat(ContainerStatusText.human(Duration.ofMinutes(70))).isEqualTo("About an hour");
        assertThat(ContainerStatusText.human(Duration.ofHours(30))).isEqualTo("30 hours");
        assertThat(ContainerStatusText.human(Duration.ofDays(5))).isEqualTo("5 days");
        assertThat(ContainerStatusText.human(Duration.ofDays(20))).isEqualTo("2 weeks");
        assertThat(ContainerStatusText.human(Duration.ofDays(90))).isEqualTo("3 months");
        assertThat(ContainerStatusText.human(Duration.ofDays(800))).isEqualTo("2 years");
    }

    @Test
    void pruneUntil_readsUnixSecondsTimesAndDurations() {
        assertThat(ContainerPruner.until("1700000000", NOW)).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(ContainerPruner.until("2026-12-01T00:00:00Z", NOW)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(ContainerPruner.until("1h30m", NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(90)));
        assertThatThrownBy(() -> ContainerPruner.until("yesterday", NOW)).hasMessage("invalid filter"
                + " 'until=yesterday': expected unix seconds, an RFC 3339 time or a duration such as 24h");
    }

    private static ContainerListQuery query(String rawQuery) {
        var decoder = new io.netty.handler.codec.http.QueryStringDecoder("/containers/json?" + rawQuery);
        return ContainerListQuery.of(new QueryParams(decoder.parameters()));
    }

    static ContainerView view(String id, String name, String status, Map<String, String> labels, int exitCode,
                              String startedAt, String finishedAt) {
        String fullId = (id + "0".repeat(64)).substring(0, 64);
        return new ContainerView(fullId, name, status, 0, startedAt, finishedAt, exitCode, false, null, "h", "0:0",
                List.of(), List.of(), List.of("sleep", "1"), "", "sha256:" + "f".repeat(64), 15, 10,
                new ContainerView.Limits(0, 0, 0, 0), List.of(), List.of(), false, List.of(), false, false, List.of(),
                "2026-12-04T10:00:00Z", "bb", labels, false, false, false, RestartPolicy.NO, null, List.of(), null,
                false);
    }
}
