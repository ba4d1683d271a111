#!/bin/sh
# Prints the observable isolation facts of the container it runs in, one fact a line, in a fixed
# order, for comparison with a golden file (reference/isolation.md sections 1.1, 1.2 and 3.4).
echo "hostname $(hostname)"
echo "pid $$ ppid $(sed -n 's/^PPid:\t//p' /proc/$$/status)"
echo "id $(id)"
grep -E '^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Seccomp):' /proc/$$/status | tr '\t' ' '
echo "nofile $(ulimit -n) $(ulimit -Hn)"
echo "umask $(umask)"
echo "env $(env | cut -d= -f1 | grep -v -e '^PWD$' -e '^SHLVL$' | sort | tr '\n' ' ')"
MASKED="/proc/acpi /proc/asound /proc/interrupts /proc/kcore /proc/keys /proc/latency_stats /proc/timer_list
        /proc/timer_stats /proc/sched_debug /proc/scsi /sys/firmware /sys/devices/virtual/powercap"
echo "mounts:"
# mount point, type, per-mount options, propagation, and the filesystem options of kernel filesystems
# (the masked paths have their own section: which exist depends on the kernel)
awk -v masked="$MASKED" 'BEGIN { n = split(masked, m, /[ \n]+/); for (k = 1; k <= n; k++) skip[m[k]] = 1 }
    { if ($5 in skip) next; opt = ""; for (i = 7; $i != "-"; i++) opt = opt " " $i;
      t = $(i + 1); if ($5 == "/probe.sh" || $5 ~ /^\/etc\//) t = "(host-fs)";
      sup = (t == "overlay" || t == "(host-fs)") ? "" : " [" $(i + 3) "]";
      gsub(/:[0-9]+/, ":N", opt); print "  " $5 " " t " " $6 opt sup }' /proc/self/mountinfo
echo "masked:"
for p in $MASKED; do
    if [ -d "$p" ]; then [ -z "$(ls -A "$p")" ] && echo "  $p hidden" || echo "  $p VISIBLE";
    elif [ -e "$p" ]; then [ "$(wc -c < "$p")" = 0 ] && echo "  $p hidden" || echo "  $p VISIBLE";
    else echo "  $p hidden"; fi
done
echo "readonly:"
for p in /proc/bus /proc/fs /proc/irq /proc/sys /proc/sysrq-trigger; do
    if [ ! -e "$p" ] || grep -q " $p ro[, ]" /proc/self/mountinfo; then echo "  $p ro"; else echo "  $p WRITABLE"; fi
done
echo "dev:"
cd /dev && for f in *; do
    if [ -L "$f" ]; then echo "  $f -> $(readlink "$f")";
    elif [ -c "$f" ]; then echo "  $f char $(stat -c '%t:%T %a' "$f")";
    else echo "  $f dir"; fi
done
cg=/sys/fs/cgroup
echo "limits $(cat $cg/memory/memory.limit_in_bytes $cg/cpu/cpu.cfs_quota_us $cg/cpu/cpu.cfs_period_us $cg/pids/pids.max 2>/dev/null | tr '\n' ' ')"
echo "sysctl ip_unprivileged_port_start $(cat /proc/sys/net/ipv4/ip_unprivileged_port_start)"
echo "sysctl ping_group_range $(cat /proc/sys/net/ipv4/ping_group_range | tr '\t' ' ')"
echo "links $(ip -o link | cut -d: -f2 | tr -d ' ' | tr '\n' ' ')"
echo "mknod $(mknod /tmp/probe-mem c 1 1 2>&1 && echo created || echo refused)"
echo "userns $(unshare -U true 2>&1 || true)"
