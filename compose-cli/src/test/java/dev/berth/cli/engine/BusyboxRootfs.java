package dev.berth.cli.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Test set-up: a rootfs tar holding the host's {@code /bin/busybox} and symlinks for the applets a test needs. */
public final class BusyboxRootfs {

    private BusyboxRootfs() {
    }

    /** Writes {@code bin/}, {@code bin/busybox} and one {@code bin/APPLET -> busybox} link per applet to {@code tarFile}. */
    public static void write(Path tarFile, String... applets) throws IOException {
        try (OutputStream file = Files.newOutputStream(tarFile);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            TarArchiveEntry bin = new TarArchiveEntry("bin/");
            bin.setMode(040755);
            tar.putArchiveEntry(bin);
            tar.closeArchiveEntry();
            byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
            TarArchiveEntry entry = new TarArchiveEntry("bin/busybox");
            entry.setMode(0100755);
            entry.setSize(busybox.length);
            tar.putArchiveEntry(entry);
            tar.write(busybox);
            tar.closeArchiveEntry();
            for (String applet : applets) {
                TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
        }
    }
}
