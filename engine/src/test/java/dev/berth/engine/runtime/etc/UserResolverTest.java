package dev.berth.engine.runtime.etc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {

    private static final Optional<String> PASSWD = Optional.of("""
            root:x:0:0:root:/root:/bin/sh
            daemon:x:1:1:daemon:/usr/sbin:/bin/false
            www-data:x:33:33:www-data:/var/www:/bin/false
            app:x:1000:1000:App:/home/app:/bin/sh
            """);
    private static final Optional<String> GROUP = Optional.of("""
            root:x:0:
            daemon:x:1:
            www-data:x:33:
            audio:x:29:app
            wheel:x:10:app
            app:x:1000:
            """);

    @Test
    void noUser_isRoot_withItsOwnGroupAsTheOnlyAdditionalGid() {
        assertThat(UserResolver.resolve("", List.of(), PASSWD, GROUP))
                .isEqualTo(new ResolvedUser(0, 0, List.of(0), "/root"));
    }

    @Test
    void aName_takesUidGidHomeAndTheGroupsListingIt() {
        assertThat(UserResolver.resolve("app", List.of(), PASSWD, GROUP))
                .isEqualTo(new ResolvedUser(1000, 1000, List.of(1000, 29, 10), "/home/app"));
    }

    @Test
    void aNumber_isAlwaysAUid_andNeedNotBeInPasswd() {
        assertThat(UserResolver.resolve("1000", List.of(), PASSWD, GROUP))
                .isEqualTo(new ResolvedUser(1000, 1000, List.of(1000, 29, 10), "/home/app"));
        assertThat(UserResolver.resolve("4242", List.of(), PASSWD, GROUP))
                .isEqualTo(new ResolvedUser(4242, 0, List.of(0), "/"));
    }

    @Test
    void anExplicitGroup_replacesThePrimaryGroup_andDropsTheListedOnes() {
        assertThat(UserResolver.resolve("app:www-data", List.of(), PASSWD, GROUP))
                .isEqualTo(new ResolvedUser(1000, 33, List.of(33), "/home/app"));
        assertThat(UserResolver.resolve("1000:5000", List.of(), PASSWD, GROUP))
                .isEqualTo(new ResolvedUser(1000, 5000, List.of(5000), "/home/app"));
    }

    @Test
    void groupAdd_appendsNamedAndNumericGroups() {
        assertThat(UserResolver.resolve("www-data", List.of("audio", "4000"), PASSWD, GROUP))
                .isEqualTo(new ResolvedUser(33, 33, List.of(33, 29, 4000), "/var/www"));
    }

    @Test
    void missingNames_failWithRuncsWording() {
        assertThatThrownBy(() -> UserResolver.resolve("ghost", List.of(), PASSWD, GROUP))
                .isInstanceOf(EngineException.class)
                .hasMessage("unable to find user ghost: no matching entries in passwd file");
        assertThatThrownBy(() -> UserResolver.resolve("app:ghosts", List.of(), PASSWD, GROUP))
                .hasMessage("unable to find group ghosts: no matching entries in group file");
        assertThatThrownBy(() -> UserResolver.resolve("app", List.of("nogroup"), PASSWD, GROUP))
                .hasMessage("Unable to find group nogroup: no matching entries in group file");
    }

    @Test
    void idsOutOfRange_areRefused() {
        assertThatThrownBy(() -> UserResolver.resolve("3000000000", List.of(), PASSWD, GROUP))
                .hasMessage("uids and gids must be in range 0-2147483647");
    }

    @Test
    void anImageWithoutPasswd_allowsNumbersOnly() {
        assertThat(UserResolver.resolve("", List.of(), Optional.empty(), Optional.empty()))
                .isEqualTo(new ResolvedUser(0, 0, List.of(0), "/"));
        assertThat(UserResolver.resolve("1000:1000", List.of(), Optional.empty(), Optional.empty()))
                .isEqualTo(new ResolvedUser(1000, 1000, List.of(1000), "/"));
        assertThatThrownBy(() -> UserResolver.resolve("app", List.of(), Optional.empty(), Optional.empty()))
                .hasMessage("unable to find user app: no matching entries in passwd file");
    }

    @Test
    void resolve_readsTheImagesFilesThroughItsLayers(@TempDir Path temp) throws Exception {
        Path lower = Files.createDirectories(temp.resolve("lower/etc"));
        Path upper = Files.createDirectories(temp.resolve("upper/etc"));
        Files.writeString(lower.resolve("passwd"), PASSWD.orElseThrow());
        Files.writeString(lower.resolve("group"), GROUP.orElseThrow());
        Files.writeString(upper.resolve("passwd"), PASSWD.orElseThrow() + "late:x:2000:2000::/srv:/bin/sh\n");

        ResolvedUser user = UserResolver.resolve("late", List.of(),
                new LayeredRootfs(List.of(temp.resolve("upper"), temp.resolve("lower"))));

        assertThat(user).isEqualTo(new ResolvedUser(2000, 2000, List.of(2000), "/srv"));
    }
}
