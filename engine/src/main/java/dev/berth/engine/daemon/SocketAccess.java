package dev.berth.engine.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Who may use the daemon's socket: root and the members of the group {@code berth} (mode 0660)
 * when that group exists, else root alone (0600). Whoever can write to the socket drives the
 * engine, which is as much as root.
 */
final class SocketAccess {

    static final String GROUP = "berth";

    private SocketAccess() {
    }

    /**
     * Refuses to replace a socket someone still serves.
     *
     * @throws DaemonException when a server answers on {@code socket}
     */
    static void refuseIfServed(Path socket) {
        if (!Files.exists(socket)) {
            return;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException stale) {
            return;
        }
        throw new DaemonException("cannot start the berth daemon: something already serves the socket " + socket
                + " (another berth daemon?); stop it first, or give this one another --host");
    }

    /** Sets the socket's group and mode; returns what was set, for the log. */
    static String restrict(Path socket) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(socket, PosixFileAttributeView.class);
        try {
            GroupPrincipal group = socket.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(GROUP);
            view.setGroup(group);
            view.setPermissions(PosixFilePermissions.fromString("rw-rw----"));
            return "socket owned by root and group " + GROUP + ", mode 0660";
        } catch (UserPrincipalNotFoundException noGroup) {
            view.setPermissions(PosixFilePermissions.fromString("rw-------"));
            return "socket for root only, mode 0600, as there is no group " + GROUP + " on this machine";
        }
    }
}
