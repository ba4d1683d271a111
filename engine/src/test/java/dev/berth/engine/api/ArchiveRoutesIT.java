package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.ExecRequest;
import dev.berth.engine.ExecResult;
import dev.berth.engine.RunRequest;
import dev.berth.engine.testing.BusyboxRootfs;
import dev.berth.engine.testing.TarWriter;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code docker cp} both ways against running and stopped containers: paths resolved inside the
 * container's root (a symlink to {@code /} stays in it), through its volumes, never on the host.
 */
class ArchiveRoutesIT {

    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\n";

    @RegisterExtension
    final EngineApiFixture fx = new EngineApiFixture();

    private final String unique = "berth-cp-" + UUID.randomUUID();
    private Path host;

    @BeforeEach
    void image() throws Exception {
        fx.engine.importImage(new ByteArrayInputStream(BusyboxRootfs.tar()), "busybox.tar", "busybox");
        host = Files.createDirectories(fx.base.resolve("host"));
    }

    private String running(String... volumes) {
        RunRequest.Builder run = RunRequest.builder("busybox").command("sleep", "1000");
        for (String v : volumes) {
            run.volume(v);
        }
        String id = fx.engine.create(run.build());
        fx.engine.start(id);
        return id;
    }

    /** A container that ran {@code sh -c script} and exited. */
    private String stopped(String script, String... volumes) {
        RunRequest.Builder run = RunRequest.builder("busybox").command("sh", "-c", script);
        for (String v : volumes) {
            run.volume(v);
        }
        String id = fx.engine.create(run.build());
        fx.engine.start(id);
        assertThat(fx.engine.waitFor(id)).isZero();
        return id;
    }

    private String sh(String id, String script) {
        ExecResult result = fx.engine.exec(id, new ExecRequest(List.of("sh", "-c", script), List.of(), null, false));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }

    @Test
    void cpFromRunningContainer_copiesAFileAndAFolder() throws Exception {
        String id = running();
        sh(id, "mkdir -p /work/sub && echo one > /work/a.txt && echo two > /work/sub/b.txt && ln -s a.txt /work/link");

        fx.docker("cp", id + ":/etc/passwd", host.resolve("passwd").toString());
        fx.docker("cp", id + ":/work", host.toString());

        assertThat(host.resolve("passwd")).hasContent(PASSWD.strip());
        assertThat(host.resolve("work/a.txt")).hasContent("one");
        assertThat(host.resolve("work/sub/b.txt")).hasContent("two");
        assertThat(Files.readSymbolicLink(host.resolve("work/link"))).isEqualTo(Path.of("a.txt"));
    }

    @Test
    void cpIntoRunningContainer_writesInsideItsRoot() throws Exception {
        String id = running();
        Files.writeString(host.resolve("in.txt"), "sent\n");

        fx.docker("cp", host.resolve("in.txt").toString(), id + ":/tmp/");
        fx.docker("cp", host.resolve("in.txt").toString(), id + ":/root/renamed.txt");

        assertThat(sh(id, "cat /tmp/in.txt /root/renamed.txt")).isEqualTo("sent\nsent\n");
    }

    @Test
    void cpIntoContainer_givesRootsOwnership_unlessAskedToKeepTheArchives() throws Exception {
        String id = running();
        Path file = Files.writeString(host.resolve("owned.txt"), "mine\n");
        Files.setAttribute(file, "unix:uid", 1000);
        Files.setAttribute(file, "unix:gid", 50);

        fx.docker("cp", file.toString(), id + ":/tmp/plain.txt");
        fx.docker("cp", "-a", file.toString(), id + ":/tmp/kept.txt");

        assertThat(sh(id, "stat -c '%u:%g %a' /tmp/plain.txt /tmp/kept.txt")).isEqualTo("0:0 644\n1000:50 644\n");
    }

    @Test
    void cpThroughASymlinkToSlash_staysInTheContainersRoot_running() throws Exception {
        String id = running();
        sh(id, "ln -s / /escape && ln -s ../../.. /tmp/up");
        Files.writeString(host.resolve(unique), "must stay inside\n");

        fx.docker("cp", host.resolve(unique).toString(), id + ":/escape/tmp/");
        fx.docker("cp", host.resolve(unique).toString(), id + ":/tmp/up/root/");
        fx.docker("cp", id + ":/escape/etc/passwd", host.resolve("via-escape").toString());

        assertThat(sh(id, "cat /tmp/" + unique + " /root/" + unique)).isEqualTo("must stay inside\nmust stay inside\n");
        assertThat(Path.of("/tmp", unique)).doesNotExist();
        assertThat(Path.of("/root", unique)).doesNotExist();
        assertThat(host.resolve("via-escape")).hasContent(PASSWD.strip());
    }

