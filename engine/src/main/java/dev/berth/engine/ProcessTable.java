package dev.berth.engine;

import dev.berth.engine.core.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processes of a container read from /proc, in the columns of {@code ps -ef} (what
 * {@code docker top} runs by default): the processes of its cgroup in the PID namespace of its
 * PID 1, which holds its exec'd processes too and not the monitor outside it.
 */
final class ProcessTable {

    static final List<String> TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");

    /** USER_HZ is 100 on every Linux ABI berth runs on: /proc/PID/stat counts hundredths of a second. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path proc;
    private final Map<Long, String> users;

    ProcessTable(Path proc, Map<Long, String> users) {
        this.proc = proc;
        this.users = Map.copyOf(users);
    }

    /** This host's /proc, with user names from the host's /etc/passwd as ps shows them. */
    static ProcessTable host() {
        Map<Long, String> users = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].matches("\\d+")) {
                    users.putIfAbsent(Long.parseLong(f[2]), f[0]);
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot read /etc/passwd for the user names of docker top: " + e.getMessage(), e);
        }
        return new ProcessTable(Path.of("/proc"), users);
    }

    /**
     * Those of {@code candidates} (the PIDs in the container's cgroup) that are in the PID namespace
     * of {@code initPid}, ordered by PID: the monitor shares the cgroup but not the namespace.
     */
    ContainerProcesses of(long initPid, Set<Long> candidates) {
        String namespace = namespace(initPid);
        if (namespace == null) {
            throw new EngineException("cannot list the processes of the container: its PID 1 (" + initPid
                    + ") has ended");
        }
        long bootSeconds = bootTime();
        double uptime = uptime();
        List<List<String>> rows = new ArrayList<>();
        try {
            for (long pid : new TreeSet<>(candidates)) {
                if (namespace.equals(namespace(pid))) {
                    List<String> row = row(pid, bootSeconds, uptime);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot read " + proc + " for docker top: " + e.getMessage(), e);
        }
        return new ContainerProcesses(TITLES, rows);
    }

    /**
     * How many of {@code candidates} are outside the PID namespace of {@code initPid}: berth's
     * monitor (and exec launchers), which share the container's cgroup but are not its processes.
     */
    long outsideCount(long initPid, Set<Long> candidates) {
        String namespace = namespace(initPid);
        return namespace == null ? 0 : candidates.stream().filter(pid -> {
            String own = namespace(pid);
            return own != null && !own.equals(namespace);
        }).count();
    }

    /** The columns of one process; null when it ended while being read. */
    private List<String> row(long pid, long bootSeconds, double uptime) throws IOException {
        String stat = read(pid, "stat");
        String status = read(pid, "status");
        byte[] cmdline = readBytes(pid, "cmdline");
        if (stat == null || status == null || cmdline == null) {
            return null;
        }
        // comm may hold spaces and parentheses: the fields after it start after the last ')'
        int close = stat.lastIndexOf(')');
        String comm = stat.substring(stat.indexOf('(') + 1, close);
        String[] f = stat.substring(close + 2).split(" ");
        long ppid = Long.parseLong(f[1]);
        int ttyNr = Integer.parseInt(f[4]);
        long cpuTicks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        long startTicks = Long.parseLong(f[19]);
        double elapsed = uptime - (double) startTicks / TICKS_PER_SECOND;
        long percent = elapsed <= 0 ? 0 : (long) ((double) cpuTicks / TICKS_PER_SECOND * 100 / elapsed);
        Instant started = Instant.ofEpochSecond(bootSeconds + startTicks / TICKS_PER_SECOND);
        return List.of(user(status), Long.toString(pid), Long.toString(ppid), Long.toString(percent),
                startTime(started, Instant.now()), tty(ttyNr), cpuTime(cpuTicks / TICKS_PER_SECOND),
                command(cmdline, comm));
    }

    private String user(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                long euid = Long.parseLong(line.substring(4).strip().split("\\s+")[1]);
                return users.getOrDefault(euid, Long.toString(euid));
            }
        }
        return "?";
    }

    /** ps's STIME: the time of day for a process started in the last 24 hours, else the month and day. */
    static String startTime(Instant started, Instant now) {
        ZonedDateTime at = started.atZone(ZoneId.systemDefault());
        if (Duration.between(started, now).toHours() < 24) {
            return at.format(DateTimeFormatter.ofPattern("HH:mm"));
        }
        if (at.getYear() == LocalDate.now().getYear()) {
            return at.format(DateTimeFormatter.ofPattern("MMMdd", Locale.ENGLISH));
        }
        return Integer.toString(at.getYear());
    }

    /** ps's TTY: {@code ?} for none, {@code pts/N} for a pseudo-terminal, else {@code ttyN}. */
    static String tty(int ttyNr) {
        if (ttyNr == 0) {
            return "?";
        }
        int major = (ttyNr >> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        if (major >= 136 && major <= 143) {
            return "pts/" + ((major - 136) * 256 + minor);
        }
        return "tty" + minor;
    }

    /** ps's TIME: CPU time as {@code [D-]HH:MM:SS}. */
    static String cpuTime(long seconds) {
        long days = seconds / 86400;
        String hms = String.format("%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        return days > 0 ? days + "-" + hms : hms;
    }

    /** ps's CMD: the arguments, or the name in brackets for a process without any (a kernel thread, a zombie). */
    static String command(byte[] cmdline, String comm) {
        String args = new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        return args.isEmpty() ? "[" + comm + "]" : args;
    }

    private String namespace(long pid) {
        try {
            return Files.readSymbolicLink(proc.resolve(Long.toString(pid)).resolve("ns/pid")).toString();
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw new EngineException("cannot read the PID namespace of process " + pid + ": " + e.getMessage(), e);
        }
    }

    private String read(long pid, String file) throws IOException {
        byte[] bytes = readBytes(pid, file);
        return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The file's bytes; null when the process ended (its /proc folder is gone, or reads fail with ESRCH). */
    private byte[] readBytes(long pid, String file) throws IOException {
        Path dir = proc.resolve(Long.toString(pid));
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            if (!Files.exists(dir)) {
                return null;
            }
            throw e;
        }
    }

    private long bootTime() throws EngineException {
        for (String line : readHost("stat").split("\n")) {
            if (line.startsWith("btime ")) {
                return Long.parseLong(line.substring(6).strip());
            }
        }
        throw new EngineException("cannot find the boot time (btime) in " + proc.resolve("stat"));
    }

    private double uptime() {
        return Double.parseDouble(readHost("uptime").split("\\s+")[0]);
    }

    private String readHost(String file) {
        try {
            return Files.readString(proc.resolve(file));
        } catch (IOException e) {
            throw new EngineException("cannot read " + proc.resolve(file) + ": " + e.getMessage(), e);
        }
    }
}
