package dev.berth.engine.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A root filesystem made from Debian's busybox-static: /bin/busybox, its applets, /etc/passwd and /etc/group. */
final class BusyboxRootfs {

    private static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxRootfs() {
    }

    static Path create(Path dir) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
        List<String> applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (list.waitFor() != 0 || applets.isEmpty()) {
            throw new IOException("busybox --list failed: install busybox-static");
        }
        for (String applet : applets) {
            if (!applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nuser:x:1000:\n");
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("root"));
        return dir;
    }
}
