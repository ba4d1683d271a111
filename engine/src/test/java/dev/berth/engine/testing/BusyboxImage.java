package dev.berth.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A root filesystem tar made of the host's busybox-static, for tests that need an image. */
public final class BusyboxImage {

    private BusyboxImage() {
    }

    /**
     * The applets in /bin, users root and user (1000, also in group staff 50), /tmp, and
     * /data/seed.txt for copy-up tests.
     */
    public static byte[] rootfsTar() throws IOException, InterruptedException {
        TarWriter tar = new TarWriter().dir("bin", 0755)
                .file("bin/busybox", 0755, Files.readAllBytes(Path.of("/bin/busybox")));
        Process list = new ProcessBuilder("/bin/busybox", "--list").redirectErrorStream(true).start();
        String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor()).as("busybox --list (install busybox-static)").isZero();
        applets.lines().filter(a -> !a.equals("busybox")).forEach(a -> tar.symlink("bin/" + a, "busybox"));
        return tar.dir("etc", 0755)
                .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\n")
                .file("etc/group", "root:x:0:\nstaff:x:50:user\nuser:x:1000:\n")
                .dir("tmp", 01777).dir("root", 0700).dir("data", 0755)
                .file("data/seed.txt", "from image\n")
                .toBytes();
    }
}
