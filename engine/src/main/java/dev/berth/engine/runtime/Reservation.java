package dev.berth.engine.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A container being created: its ID and name are taken (no other create may use the name), but it
 * is not listed until {@link ContainerRuntime#commit} moves its folder into place. Stored as
 * {@code reservation.json} in {@code containers/.creating-<id>/} and kept in the container's folder
 * once committed, as the record of which process created it.
 *
 * @param creatorPid       the process that creates the container (and, for {@code --rm}, removes it)
 * @param creatorStartTime its start time from /proc, to tell it from a process given its PID later
 * @param volumes          the volumes the container will mount, recorded before they are made, so a
 *                         concurrent volume removal counts them as in use
 * @param anonymousVolumes the anonymous ones among them, removed if the creator dies before the commit
 */
public record Reservation(String id, String name, long creatorPid, long creatorStartTime, List<String> volumes,
                          List<String> anonymousVolumes) {

    public Reservation {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        anonymousVolumes = anonymousVolumes == null ? List.of() : List.copyOf(anonymousVolumes);
    }

    /** A reservation by this process. */
    static Reservation byThisProcess(String id, String name) {
        long pid = ProcessHandle.current().pid();
        return new Reservation(id, name, pid, Syscalls.startTime(pid).orElse(0), List.of(), List.of());
    }

    /** This reservation with one more volume. */
    Reservation withVolume(String volume, boolean anonymous) {
        List<String> all = new ArrayList<>(volumes);
        all.add(volume);
        List<String> anon = new ArrayList<>(anonymousVolumes);
        if (anonymous) {
            anon.add(volume);
        }
        return new Reservation(id, name, creatorPid, creatorStartTime, all, anon);
    }

    /** True while the creating process runs (a zombie counts as gone). */
    boolean creatorAlive() {
        return Syscalls.isAlive(creatorPid, creatorStartTime);
    }
}