    @Test
    void cpThroughASymlinkToSlash_staysInTheContainersRoot_stopped() throws Exception {
        String id = stopped("ln -s / /escape");
        Files.writeString(host.resolve(unique), "must stay inside\n");

        fx.docker("cp", host.resolve(unique).toString(), id + ":/escape/tmp/");
        fx.docker("cp", id + ":/tmp/" + unique, host.resolve("back").toString());
        fx.docker("cp", id + ":/escape/etc/passwd", host.resolve("via-escape").toString());

        assertThat(host.resolve("back")).hasContent("must stay inside");
        assertThat(Path.of("/tmp", unique)).doesNotExist();
        assertThat(host.resolve("via-escape")).hasContent(PASSWD.strip());
    }

    @Test
    void cpCopiesLinkItself_unlessThePathFollowsIt() throws Exception {
        String id = stopped("ln -s /etc/passwd /pw");

        fx.docker("cp", id + ":/pw", host.resolve("pw").toString());
        fx.docker("cp", "-L", id + ":/pw", host.resolve("pw-followed").toString());

        assertThat(Files.readSymbolicLink(host.resolve("pw"))).isEqualTo(Path.of("/etc/passwd"));
        assertThat(host.resolve("pw-followed")).hasContent(PASSWD.strip());
    }

    @Test
    void cpIntoAStoppedContainersVolume_landsInTheVolume() throws Exception {
        String id = stopped("true", "cpdata:/data");
        Files.writeString(host.resolve("v.txt"), "into the volume\n");

        fx.docker("cp", host.resolve("v.txt").toString(), id + ":/data/");

        Path mountpoint = Path.of(fx.engine.inspectVolume("cpdata").mountpoint());
        assertThat(mountpoint.resolve("v.txt")).hasContent("into the volume");
        fx.docker("cp", id + ":/data/v.txt", host.resolve("v-back.txt").toString());
        assertThat(host.resolve("v-back.txt")).hasContent("into the volume");
    }

    @Test
    void cpFromARunningContainersVolume_readsTheVolume() throws Exception {
        String id = running("rundata:/data");
        Files.writeString(Path.of(fx.engine.inspectVolume("rundata").mountpoint(), "from-host.txt"), "in volume\n");

        fx.docker("cp", id + ":/data/from-host.txt", host.resolve("out.txt").toString());

        assertThat(host.resolve("out.txt")).hasContent("in volume");
    }

    @Test
    void cpIntoAReadOnlyContainer_isRefusedOutsideItsVolumes() throws Exception {
        String id = fx.engine.create(RunRequest.builder("busybox").command("true").readOnly(true)
                .volume("rodata:/data").build());
        Files.writeString(host.resolve("r.txt"), "x\n");

        EngineApiFixture.Result refused = fx.dockerResult(null, "cp", host.resolve("r.txt").toString(), id + ":/tmp/");
        fx.docker("cp", host.resolve("r.txt").toString(), id + ":/data/");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("cannot copy into /tmp/: the container's root filesystem is read-only"
                + " there (--read-only), and no writable volume is mounted at /tmp");
        assertThat(Path.of(fx.engine.inspectVolume("rodata").mountpoint(), "r.txt")).hasContent("x");
    }

    @Test
    void missingPath_is404WithDockersMessage() throws Exception {
        String id = stopped("true");

        EngineApiFixture.Result result = fx.dockerResult(null, "cp", id + ":/no/such/file", host.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Could not find the file /no/such/file in container " + id);
    }

    @Test
    void tarWithParentEntries_isRefused_andNothingLandsOutside() throws Exception {
        String id = stopped("true");
        byte[] hostile = new TarWriter().file("../../../../tmp/" + unique, "x").toBytes();

        String answer = UnixHttp.exchangeBytes(fx.socket, "PUT", "/containers/" + id + "/archive?path=/tmp", hostile);

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("contains \\\"..\\\"");
        assertThat(Path.of("/tmp", unique)).doesNotExist();
    }
}
