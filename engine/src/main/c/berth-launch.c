/*
 * berth-launch: the container side of berth's runtime, single-threaded, no libraries beyond libc.
 *
 * Usage:
 *   berth-launch launch SPECFILE   become the container's monitor ("shim") and start its init
 *   berth-launch exec SPECFILE     run one further process inside a running container
 *
 * SPECFILE holds NUL-terminated records, key then value: "key\0value\0key\0value\0...". Keys may
 * repeat (arg, env, cap, ...) and keep their order. dev.berth.engine.runtime.launch.SpecWriter
 * writes it; the keys are listed in its Javadoc and in parse_spec() below.
 *
 * launch protocol (stdout of the launcher, one line each, then stdin/stdout/stderr go to
 * /dev/null so the monitor no longer depends on its caller):
 *   "net <initpid>"               only with sync-net=1: the namespaces exist; the caller may wire
 *                                 the network, then writes one line to stdin to continue
 *   "ok <initpid>"                the command was exec'd; the monitor keeps running
 *   "error <code> <message>"      setup or exec failed (code 126, 127 or 128, as Docker gives)
 * The monitor writes <state>/exit.json (temp + rename) when the container ends, then exits 0, or 1
 * when exit.json could not be written. It records the first failure to write the json-file log in
 * <state>/log-warning.json ({"error":"...","lostEntries":N}); a log that cannot be opened at all
 * fails the start ("error 128 failed to initialize logging driver: ...").
 *
 * With tty=1 the container's init gets a pseudo-terminal of the container's own devpts as its stdin,
 * stdout, stderr and controlling terminal; the container side passes the master to the monitor
 * over a socket (SCM_RIGHTS), and the monitor logs its output as stdout, raw. With open-stdin=1
 * (and no tty) the init's stdin is a pipe from the monitor. Either way the monitor makes the FIFO
 * <control> before starting the container and reads frames from it: "d" bytes for the stdin, "c"
 * close the stdin (a pipe only), "r" a window size (see relay_frames). It removes it at the end.
 *
 * exec with tty=1 allocates a pseudo-terminal in the container for the process and relays between
 * it and its own stdin and stdout; its <control> FIFO (made by the caller) carries window sizes.
 *
 * The container side follows reference/isolation.md section 2.5.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

struct mnt {
    const char *type, *src, *dst, *opts;
};

struct rl {
    int res;
    rlim_t soft, hard;
};

/* Repeated records live in arrays that parse_spec grows as it reads them (ADD): n* counts the
   records, c* the allocated slots. Nothing but memory bounds them here; the kernel bounds arg and
   env together at execve (ARG_MAX), which the engine checks before it launches. */
struct spec {
    const char *id, *state, *log, *rootfs, *upper, *work, *cwd, *hostname;
    const char **lower; int nlower, clower;
    const char **arg; int narg, carg;
    const char **env; int nenv, cenv;
    gid_t *groups; int ngroups, cgroups;
    int *caps; int ncaps, ccaps;
    struct mnt *mounts; int nmounts, cmounts;
    const char **mask; int nmask, cmask;
    const char **ropath; int nropath, cropath;
    const char **sysctl; int nsysctl, csysctl;
    const char **cgprocs; int ncgprocs, ccgprocs;
    const char **cgbind; int ncgbind, ccgbind; /* "name=hostdir" */
    struct rl *rl; int nrl, crl;
    uid_t uid; gid_t gid;
    long long log_max_size; int log_max_file;
    const char *shm_size;
    int privileged, seccomp, nnp, readonly, init, sync_net;
    pid_t pid; /* exec: the container's init */
    pid_t monitor; /* exec: the init's parent, the container's monitor */
    int tty;        /* the process gets a pseudo-terminal as stdin, stdout, stderr and controlling tty */
    int open_stdin; /* launch: the container's stdin is a pipe fed from the control FIFO */
    const char *control; /* the control FIFO: stdin bytes, stdin close, window size (see relay_frames) */
    unsigned short rows, cols; /* exec: the terminal's initial window size, 0 for none */
};

static int err_fd = -1;      /* container side: where a setup error is reported */
static int report_stdout = 0; /* monitor side, before "ok": errors go to stdout as "error ..." */

/* Reports a setup error (code + message) to the monitor, or to stderr, and exits with code. */
static void die_code(int code, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    int n = snprintf(buf, sizeof buf, "%d ", code);
    va_start(ap, fmt);
    vsnprintf(buf + n, sizeof buf - n, fmt, ap);
    va_end(ap);
    if (err_fd >= 0) {
        ssize_t w = write(err_fd, buf, strlen(buf));
        (void) w;
    } else if (report_stdout) {
        printf("error %s\n", buf);
        fflush(stdout);
    } else {
        fprintf(stderr, "berth-launch: %s\n", buf + n);
    }
    _exit(code);
}

#define die(...) die_code(128, __VA_ARGS__)

static long long num(const char *s, const char *key)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || end == s)
        die("spec: %s: \"%s\" is not a number", key, s);
    return v;
}

static char *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        die("cannot open spec %s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0)
        die("cannot stat spec %s: %s", path, strerror(errno));
    char *buf = malloc(st.st_size + 1);
    if (!buf)
        die("out of memory");
    size_t off = 0;
    while (off < (size_t) st.st_size) {
        ssize_t r = read(fd, buf + off, st.st_size - off);
        if (r <= 0)
            die("cannot read spec %s", path);
        off += r;
    }
    buf[off] = 0;
    close(fd);
    *len = off;
    return buf;
}

/* A capability number from the spec; the launcher keeps capability sets in 64-bit masks. */
static int capability(const char *v)
{
    long long c = num(v, "cap");
    if (c < 0 || c > 63)
        die("spec: cap %lld is not a capability number (0 to 63)", c);
    return (int) c;
}

/* Makes room for one more element in a record array, keeping one spare slot for the NULL that
   terminates argv and envp. */
static void *grow(void *arr, int n, int *cap, size_t size, const char *key)
{
    if (n + 1 < *cap)
        return arr;
    if (*cap > INT_MAX / 2)
        die("spec: more than %d %s records", n, key);
    int want = *cap ? *cap * 2 : 16;
    void *p = realloc(arr, (size_t) want * size);
    if (!p)
        die("spec: out of memory after %d %s records", n, key);
    *cap = want;
    return p;
}

/* Appends v to the record array arr, whose count is n and capacity c. */
#define ADD(arr, n, c, v) do { \
        (arr) = grow((arr), (n), &(c), sizeof *(arr), k); \
        (arr)[(n)++] = (v); \
    } while (0)

static void parse_spec(const char *path, struct spec *s)
{
    size_t len, i = 0;
    char *buf = read_file(path, &len);
    memset(s, 0, sizeof *s);
    s->seccomp = 1;
    s->log_max_file = 1;
    s->cwd = "/";
    s->shm_size = "67108864";
    struct mnt *cur = NULL;
    while (i < len) {
        const char *k = buf + i;
        i += strlen(k) + 1;
        if (i > len)
            die("spec: key \"%s\" has no value", k);
        const char *v = buf + i;
        i += strlen(v) + 1;
        if (!strcmp(k, "id")) s->id = v;
        else if (!strcmp(k, "state")) s->state = v;
        else if (!strcmp(k, "log")) s->log = v;
        else if (!strcmp(k, "log-max-size")) s->log_max_size = num(v, k);
        else if (!strcmp(k, "log-max-file")) s->log_max_file = (int) num(v, k);
        else if (!strcmp(k, "rootfs")) s->rootfs = v;
        else if (!strcmp(k, "lower")) ADD(s->lower, s->nlower, s->clower, v);
        else if (!strcmp(k, "upper")) s->upper = v;
        else if (!strcmp(k, "work")) s->work = v;
        else if (!strcmp(k, "arg")) ADD(s->arg, s->narg, s->carg, v);
        else if (!strcmp(k, "env")) ADD(s->env, s->nenv, s->cenv, v);
        else if (!strcmp(k, "cwd")) s->cwd = v;
        else if (!strcmp(k, "uid")) s->uid = (uid_t) num(v, k);
        else if (!strcmp(k, "gid")) s->gid = (gid_t) num(v, k);
        else if (!strcmp(k, "group")) ADD(s->groups, s->ngroups, s->cgroups, (gid_t) num(v, k));
        else if (!strcmp(k, "hostname")) s->hostname = v;
        else if (!strcmp(k, "cap")) ADD(s->caps, s->ncaps, s->ccaps, capability(v));
        else if (!strcmp(k, "privileged")) s->privileged = (int) num(v, k);
        else if (!strcmp(k, "seccomp")) s->seccomp = (int) num(v, k);
        else if (!strcmp(k, "nnp")) s->nnp = (int) num(v, k);
        else if (!strcmp(k, "readonly")) s->readonly = (int) num(v, k);
        else if (!strcmp(k, "init")) s->init = (int) num(v, k);
        else if (!strcmp(k, "sync-net")) s->sync_net = (int) num(v, k);
        else if (!strcmp(k, "shm-size")) s->shm_size = v;
        else if (!strcmp(k, "pid")) s->pid = (pid_t) num(v, k);
        else if (!strcmp(k, "monitor")) s->monitor = (pid_t) num(v, k);
        else if (!strcmp(k, "tty")) s->tty = (int) num(v, k);
        else if (!strcmp(k, "open-stdin")) s->open_stdin = (int) num(v, k);
        else if (!strcmp(k, "control")) s->control = v;
        else if (!strcmp(k, "tty-size")) {
            unsigned rows, cols;
            if (sscanf(v, "%u %u", &rows, &cols) != 2 || rows > 65535 || cols > 65535)
                die("spec: tty-size \"%s\" is not \"ROWS COLUMNS\"", v);
            s->rows = (unsigned short) rows;
            s->cols = (unsigned short) cols;
        }
        else if (!strcmp(k, "mask")) ADD(s->mask, s->nmask, s->cmask, v);
        else if (!strcmp(k, "ro-path")) ADD(s->ropath, s->nropath, s->cropath, v);
        else if (!strcmp(k, "sysctl")) ADD(s->sysctl, s->nsysctl, s->csysctl, v);
        else if (!strcmp(k, "cgroup-procs")) ADD(s->cgprocs, s->ncgprocs, s->ccgprocs, v);
        else if (!strcmp(k, "cgroup-bind")) ADD(s->cgbind, s->ncgbind, s->ccgbind, v);
        else if (!strcmp(k, "mount.type")) {
            ADD(s->mounts, s->nmounts, s->cmounts, ((struct mnt) { .type = v, .src = "", .opts = "" }));
            cur = &s->mounts[s->nmounts - 1];
        } else if (!strcmp(k, "mount.src") && cur) cur->src = v;
        else if (!strcmp(k, "mount.dst") && cur) cur->dst = v;
        else if (!strcmp(k, "mount.opts") && cur) cur->opts = v;
        else if (!strcmp(k, "rlimit")) {
            long long r, so, h;
            char so_s[32], h_s[32];
            if (sscanf(v, "%lld %31s %31s", &r, so_s, h_s) != 3)
                die("spec: rlimit \"%s\" is not \"RESOURCE SOFT HARD\"", v);
            so = !strcmp(so_s, "-1") ? -1 : num(so_s, k);
            h = !strcmp(h_s, "-1") ? -1 : num(h_s, k);
            ADD(s->rl, s->nrl, s->crl, ((struct rl) { (int) r, so < 0 ? RLIM_INFINITY : (rlim_t) so,
                                                      h < 0 ? RLIM_INFINITY : (rlim_t) h }));
        } else die("spec: unknown key \"%s\"", k);
    }
    if (s->narg == 0)
        die("spec: no command (arg records) given");
    /* envp may be empty, but execve needs it NULL-terminated */
    const char *k = "env";
    s->env = grow(s->env, s->nenv, &s->cenv, sizeof *s->env, k);
    for (int m = 0; m < s->nmounts; m++)
        if (!s->mounts[m].dst)
            die("spec: mount %d has no mount.dst", m);
}

/* ---------- small file helpers ---------- */

static int write_str(const char *path, const char *str)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, str, strlen(str));
    int e = errno;
    close(fd);
    errno = e;
    return n == (ssize_t) strlen(str) ? 0 : -1;
}

static void mkdir_p(const char *path, mode_t mode)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            mkdir(tmp, mode);
            *p = '/';
        }
    }
    mkdir(tmp, mode);
}

static void join_cgroups(struct spec *s)
{
    char pid[32];
    snprintf(pid, sizeof pid, "%d", getpid());
    for (int i = 0; i < s->ncgprocs; i++)
        if (write_str(s->cgprocs[i], pid) < 0)
            die("cannot join cgroup %s: %s", s->cgprocs[i], strerror(errno));
}

static void set_rlimits(struct spec *s)
{
    for (int i = 0; i < s->nrl; i++) {
        struct rlimit r = { s->rl[i].soft, s->rl[i].hard };
        if (setrlimit(s->rl[i].res, &r) < 0)
            die("cannot set rlimit %d to %llu/%llu: %s", s->rl[i].res,
                (unsigned long long) r.rlim_cur, (unsigned long long) r.rlim_max, strerror(errno));
    }
}

/* ---------- seccomp: a small cBPF denylist, default allow (isolation.md 1.3) ---------- */

static int has_cap(struct spec *s, int cap)
{
    for (int i = 0; i < s->ncaps; i++)
        if (s->caps[i] == cap)
            return 1;
    return 0;
}

#define NS_FLAGS (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | \
                  CLONE_NEWPID | CLONE_NEWNET | 0x80 /* CLONE_NEWTIME */)
#define RET_ERRNO(e) (SECCOMP_RET_ERRNO | ((e) & SECCOMP_RET_DATA))
#define X32 0x40000000 /* __X32_SYSCALL_BIT: x32 calls arrive as x86_64 ones with this bit set */

/*
 * The system calls the filter touches, by number in each ABI an x86_64 kernel runs, as Docker's
 * profile allows them on amd64 (SCMP_ARCH_X86_64 with the sub-architectures SCMP_ARCH_X86 and
 * SCMP_ARCH_X32): columns x86_64, x32 and i386 (arch/x86/entry/syscalls/syscall_64.tbl and
 * syscall_32.tbl), -1 where that ABI lacks the call. cap: allowed when the container has that
 * capability, as Docker's profile does; -1: always refused.
 */
enum { ABI_X86_64, ABI_X32, ABI_I386, NABI };
static const uint32_t ABI_ARCH[NABI] = { AUDIT_ARCH_X86_64, AUDIT_ARCH_X86_64, AUDIT_ARCH_I386 };
struct syscall_nr { int nr[NABI]; int cap; };
static const struct syscall_nr DENIED[] = {
    /* keyrings are not namespaced */
    { { __NR_keyctl, X32 | 250, 288 }, -1 },
    { { __NR_add_key, X32 | 248, 286 }, -1 },
    { { __NR_request_key, X32 | 249, 287 }, -1 },
    /* not on Docker's allowlist at all */
    { { __NR_userfaultfd, X32 | 323, 374 }, -1 },
    { { __NR_io_uring_setup, X32 | 425, 425 }, -1 },
    { { __NR_io_uring_enter, X32 | 426, 426 }, -1 },
    { { __NR_io_uring_register, X32 | 427, 427 }, -1 },
    /* allowed by Docker's profile with the capability that guards them */
    { { __NR_bpf, X32 | 321, 357 }, CAP_SYS_ADMIN },
    { { __NR_perf_event_open, X32 | 298, 336 }, CAP_SYS_ADMIN },
    { { __NR_setns, X32 | 308, 346 }, CAP_SYS_ADMIN },
    { { __NR_kexec_load, X32 | 528, 283 }, CAP_SYS_BOOT },
    { { __NR_kexec_file_load, X32 | 320, -1 }, CAP_SYS_BOOT },
    { { __NR_init_module, X32 | 175, 128 }, CAP_SYS_MODULE },
    { { __NR_finit_module, X32 | 313, 350 }, CAP_SYS_MODULE },
    { { __NR_delete_module, X32 | 176, 129 }, CAP_SYS_MODULE },
    { { __NR_open_by_handle_at, X32 | 304, 342 }, CAP_DAC_READ_SEARCH },
};
static const struct syscall_nr NR_CLONE3 = { { __NR_clone3, X32 | 435, 435 }, -1 };
static const struct syscall_nr NR_UNSHARE = { { __NR_unshare, X32 | 272, 310 }, CAP_SYS_ADMIN };
static const struct syscall_nr NR_CLONE = { { __NR_clone, X32 | 56, 120 }, CAP_SYS_ADMIN };

struct bpf_prog {
    struct sock_filter f[512];
    int n;
};

static void emit(struct bpf_prog *p, uint16_t code, uint32_t k, uint8_t jt, uint8_t jf)
{
    if (p->n >= (int) (sizeof p->f / sizeof p->f[0]))
        die("internal error: the seccomp filter outgrew its %zu instructions",
            sizeof p->f / sizeof p->f[0]);
    p->f[p->n++] = (struct sock_filter) BPF_JUMP(code, k, jt, jf);
}

/* The rules of one ABI, entered with any accumulator; the last instruction allows the call. */
static void emit_rules(struct bpf_prog *p, struct spec *s, int abi)
{
    emit(p, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr), 0, 0);
    /* clone3 passes its flags in memory BPF cannot read: ENOSYS makes libc fall back to clone */
    emit(p, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t) NR_CLONE3.nr[abi], 0, 1);
    emit(p, BPF_RET | BPF_K, RET_ERRNO(ENOSYS), 0, 0);
    for (size_t i = 0; i < sizeof DENIED / sizeof DENIED[0]; i++) {
        if (DENIED[i].nr[abi] < 0 || (DENIED[i].cap >= 0 && has_cap(s, DENIED[i].cap)))
            continue;
        emit(p, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t) DENIED[i].nr[abi], 0, 1);
        emit(p, BPF_RET | BPF_K, RET_ERRNO(EPERM), 0, 0);
    }
    if (!has_cap(s, NR_UNSHARE.cap)) {
        /* unshare(flags) and clone(flags, ...): refuse any namespace flag (Docker: CAP_SYS_ADMIN) */
        emit(p, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t) NR_UNSHARE.nr[abi], 1, 0);
        emit(p, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t) NR_CLONE.nr[abi], 0, 3);
        emit(p, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]), 0, 0);
        emit(p, BPF_JMP | BPF_JSET | BPF_K, NS_FLAGS, 0, 1);
        emit(p, BPF_RET | BPF_K, RET_ERRNO(EPERM), 0, 0);
    }
    emit(p, BPF_RET | BPF_K, SECCOMP_RET_ALLOW, 0, 0);
}

/* Points the unconditional jump at index from to the next instruction to be emitted. */
static void land(struct bpf_prog *p, int from)
{
    p->f[from].k = (uint32_t) (p->n - from - 1);
}

static void install_seccomp(struct spec *s)
{
    static struct bpf_prog p;
    p.n = 0;
    /* dispatch on the ABI: x86_64 (x32 by its bit in nr), i386; any other is killed */
    emit(&p, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch), 0, 0);
    emit(&p, BPF_JMP | BPF_JEQ | BPF_K, ABI_ARCH[ABI_I386], 0, 1);
    int to_i386 = p.n;
    emit(&p, BPF_JMP | BPF_JA, 0, 0, 0);
    emit(&p, BPF_JMP | BPF_JEQ | BPF_K, ABI_ARCH[ABI_X86_64], 1, 0);
    emit(&p, BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS, 0, 0);
    emit(&p, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr), 0, 0);
    emit(&p, BPF_JMP | BPF_JGE | BPF_K, X32, 0, 1);
    int to_x32 = p.n;
    emit(&p, BPF_JMP | BPF_JA, 0, 0, 0);
    emit_rules(&p, s, ABI_X86_64);
    land(&p, to_x32);
    emit_rules(&p, s, ABI_X32);
    land(&p, to_i386);
    emit_rules(&p, s, ABI_I386);
    struct sock_fprog prog = { (unsigned short) p.n, p.f };
    if (syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
        die("cannot install the seccomp filter: %s", strerror(errno));
}

/* ---------- capabilities and user ---------- */

static int last_cap(void)
{
    char buf[16] = {0};
    int fd = open("/proc/sys/kernel/cap_last_cap", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 40;
    ssize_t r = read(fd, buf, sizeof buf - 1);
    close(fd);
    return r > 0 ? atoi(buf) : 40;
}

/* Bounding set = the caps; root keeps them effective and permitted, others end with none. */
static void drop_privileges(struct spec *s, int lastcap)
{
    uint64_t set = 0;
    if (s->privileged) {
        /* every capability this process holds: a host may withhold some (CAP_SYS_RESOURCE here) */
        struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
        struct __user_cap_data_struct d[2];
        if (syscall(__NR_capget, &h, d) < 0)
            die("cannot read the launcher's capabilities: %s", strerror(errno));
        set = ((uint64_t) d[1].permitted << 32) | d[0].permitted;
    } else {
        for (int i = 0; i < s->ncaps; i++)
            set |= 1ULL << s->caps[i];
    }
    for (int c = 0; c <= lastcap; c++)
        if (!(set & (1ULL << c)) && prctl(PR_CAPBSET_DROP, c, 0, 0, 0) < 0)
            die("cannot drop capability %d from the bounding set: %s", c, strerror(errno));
    if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
        die("cannot set keepcaps: %s", strerror(errno));
    if (setgroups(s->ngroups, s->groups) < 0)
        die("cannot set additional groups: %s", strerror(errno));
    if (setresgid(s->gid, s->gid, s->gid) < 0)
        die("cannot switch to group %u: %s", s->gid, strerror(errno));
    if (setresuid(s->uid, s->uid, s->uid) < 0)
        die("cannot switch to user %u: %s", s->uid, strerror(errno));
    if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0)
        die("cannot clear keepcaps: %s", strerror(errno));
    if (s->uid != 0)
        set = 0;
    struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct d[2];
    memset(d, 0, sizeof d);
    d[0].effective = d[0].permitted = (uint32_t) set;
    d[1].effective = d[1].permitted = (uint32_t) (set >> 32);
    if (syscall(__NR_capset, &h, d) < 0)
        die("cannot set capabilities: %s", strerror(errno));
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
}

/* Finds the command in PATH; 127 when absent, 126 when present but not executable. */
static const char *find_command(const char *cmd, const char *path, char *out, size_t outlen)
{
    struct stat st;
    if (strchr(cmd, '/')) {
        if (stat(cmd, &st) < 0)
            die_code(errno == ENOENT ? 127 : 126, "exec: \"%s\": stat %s: %s", cmd, cmd, strerror(errno));
        if (S_ISDIR(st.st_mode) || access(cmd, X_OK) < 0)
            die_code(126, "exec: \"%s\": permission denied", cmd);
        return cmd;
    }
    int denied = 0;
    const char *p = path;
    while (p && *p) {
        const char *colon = strchr(p, ':');
        size_t dl = colon ? (size_t) (colon - p) : strlen(p);
        snprintf(out, outlen, "%.*s/%s", (int) dl, dl ? p : ".", cmd);
        if (stat(out, &st) == 0 && !S_ISDIR(st.st_mode)) {
            if (access(out, X_OK) == 0)
                return out;
            denied = 1;
        }
        p = colon ? colon + 1 : NULL;
    }
    if (denied)
        die_code(126, "exec: \"%s\": permission denied", cmd);
    die_code(127, "exec: \"%s\": executable file not found in $PATH", cmd);
    return NULL;
}

static const char *env_path(struct spec *s)
{
    for (int i = 0; i < s->nenv; i++)
        if (!strncmp(s->env[i], "PATH=", 5))
            return s->env[i] + 5;
    return DEFAULT_PATH;
}

/* Confines this process as the container's processes run: no_new_privs, seccomp, capabilities,
   user and groups. The --init PID 1 goes through it too, before it forks the command. */
static void confine(struct spec *s, int lastcap, int use_seccomp)
{
    if (s->nnp && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        die("cannot set no_new_privs: %s", strerror(errno));
    /* Without no_new_privs the filter needs CAP_SYS_ADMIN, so it goes in before the drop. */
    if (use_seccomp)
        install_seccomp(s);
    drop_privileges(s, lastcap);
}

static size_t strings_size(const char **v, int n)
{
    size_t total = 0;
    for (int i = 0; i < n; i++)
        total += strlen(v[i]) + 1;
    return total;
}

/* The tail of launch and exec, in a confined process: cwd, lookup, exec. */
static void exec_command(struct spec *s)
{
    if (chdir(s->cwd) < 0)
        die("chdir to cwd (\"%s\") failed: %s", s->cwd, strerror(errno));
    char buf[PATH_MAX];
    const char *file = find_command(s->arg[0], env_path(s), buf, sizeof buf);
    syscall(__NR_close_range, 3U, ~0U, 4U /* CLOSE_RANGE_CLOEXEC */);
    /* grow() keeps a free slot after the last record; a spec without env records has no array */
    static const char *no_env[1];
    if (!s->env)
        s->env = no_env;
    s->arg[s->narg] = NULL;
    s->env[s->nenv] = NULL;
    execve(file, (char **) s->arg, (char **) s->env);
    if (errno == ENOENT)
        die_code(127, "exec: \"%s\": no such file or directory", s->arg[0]);
    if (errno == E2BIG)
        die("exec: \"%s\": the arguments and environment (%d + %d entries, %zu bytes) are more than"
            " the kernel's limit ARG_MAX (%ld bytes; a single entry may hold at most %d)",
            s->arg[0], s->narg, s->nenv, strings_size(s->arg, s->narg) + strings_size(s->env, s->nenv),
            sysconf(_SC_ARG_MAX), 32 * 4096 /* MAX_ARG_STRLEN */);
    die_code(126, "exec: \"%s\": %s", s->arg[0], strerror(errno));
}

/* ---------- mounts (isolation.md 1.1 and 2.5 step 5) ---------- */

static void do_mount(const char *src, const char *dst, const char *type, unsigned long flags,
                     const char *data)
{
    if (mount(src, dst, type, flags, data) < 0)
        die("cannot mount %s on %s (%s): %s", src ? src : "", dst, type ? type : "bind",
            strerror(errno));
}

/* ---------- container paths, resolved inside the root filesystem ---------- */

#define MAX_SYMLINKS 40
#define MAX_DEPTH 1024

enum resolve_mode { RESOLVE_EXISTING, RESOLVE_CREATE_DIR, RESOLVE_CREATE_FILE };

/*
 * Opens the container path `path` inside the root filesystem `rootfd` as the container will see
 * it, and returns an O_PATH descriptor of what it names. Every component is opened with
 * O_NOFOLLOW relative to the descriptor of its parent; a symlink (the last component's too) is
 * read and its target walked again from the root when absolute, from the parent when relative;
 * ".." never climbs above the root. With a create mode a missing folder is made, and a missing
 * last component becomes a folder or an empty file, through the parent's descriptor: nothing is
 * ever looked up or created by a host path, so an image's "/data -> /etc" cannot make a mount
 * of /data/x touch the host's /etc (as Docker resolves destinations, with securejoin). `what`
 * names the path in errors ("mount destination /data/x"). When `resolved` is given, it receives
 * the path found, free of symlinks and dots (PATH_MAX bytes).
 */
static int open_in_root(int rootfd, const char *what, const char *path, enum resolve_mode mode,
                        char *resolved)
{
    char rest[PATH_MAX], next[PATH_MAX], target[PATH_MAX], name[NAME_MAX + 1], found[PATH_MAX];
    int stack[MAX_DEPTH], depth = 0, links = 0;
    size_t ends[MAX_DEPTH];
    ends[0] = 0;
    found[0] = 0;
    size_t pos = 0;
    if (snprintf(rest, sizeof rest, "%s", path) >= (int) sizeof rest)
        die("%s: the path is longer than %d bytes", what, PATH_MAX - 1);
    stack[0] = fcntl(rootfd, F_DUPFD_CLOEXEC, 0);
    if (stack[0] < 0)
        die("%s: cannot duplicate the root descriptor: %s", what, strerror(errno));
    for (;;) {
        while (rest[pos] == '/')
            pos++;
        if (!rest[pos])
            break;
        size_t end = pos;
        while (rest[end] && rest[end] != '/')
            end++;
        if (end - pos > NAME_MAX)
            die("%s: a path component is longer than %d bytes", what, NAME_MAX);
        memcpy(name, rest + pos, end - pos);
        name[end - pos] = 0;
        pos = end;
        size_t after = end;
        while (rest[after] == '/')
            after++;
        int last = rest[after] == 0;
        if (!strcmp(name, "."))
            continue;
        if (!strcmp(name, "..")) {
            if (depth > 0)
                close(stack[depth--]);
            found[ends[depth]] = 0;
            continue;
        }
        int fd = openat(stack[depth], name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0 && errno == ENOENT && mode != RESOLVE_EXISTING) {
            int made;
            if (last && mode == RESOLVE_CREATE_FILE) {
                made = openat(stack[depth], name, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC,
                              0644);
                if (made >= 0)
                    close(made);
            } else {
                made = mkdirat(stack[depth], name, 0755);
            }
            if (made < 0 && errno != EEXIST)
                die("%s: cannot create %s: %s", what, name, strerror(errno));
            fd = openat(stack[depth], name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
        }
        if (fd < 0)
            die("%s: %s: %s", what, name, strerror(errno));
        struct stat st;
        if (fstat(fd, &st) < 0)
            die("%s: cannot stat %s: %s", what, name, strerror(errno));
        if (S_ISLNK(st.st_mode)) {
            if (++links > MAX_SYMLINKS)
                die("%s: %s", what, strerror(ELOOP));
            ssize_t n = readlinkat(fd, "", target, sizeof target);
            close(fd);
            if (n < 0)
                die("%s: cannot read the symlink %s: %s", what, name, strerror(errno));
            if (n >= (ssize_t) sizeof target)
                die("%s: the symlink %s is longer than %d bytes", what, name, PATH_MAX - 1);
            target[n] = 0;
            if (snprintf(next, sizeof next, "%s/%s", target, rest + pos) >= (int) sizeof next)
                die("%s: the path through the symlink %s is longer than %d bytes", what, name,
                    PATH_MAX - 1);
            memcpy(rest, next, sizeof rest);
            pos = 0;
            if (target[0] == '/')
                while (depth > 0)
                    close(stack[depth--]);
            found[ends[depth]] = 0;
            continue;
        }
        if (!last && !S_ISDIR(st.st_mode))
            die("%s: %s: %s", what, name, strerror(ENOTDIR));
        if (depth + 1 >= MAX_DEPTH)
            die("%s: more than %d nested folders", what, MAX_DEPTH);
        size_t len = ends[depth];
        if (len + 1 + strlen(name) >= sizeof found)
            die("%s: the resolved path is longer than %d bytes", what, PATH_MAX - 1);
        found[len] = '/';
        strcpy(found + len + 1, name);
        stack[++depth] = fd;
        ends[depth] = len + 1 + strlen(name);
    }
    for (int i = 0; i < depth; i++)
        close(stack[i]);
    if (resolved)
        snprintf(resolved, PATH_MAX, "%s", depth ? found : "/");
    return stack[depth];
}

/* The procfs name of a descriptor, by which mount(2) reaches exactly what the descriptor names. */
static const char *fd_path(int fd, char *out, size_t outlen)
{
    snprintf(out, outlen, "/proc/self/fd/%d", fd);
    return out;
}

/* Mounts on the container path `dst`, resolved (and created per `mode`) inside the root; the path
   found, free of symlinks, goes to `resolved` when given (PATH_MAX bytes). */
static void mount_in_root(int rootfd, const char *dst, enum resolve_mode mode, const char *src,
                          const char *type, unsigned long flags, const char *data, char *resolved)
{
    char what[PATH_MAX + 32], target[64];
    snprintf(what, sizeof what, "mount destination %s", dst);
    int fd = open_in_root(rootfd, what, dst, mode, resolved);
    struct stat st;
    if (fstat(fd, &st) < 0)
        die("%s: %s", what, strerror(errno));
    struct stat root;
    if (fstat(rootfd, &root) == 0 && root.st_dev == st.st_dev && root.st_ino == st.st_ino)
        die("%s: resolves to the root of the container's filesystem, which cannot be a mount"
            " destination", what);
    if (mount(src, fd_path(fd, target, sizeof target), type, flags, data) < 0)
        die("cannot mount %s on %s (%s): %s", src ? src : "", dst, type ? type : "bind",
            strerror(errno));
    close(fd);
}

/* Changes the propagation or flags of the mount made at `resolved` (a path from mount_in_root,
   free of symlinks and dots), opened again so the descriptor names the new mount's root, not the
   folder beneath it. */
static void remount_in_root(int rootfd, const char *resolved, unsigned long flags, const char *data)
{
    char what[PATH_MAX + 32], target[64];
    snprintf(what, sizeof what, "mount destination %s", resolved);
    int fd = open_in_root(rootfd, what, resolved, RESOLVE_EXISTING, NULL);
    if (mount(NULL, fd_path(fd, target, sizeof target), NULL, flags, data) < 0)
        die("cannot change the mount on %s: %s", resolved, strerror(errno));
    close(fd);
}

struct flagname { const char *name; unsigned long set, clear; };
static const struct flagname FLAGS[] = {
    {"ro", MS_RDONLY, 0}, {"rw", 0, MS_RDONLY}, {"nosuid", MS_NOSUID, 0}, {"suid", 0, MS_NOSUID},
    {"nodev", MS_NODEV, 0}, {"dev", 0, MS_NODEV}, {"noexec", MS_NOEXEC, 0}, {"exec", 0, MS_NOEXEC},
    {"strictatime", MS_STRICTATIME, 0}, {"noatime", MS_NOATIME, 0}, {"relatime", MS_RELATIME, 0},
    {"bind", MS_BIND, 0}, {"rbind", MS_BIND | MS_REC, 0}, {"rprivate", 0, 0}, {"private", 0, 0},
    {NULL, 0, 0}
};

/* Splits "ro,nosuid,size=1m" into mount flags and the data string for the filesystem. */
static unsigned long parse_opts(const char *opts, char *data, size_t datalen)
{
    unsigned long flags = 0;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", opts);
    data[0] = 0;
    for (char *save = NULL, *o = strtok_r(buf, ",", &save); o; o = strtok_r(NULL, ",", &save)) {
        const struct flagname *f = FLAGS;
        while (f->name && strcmp(f->name, o))
            f++;
        if (f->name) {
            flags = (flags | f->set) & ~f->clear;
        } else {
            size_t l = strlen(data);
            snprintf(data + l, datalen - l, "%s%s", l ? "," : "", o);
        }
    }
    return flags;
}

static void mount_user(int rootfd, struct mnt *m)
{
    char data[1024];
    unsigned long flags = parse_opts(m->opts, data, sizeof data);
    if (!strcmp(m->type, "bind")) {
        struct stat st;
        if (stat(m->src, &st) < 0)
            die("bind mount source %s: %s", m->src, strerror(errno));
        char at[PATH_MAX];
        mount_in_root(rootfd, m->dst, S_ISDIR(st.st_mode) ? RESOLVE_CREATE_DIR : RESOLVE_CREATE_FILE,
                      m->src, NULL, MS_BIND | MS_REC, NULL, at);
        remount_in_root(rootfd, at, MS_PRIVATE | MS_REC, NULL);
        if (flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC))
            remount_in_root(rootfd, at, MS_REMOUNT | MS_BIND | (flags & ~(MS_BIND | MS_REC)), NULL);
    } else if (!strcmp(m->type, "tmpfs")) {
        mount_in_root(rootfd, m->dst, RESOLVE_CREATE_DIR, "tmpfs", "tmpfs", flags, data, NULL);
    } else {
        die("mount %s: unknown mount type \"%s\" (expected bind or tmpfs)", m->dst, m->type);
    }
}

/* Fills the fresh /dev tmpfs (its descriptor `dev`) with Docker's nodes and links. */
static void make_dev(int dev)
{
    static const struct { const char *name; int major, minor; } devs[] = {
        {"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7}, {"random", 1, 8}, {"urandom", 1, 9},
        {"tty", 5, 0},
    };
    static const char *links[][2] = {
        {"/proc/self/fd", "fd"}, {"/proc/self/fd/0", "stdin"}, {"/proc/self/fd/1", "stdout"},
        {"/proc/self/fd/2", "stderr"}, {"pts/ptmx", "ptmx"}, {"/proc/kcore", "core"},
    };
    for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++)
        if (mknodat(dev, devs[i].name, S_IFCHR | 0666, makedev(devs[i].major, devs[i].minor)) < 0)
            die("cannot create /dev/%s: %s", devs[i].name, strerror(errno));
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        /* runc links /dev/core only where the kernel has /proc/kcore */
        if (!strcmp(links[i][1], "core") && access("/proc/kcore", F_OK) < 0)
            continue;
        if (symlinkat(links[i][0], dev, links[i][1]) < 0)
            die("cannot create /dev/%s: %s", links[i][1], strerror(errno));
    }
    static const struct { const char *name; mode_t mode; } dirs[] = {
        {"pts", 0755}, {"shm", 01777}, {"mqueue", 0755},
    };
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
        if (mkdirat(dev, dirs[i].name, dirs[i].mode) < 0)
            die("cannot create /dev/%s: %s", dirs[i].name, strerror(errno));
}

/* The cgroup hierarchies, each read-only, on a tmpfs at /sys/fs/cgroup that stays writable: what
   Docker shows on a v1 host. */
static void mount_cgroups(struct spec *s, int rootfd)
{
    char dir[PATH_MAX], what[PATH_MAX + 32];
    mount_in_root(rootfd, "/sys/fs/cgroup", RESOLVE_EXISTING, "cgroup", "tmpfs",
                  MS_NOSUID | MS_NOEXEC | MS_NODEV, "mode=755", dir);
    snprintf(what, sizeof what, "mount destination %s", dir);
    int cg = open_in_root(rootfd, what, dir, RESOLVE_EXISTING, NULL);
    for (int i = 0; i < s->ncgbind; i++) {
        char name[256], dst[PATH_MAX + 256];
        const char *eq = strchr(s->cgbind[i], '=');
        if (!eq || eq == s->cgbind[i] || (size_t) (eq - s->cgbind[i]) >= sizeof name)
            die("spec: cgroup-bind \"%s\" is not NAME=HOSTDIR", s->cgbind[i]);
        snprintf(name, sizeof name, "%.*s", (int) (eq - s->cgbind[i]), s->cgbind[i]);
        if (strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
            die("spec: cgroup-bind name \"%s\" is not a single folder name", name);
        if (mkdirat(cg, name, 0755) < 0)
            die("cannot create /sys/fs/cgroup/%s: %s", name, strerror(errno));
        snprintf(dst, sizeof dst, "%s/%s", dir, name);
        mount_in_root(rootfd, dst, RESOLVE_EXISTING, eq + 1, NULL, MS_BIND | MS_REC, NULL, NULL);
        remount_in_root(rootfd, dst, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NOEXEC |
                        MS_NODEV, NULL);
    }
    close(cg);
}

static void mount_rootfs(struct spec *s)
{
    const char *root = s->rootfs;
    char data[PATH_MAX * 2], what[64], target[64];
    do_mount(NULL, "/", NULL, MS_SLAVE | MS_REC, NULL);
    if (s->nlower > 0) {
        int n = snprintf(data, sizeof data, "lowerdir=");
        for (int i = 0; i < s->nlower; i++)
            n += snprintf(data + n, sizeof data - n, "%s%s", i ? ":" : "", s->lower[i]);
        if (s->upper)
            n += snprintf(data + n, sizeof data - n, ",upperdir=%s,workdir=%s", s->upper, s->work);
        if (n >= (int) sizeof data)
            die("overlay options longer than %zu bytes", sizeof data);
        do_mount("overlay", root, "overlay", 0, data);
    } else {
        do_mount(root, root, NULL, MS_BIND | MS_REC, NULL);
    }
    /* from here on, every container path is reached through this descriptor, never by a host path */
    int rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (rootfd < 0)
        die("cannot open the root filesystem %s: %s", root, strerror(errno));
    mount_in_root(rootfd, "/proc", RESOLVE_CREATE_DIR, "proc", "proc",
                  MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL, NULL);
    char dev_at[PATH_MAX];
    mount_in_root(rootfd, "/dev", RESOLVE_CREATE_DIR, "tmpfs", "tmpfs", MS_NOSUID | MS_STRICTATIME,
                  "mode=755,size=65536k", dev_at);
    snprintf(what, sizeof what, "mount destination /dev");
    int dev = open_in_root(rootfd, what, dev_at, RESOLVE_EXISTING, NULL);
    make_dev(dev);
    int sub = openat(dev, "pts", O_PATH | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC);
    if (sub < 0 || mount("devpts", fd_path(sub, target, sizeof target), "devpts", MS_NOSUID | MS_NOEXEC,
                         "newinstance,ptmxmode=0666,mode=0620,gid=5") < 0)
        die("cannot mount devpts on /dev/pts: %s", strerror(errno));
    close(sub);
    snprintf(data, sizeof data, "mode=1777,size=%s", s->shm_size);
    sub = openat(dev, "shm", O_PATH | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC);
    if (sub < 0 || mount("shm", fd_path(sub, target, sizeof target), "tmpfs",
                         MS_NOSUID | MS_NOEXEC | MS_NODEV, data) < 0)
        die("cannot mount tmpfs on /dev/shm: %s", strerror(errno));
    close(sub);
    sub = openat(dev, "mqueue", O_PATH | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC);
    if (sub < 0 || mount("mqueue", fd_path(sub, target, sizeof target), "mqueue",
                         MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL) < 0)
        die("cannot mount mqueue on /dev/mqueue: %s", strerror(errno));
    close(sub);
    close(dev);
    unsigned long sysro = s->privileged ? 0 : MS_RDONLY;
    mount_in_root(rootfd, "/sys", RESOLVE_CREATE_DIR, "sysfs", "sysfs",
                  MS_NOSUID | MS_NOEXEC | MS_NODEV | sysro, NULL, NULL);
    mount_cgroups(s, rootfd);
    for (int i = 0; i < s->nmounts; i++)
        mount_user(rootfd, &s->mounts[i]);
    close(rootfd);
}

static void pivot(const char *root)
{
    int oldroot = open("/", O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    if (oldroot < 0 || chdir(root) < 0)
        die("cannot enter the root filesystem %s: %s", root, strerror(errno));
    if (syscall(__NR_pivot_root, ".", ".") < 0)
        die("pivot_root into %s failed: %s", root, strerror(errno));
    if (fchdir(oldroot) < 0)
        die("fchdir to the old root: %s", strerror(errno));
    do_mount(NULL, ".", NULL, MS_SLAVE | MS_REC, NULL);
    if (umount2(".", MNT_DETACH) < 0)
        die("cannot detach the old root: %s", strerror(errno));
    if (chdir("/") < 0)
        die("chdir /: %s", strerror(errno));
    close(oldroot);
}

static void readonly_path(const char *path)
{
    if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) < 0) {
        if (errno == ENOENT)
            return;
        die("cannot bind %s read-only: %s", path, strerror(errno));
    }
    do_mount(NULL, path, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
             NULL);
}

static void mask_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return;
    if (S_ISDIR(st.st_mode))
        do_mount("tmpfs", path, "tmpfs", MS_RDONLY, "nr_blocks=1,nr_inodes=1");
    else
        do_mount("/dev/null", path, NULL, MS_BIND, NULL);
}

static void write_sysctl(const char *kv)
{
    char path[PATH_MAX];
    const char *eq = strchr(kv, '=');
    if (!eq)
        die("sysctl \"%s\" is not NAME=VALUE", kv);
    int n = snprintf(path, sizeof path, "/proc/sys/%.*s", (int) (eq - kv), kv);
    for (char *c = path + 10; c < path + n; c++)
        if (*c == '.')
            *c = '/';
    if (write_str(path, eq + 1) < 0)
        die("cannot set sysctl %.*s: %s", (int) (eq - kv), kv, strerror(errno));
}

static void loopback_up(void)
{
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "lo");
    if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &ifr) < 0)
        die("cannot read the flags of lo: %s", strerror(errno));
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
        die("cannot bring lo up: %s", strerror(errno));
    close(fd);
}

/* ---------- terminals, stdin and the control FIFO ---------- */

/* Opens a pseudo-terminal pair on the /dev/ptmx of the current mount namespace (the container's
   own devpts); the slave is reached through TIOCGPTPEER, not through a path the container owns. */
static void open_pty(int *master, int *slave)
{
    int n;
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m < 0)
        die("cannot open a pseudo-terminal on /dev/ptmx: %s", strerror(errno));
    if (ioctl(m, TIOCGPTN, &n) < 0)
        die("/dev/ptmx is not a pseudo-terminal multiplexer: %s", strerror(errno));
    if (unlockpt(m) < 0)
        die("cannot unlock pseudo-terminal %d: %s", n, strerror(errno));
    int sl = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (sl < 0)
        die("cannot open the slave of pseudo-terminal %d: %s", n, strerror(errno));
    *master = m;
    *slave = sl;
}

/* Makes the slave the stdin, stdout, stderr and controlling terminal of the caller, a session leader. */
static void take_terminal(int slave, uid_t uid)
{
    if (fchown(slave, uid, (gid_t) -1) < 0)
        die("cannot give the terminal to uid %d: %s", (int) uid, strerror(errno));
    if (ioctl(slave, TIOCSCTTY, 0) < 0)
        die("cannot make the pseudo-terminal the controlling terminal: %s", strerror(errno));
    if (dup2(slave, 0) < 0 || dup2(slave, 1) < 0 || dup2(slave, 2) < 0)
        die("cannot set up the terminal as stdio: %s", strerror(errno));
    if (slave > 2)
        close(slave);
}

static int send_fd(int sock, int fd)
{
    char byte = 't';
    struct iovec iov = { &byte, 1 };
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    memset(&u, 0, sizeof u);
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
    return sendmsg(sock, &msg, MSG_NOSIGNAL) == 1 ? 0 : -1;
}

/* The descriptor passed on sock, or -1. */
static int recv_fd(int sock)
{
    char byte;
    struct iovec iov = { &byte, 1 };
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf };
    if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) != 1)
        return -1;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    if (!c || c->cmsg_type != SCM_RIGHTS || c->cmsg_len != CMSG_LEN(sizeof(int)))
        return -1;
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof(int));
    return fd;
}

/*
 * What goes to a process's stdin, and the terminal to resize. The control FIFO carries frames
 * "TYPE LEN_HI LEN_LO PAYLOAD", each written whole by the engine (at most PIPE_BUF bytes):
 *   d  bytes for the stdin            c  close the stdin after the bytes before it (not a terminal)
 *   r  rows and columns, 16 bits each, big-endian: TIOCSWINSZ on the terminal
 */
struct relay {
    int ctl;                      /* the control FIFO, -1 without */
    unsigned char frames[8192];   /* read from ctl, not yet handled */
    size_t nframes;
    char in[65536];               /* for the stdin, not yet written */
    size_t nin;
    int in_fd;                    /* the stdin's writing end (a pipe or the terminal), -1 once closed */
    int closing;                  /* a "c" frame came: close in_fd once in[] is written */
    int tty_fd;                   /* the terminal to resize, -1 without */
};

static void relay_init(struct relay *r, int ctl, int in_fd, int tty_fd)
{
    memset(r, 0, sizeof *r);
    r->ctl = ctl;
    r->in_fd = in_fd;
    r->tty_fd = tty_fd;
}

/* Handles the whole frames read so far, as far as in[] has room for their bytes. */
static void relay_frames(struct relay *r)
{
    while (r->nframes >= 3) {
        size_t len = ((size_t) r->frames[1] << 8) | r->frames[2];
        if (r->nframes < 3 + len)
            break;
        unsigned char type = r->frames[0];
        const unsigned char *payload = r->frames + 3;
        if (type == 'd' && r->in_fd >= 0 && !r->closing) {
            if (sizeof r->in - r->nin < len)
                break;
            memcpy(r->in + r->nin, payload, len);
            r->nin += len;
        } else if (type == 'c' && r->in_fd != r->tty_fd) {
            /* a terminal stays open: its end of input is the user's ^D, passed on as a byte */
            r->closing = 1;
        } else if (type == 'r' && len == 4 && r->tty_fd >= 0) {
            struct winsize ws = { .ws_row = (unsigned short) (payload[0] << 8 | payload[1]),
                                  .ws_col = (unsigned short) (payload[2] << 8 | payload[3]) };
            ioctl(r->tty_fd, TIOCSWINSZ, &ws);
        }
        memmove(r->frames, r->frames + 3 + len, r->nframes - 3 - len);
        r->nframes -= 3 + len;
    }
    if (r->closing && r->nin == 0 && r->in_fd >= 0) {
        close(r->in_fd);
        r->in_fd = -1;
    }
}

/* Reads what the control FIFO holds (non-blocking) and handles it. */
static void relay_read_control(struct relay *r)
{
    ssize_t n = read(r->ctl, r->frames + r->nframes, sizeof r->frames - r->nframes);
    if (n > 0)
        r->nframes += (size_t) n;
    relay_frames(r);
}

/* Writes what in[] holds to the stdin, as far as it takes it without blocking. */
static void relay_write_stdin(struct relay *r)
{
    if (r->in_fd < 0) {
        r->nin = 0;
        return;
    }
    ssize_t n = write(r->in_fd, r->in, r->nin);
    if (n > 0) {
        memmove(r->in, r->in + n, r->nin - (size_t) n);
        r->nin -= (size_t) n;
    } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
        /* the process closed its stdin (EPIPE): what is left has no reader */
        if (r->in_fd != r->tty_fd)
            close(r->in_fd);
        r->in_fd = -1;
        r->nin = 0;
    }
    relay_frames(r);
}

/* Whether the control FIFO may be read: a whole frame's bytes fit in in[] and frames[] has room. */
static int relay_wants_control(struct relay *r)
{
    return r->ctl >= 0 && r->nframes < sizeof r->frames && sizeof r->in - r->nin >= PIPE_BUF;
}

static void write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; /* the reader has gone: the output is dropped, the process runs on */
        buf += n;
        len -= (size_t) n;
    }
}

/* ---------- the in-container init (init: true), like tini ---------- */

static void run_init(pid_t child, sigset_t *oldmask)
{
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    int status = 0;
    for (;;) {
        siginfo_t si;
        int sig = sigwaitinfo(&all, &si);
        if (sig < 0)
            continue;
        if (sig != SIGCHLD) {
            kill(child, sig);
            continue;
        }
        pid_t p;
        while ((p = waitpid(-1, &status, WNOHANG)) > 0) {
            if (p == child) {
                sigprocmask(SIG_SETMASK, oldmask, NULL);
                _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
            }
        }
    }
}

/* ---------- the container side (stage B) ---------- */

static void container_main(struct spec *s, int sync_fd, int out_fd, int errout_fd, int in_fd,
                           int console_fd, int lastcap)
{
    sigset_t empty;
    sigemptyset(&empty);
    char c;
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    /* the network sync point: the monitor releases us once the caller has wired the network */
    if (read(sync_fd, &c, 1) != 1)
        _exit(128);
    close(sync_fd);
    loopback_up();
    umask(0);
    mount_rootfs(s);
    pivot(s->rootfs);
    if (sethostname(s->hostname, strlen(s->hostname)) < 0)
        die("cannot set the hostname: %s", strerror(errno));
    for (int i = 0; i < s->nsysctl; i++)
        write_sysctl(s->sysctl[i]);
    if (!s->privileged) {
        for (int i = 0; i < s->nropath; i++)
            readonly_path(s->ropath[i]);
        for (int i = 0; i < s->nmask; i++)
            mask_path(s->mask[i]);
    }
    mkdir_p(s->cwd, 0755);
    if (s->readonly)
        do_mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
    umask(022);
    set_rlimits(s);
    setsid();
    if (s->tty) {
        int master, slave;
        open_pty(&master, &slave);
        if (send_fd(console_fd, master) < 0)
            die("cannot pass the terminal to the monitor: %s", strerror(errno));
        close(master);
        take_terminal(slave, s->uid);
    } else if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(errout_fd, 2) < 0) {
        die("cannot set up stdio: %s", strerror(errno));
    }
    if (console_fd >= 0)
        close(console_fd);
    close(in_fd);
    close(out_fd);
    close(errout_fd);
    /* before the fork: the --init PID 1 runs as confined as the command, as Docker's init does */
    confine(s, lastcap, s->seccomp && !s->privileged);
    /* a change of user clears the parent-death signal (prctl(2)); runc restores it too */
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (s->init) {
        sigset_t all, old;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, &old);
        pid_t child = fork();
        if (child < 0)
            die("cannot fork the command under init: %s", strerror(errno));
        if (child > 0) {
            close(err_fd);
            err_fd = -1;
            run_init(child, &old);
        }
        setpgid(0, 0);
        /* the command, not the init, reads the terminal (SIGTTOU is blocked until here) */
        if (s->tty && tcsetpgrp(0, getpid()) < 0)
            die("cannot give the terminal to the command: %s", strerror(errno));
        sigprocmask(SIG_SETMASK, &old, NULL);
    }
    exec_command(s);
}

/* ---------- the monitor (stage A) ---------- */

struct logstate {
    int fd;
    long long size;
    char buf[2][16384];
    size_t len[2];
    long long lost;     /* entries that could not be written */
    char error[768];    /* the first failure, "" while none */
};

static void now_rfc3339(char *out, size_t outlen)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    snprintf(out, outlen, "%04d-%02d-%02dT%02d:%02d:%02d.%09ldZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec);
}

/*
 * The length of the UTF-8 sequence at s (at most len bytes), or 0 when it is not valid UTF-8 as
 * Go's utf8.DecodeRune judges it: no overlong forms, no surrogates, nothing above U+10FFFF, and a
 * sequence cut short by the end of the buffer is invalid too.
 */
static size_t utf8_len(const unsigned char *s, size_t len)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xbf;
    size_t n;
    if (c >= 0xc2 && c <= 0xdf)
        n = 2;
    else if (c >= 0xe0 && c <= 0xef)
        n = 3;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 4;
    else
        return 0;
    if (c == 0xe0)
        lo = 0xa0;
    else if (c == 0xed)
        hi = 0x9f;
    else if (c == 0xf0)
        lo = 0x90;
    else if (c == 0xf4)
        hi = 0x8f;
    if (len < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (s[i] < 0x80 || s[i] > 0xbf)
            return 0;
    return n;
}

/*
 * Appends msg as a JSON string (quotes included) to out, exactly as Docker's json-file driver
 * encodes a log line (moby's jsonlog.ffjsonWriteJSONBytesAsString): \" \\ \n \r, \u00XX for the
 * other control characters and for < > &, \u2028 and \u2029 escaped, and each byte that does not
 * start a valid UTF-8 sequence replaced by \ufffd, so the log is valid UTF-8 whatever was printed.
 * out needs room for 6 * len + 2 bytes; returns the bytes appended.
 */
static size_t json_string(char *out, const char *msg, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *) msg;
    size_t n = 0;
    out[n++] = '"';
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == '"' || c == '\\') {
                out[n++] = '\\';
                out[n++] = (char) c;
            } else if (c == '\n') {
                out[n++] = '\\';
                out[n++] = 'n';
            } else if (c == '\r') {
                out[n++] = '\\';
                out[n++] = 'r';
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                n += (size_t) sprintf(out + n, "\\u00%c%c", hex[c >> 4], hex[c & 0xf]);
            } else {
                out[n++] = (char) c;
            }
            i++;
            continue;
        }
        size_t k = utf8_len(s + i, len - i);
        if (k == 0) {
            memcpy(out + n, "\\ufffd", 6);
            n += 6;
            i++;
        } else if (k == 3 && c == 0xe2 && s[i + 1] == 0x80 && (s[i + 2] == 0xa8 || s[i + 2] == 0xa9)) {
            /* U+2028 and U+2029 end a line in JavaScript */
            n += (size_t) sprintf(out + n, "\\u202%c", s[i + 2] == 0xa8 ? '8' : '9');
            i += 3;
        } else {
            memcpy(out + n, s + i, k);
            n += k;
            i += k;
        }
    }
    out[n++] = '"';
    return n;
}

/* Writes body to path atomically (temp file + rename); on failure returns -1 with errno set. */
static int write_atomic(const char *path, const char *body, size_t len)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    ssize_t w = write(fd, body, len);
    if (w >= 0 && w != (ssize_t) len)
        errno = ENOSPC;
    int ok = w == (ssize_t) len && fsync(fd) == 0;
    int e = errno;
    if (close(fd) < 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (ok && rename(tmp, path) < 0) {
        ok = 0;
        e = errno;
    }
    if (!ok) {
        unlink(tmp);
        errno = e;
        return -1;
    }
    return 0;
}

/*
 * <state>/log-warning.json: why the log misses output, for the engine to show with it
 * ({"error":"...","lostEntries":N}). Best effort: when the state folder cannot be written either,
 * the engine learns of it from the missing exit.json.
 */
static void write_log_warning(struct spec *s, struct logstate *ls)
{
    char path[PATH_MAX], body[sizeof ls->error * 6 + 64];
    size_t n = (size_t) sprintf(body, "{\"error\":");
    n += json_string(body + n, ls->error, strlen(ls->error));
    n += (size_t) sprintf(body + n, ",\"lostEntries\":%lld}\n", ls->lost);
    snprintf(path, sizeof path, "%s/log-warning.json", s->state);
    write_atomic(path, body, n);
}

/* Records a failure of the log; the first one is kept and written for the engine at once. */
static void log_failure(struct spec *s, struct logstate *ls, const char *fmt, ...)
{
    if (ls->error[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ls->error, sizeof ls->error, fmt, ap);
    va_end(ap);
    write_log_warning(s, ls);
}

static void rotate(struct spec *s, struct logstate *ls)
{
    char from[PATH_MAX], to[PATH_MAX];
    if (s->log_max_file > 1) {
        snprintf(to, sizeof to, "%s.%d", s->log, s->log_max_file - 1);
        if (unlink(to) < 0 && errno != ENOENT)
            log_failure(s, ls, "cannot remove the oldest log file %s: %s", to, strerror(errno));
        for (int i = s->log_max_file - 2; i >= 1; i--) {
            snprintf(from, sizeof from, "%s.%d", s->log, i);
            snprintf(to, sizeof to, "%s.%d", s->log, i + 1);
            if (rename(from, to) < 0 && errno != ENOENT)
                log_failure(s, ls, "cannot rename the log file %s to %s: %s", from, to, strerror(errno));
        }
        snprintf(to, sizeof to, "%s.1", s->log);
        if (rename(s->log, to) < 0) {
            /* keep appending to the current file rather than truncate it */
            log_failure(s, ls, "cannot rotate the log %s to %s: %s", s->log, to, strerror(errno));
            return;
        }
    }
    close(ls->fd);
    ls->size = 0;
    ls->fd = open(s->log, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
    if (ls->fd < 0)
        log_failure(s, ls, "cannot open the log %s after rotating it: %s", s->log, strerror(errno));
}

/*
 * Writes one json-file entry, {"log":"...","stream":"stdout","time":"..."}, byte for byte as
 * Docker's json-file driver does. An entry that cannot be written is counted as lost and recorded.
 */
static void log_entry(struct spec *s, struct logstate *ls, int stream, const char *msg, size_t len)
{
    static char out[16384 * 6 + 128];
    char ts[64];
    size_t n = 0;
    now_rfc3339(ts, sizeof ts);
    /* Go's RFC3339Nano, as Docker writes it: no trailing zeros in the fraction, no lone '.' */
    size_t t = strlen(ts) - 1;
    while (ts[t - 1] == '0')
        t--;
    if (ts[t - 1] == '.')
        t--;
    memcpy(ts + t, "Z", 2);
    n += (size_t) sprintf(out, "{\"log\":");
    n += json_string(out + n, msg, len);
    n += (size_t) sprintf(out + n, ",\"stream\":\"%s\",\"time\":\"%s\"}\n", stream ? "stderr" : "stdout", ts);
    if (ls->fd < 0) {
        /* a failed rotation left no file: try again to open one */
        ls->fd = open(s->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
        struct stat st;
        if (ls->fd < 0) {
            ls->lost++;
            return;
        }
        ls->size = fstat(ls->fd, &st) == 0 ? st.st_size : 0;
    }
    if (s->log_max_size > 0 && ls->size > 0 && ls->size + (long long) n > s->log_max_size) {
        rotate(s, ls);
        if (ls->fd < 0) {
            ls->lost++;
            return;
        }
    }
    ssize_t w = write(ls->fd, out, n);
    if (w == (ssize_t) n) {
        ls->size += (long long) n;
        return;
    }
    int e = w < 0 ? errno : ENOSPC;
    /* a half-written entry would break the line after it: cut the file back to whole entries */
    if (w > 0 && ftruncate(ls->fd, (off_t) ls->size) < 0)
        ls->size += (long long) w;
    ls->lost++;
    log_failure(s, ls, "cannot write to the log %s: %s", s->log, strerror(e));
}

/* Splits what a stream produced into lines; a line longer than the buffer is cut, as Docker does. */
static void log_data(struct spec *s, struct logstate *ls, int stream, const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        ls->buf[stream][ls->len[stream]++] = data[i];
        if (data[i] == '\n' || ls->len[stream] == sizeof ls->buf[stream]) {
            log_entry(s, ls, stream, ls->buf[stream], ls->len[stream]);
            ls->len[stream] = 0;
        }
    }
}

/* Writes <state>/exit.json; returns -1 with errno set when it cannot. */
static int write_exit(struct spec *s, int code, int sig, const char *error)
{
    char path[PATH_MAX], ts[64], body[4096];
    size_t elen = strnlen(error ? error : "", 600);
    now_rfc3339(ts, sizeof ts);
    snprintf(path, sizeof path, "%s/exit.json", s->state);
    size_t n = (size_t) snprintf(body, sizeof body, "{\"exitCode\":%d,\"signal\":%d,\"finishedAt\":\"%s\",\"error\":",
                                 code, sig, ts);
    n += json_string(body + n, error ? error : "", elen);
    n += (size_t) sprintf(body + n, "}\n");
    return write_atomic(path, body, n);
}

static void report(const char *fmt, ...)
{
    char buf[1200];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    ssize_t w = write(1, buf, (size_t) (n < (int) sizeof buf ? n : (int) sizeof buf - 1));
    (void) w;
}

static int launch(struct spec *s)
{
    int lastcap = last_cap();
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    int syncp[2], outp[2], errp[2], errorp[2], inp[2] = { -1, -1 }, consolep[2] = { -1, -1 };
    if (!s->state || !s->rootfs || !s->log)
        die("spec: state, rootfs and log are required for launch");
    if (!s->hostname)
        die("spec: hostname is required for launch");
    if (pipe2(syncp, O_CLOEXEC) < 0 || pipe2(outp, O_CLOEXEC) < 0 || pipe2(errp, O_CLOEXEC) < 0 ||
        pipe2(errorp, O_CLOEXEC) < 0)
        die("cannot create pipes: %s", strerror(errno));
    if (!s->tty && s->open_stdin && pipe2(inp, O_CLOEXEC) < 0)
        die("cannot create the stdin pipe: %s", strerror(errno));
    if (s->tty && socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, consolep) < 0)
        die("cannot create the terminal socket: %s", strerror(errno));
    if ((s->tty || s->open_stdin) && !s->control)
        die("spec: a container with tty or open-stdin needs a control FIFO");
    int ctl = -1;
    if (s->control) {
        /* a FIFO left by an earlier run belongs to no monitor any more */
        if ((unlink(s->control) < 0 && errno != ENOENT) || mkfifo(s->control, 0600) < 0)
            die("cannot make the control FIFO %s: %s", s->control, strerror(errno));
        /* read and write: never blocks, and never reads end of file while the engine has it closed */
        ctl = open(s->control, O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (ctl < 0)
            die("cannot open the control FIFO %s: %s", s->control, strerror(errno));
    }
    setsid();
    /* the monitor must not pin the caller's working folder (or its filesystem) for its lifetime */
    if (chdir("/") < 0)
        die("chdir /: %s", strerror(errno));
    join_cgroups(s);
    /* as Docker does, a log that cannot be opened fails the start instead of losing the output */
    int logfd = open(s->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (logfd < 0)
        die("failed to initialize logging driver: open %s: %s", s->log, strerror(errno));
    sigset_t mask, old;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigprocmask(SIG_BLOCK, &mask, &old);
    signal(SIGPIPE, SIG_IGN);
    pid_t init = (pid_t) syscall(__NR_clone, CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS |
                                 CLONE_NEWIPC | CLONE_NEWNET | SIGCHLD, 0, 0, 0, 0);
    if (init < 0)
        die("cannot create the container namespaces: %s", strerror(errno));
    if (init == 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        signal(SIGPIPE, SIG_DFL);
        close(syncp[1]);
        close(outp[0]);
        close(errp[0]);
        close(errorp[0]);
        close(logfd);
        if (ctl >= 0)
            close(ctl);
        if (inp[1] >= 0)
            close(inp[1]);
        if (consolep[0] >= 0)
            close(consolep[0]);
        err_fd = errorp[1];
        container_main(s, syncp[0], outp[1], errp[1], inp[0] >= 0 ? inp[0] : devnull, consolep[1], lastcap);
        _exit(128);
    }
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    close(syncp[0]);
    close(outp[1]);
    close(errp[1]);
    close(errorp[1]);
    if (inp[0] >= 0)
        close(inp[0]);
    if (consolep[1] >= 0)
        close(consolep[1]);
    if (s->sync_net) {
        char line[64];
        report("net %d\n", init);
        if (read(0, line, sizeof line) <= 0) {
            kill(init, SIGKILL);
            die("the caller went away before the network was ready");
        }
    }
    if (write(syncp[1], "g", 1) != 1)
        die("cannot release the container: %s", strerror(errno));
    close(syncp[1]);

    char msg[1100];
    size_t mlen = 0;
    ssize_t r;
    while ((r = read(errorp[0], msg + mlen, sizeof msg - 1 - mlen)) > 0)
        mlen += (size_t) r;
    msg[mlen] = 0;
    close(errorp[0]);
    if (mlen > 0) {
        int status, code = atoi(msg);
        const char *text = strchr(msg, ' ');
        text = text ? text + 1 : msg;
        kill(init, SIGKILL);
        waitpid(init, &status, 0);
        /* the caller records the failure from the line below; exit.json only repeats it */
        write_exit(s, code, 0, text);
        if (s->control)
            unlink(s->control);
        report("error %d %s\n", code, text);
        return code;
    }
    int master = -1;
    if (s->tty) {
        /* sent before the exec that closed errorp: it waits in the socket */
        master = recv_fd(consolep[0]);
        if (master < 0) {
            int status;
            kill(init, SIGKILL);
            waitpid(init, &status, 0);
            write_exit(s, 128, 0, "the container's terminal did not reach the monitor");
            unlink(s->control);
            report("error 128 the container's terminal did not reach the monitor\n");
            return 128;
        }
        close(consolep[0]);
        fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    }
    if (inp[1] >= 0)
        fcntl(inp[1], F_SETFL, fcntl(inp[1], F_GETFL) | O_NONBLOCK);
    report("ok %d\n", init);
    dup2(devnull, 0);
    dup2(devnull, 1);
    dup2(devnull, 2);

    struct logstate *ls = calloc(1, sizeof *ls);
    if (!ls)
        _exit(128);
    ls->fd = logfd;
    struct stat st;
    ls->size = fstat(logfd, &st) == 0 ? st.st_size : 0;
    /* a warning left by an earlier run of this container is not about this one */
    char warning[PATH_MAX];
    snprintf(warning, sizeof warning, "%s/log-warning.json", s->state);
    unlink(warning);
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    struct relay *rl = malloc(sizeof *rl);
    if (!rl)
        _exit(128);
    relay_init(rl, ctl, s->tty ? master : inp[1], master);
    /* 0 stdout, 1 stderr, 2 signals, 3 the terminal's output, 4 control FIFO, 5 stdin writable */
    struct pollfd pf[6] = { { outp[0], POLLIN, 0 }, { errp[0], POLLIN, 0 }, { sfd, POLLIN, 0 },
                            { master, POLLIN, 0 }, { -1, POLLIN, 0 }, { -1, POLLOUT, 0 } };
    int status = 0, exited = 0;
    char buf[8192];
    while (!exited || pf[0].fd >= 0 || pf[1].fd >= 0 || pf[3].fd >= 0) {
        pf[4].fd = relay_wants_control(rl) ? ctl : -1;
        pf[5].fd = rl->nin > 0 ? rl->in_fd : -1;
        if (poll(pf, 6, exited ? 200 : -1) == 0 && exited)
            break; /* the init is gone; a leftover writer outside the pid namespace holds a pipe */
        if (pf[3].fd >= 0 && pf[3].revents) {
            r = read(master, buf, sizeof buf);
            if (r > 0) {
                /* a terminal is interactive: what it shows is logged (and attached) at once, not per line */
                log_data(s, ls, 0, buf, (size_t) r);
                if (ls->len[0]) {
                    log_entry(s, ls, 0, ls->buf[0], ls->len[0]);
                    ls->len[0] = 0;
                }
            } else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
                /* EIO: no process holds the terminal any more */
                close(master);
                pf[3].fd = -1;
                rl->in_fd = -1;
                rl->tty_fd = -1;
            }
        }
        if (pf[4].fd >= 0 && pf[4].revents)
            relay_read_control(rl);
        if (pf[5].fd >= 0 && pf[5].revents)
            relay_write_stdin(rl);
        for (int i = 0; i < 2; i++) {
            if (pf[i].fd >= 0 && pf[i].revents) {
                r = read(pf[i].fd, buf, sizeof buf);
                if (r > 0) {
                    log_data(s, ls, i, buf, (size_t) r);
                } else if (r == 0 || errno != EINTR) {
                    close(pf[i].fd);
                    pf[i].fd = -1;
                }
            }
        }
        if (pf[2].revents) {
            struct signalfd_siginfo si;
            r = read(sfd, &si, sizeof si);
            (void) r;
            if (waitpid(init, &status, WNOHANG) == init)
                exited = 1;
        }
    }
    for (int i = 0; i < 2; i++)
        if (ls->len[i])
            log_entry(s, ls, i, ls->buf[i], ls->len[i]);
    if (ls->error[0])
        write_log_warning(s, ls); /* with the final count of lost entries */
    if (s->control)
        unlink(s->control);
    int written = WIFSIGNALED(status) ? write_exit(s, 128 + WTERMSIG(status), WTERMSIG(status), "")
                                      : write_exit(s, WEXITSTATUS(status), 0, "");
    /* nobody reads the monitor's output now; the engine sees the missing exit.json (Runtime) */
    return written < 0 ? 1 : 0;
}

/* ---------- exec into a running container ---------- */

/* The parent PID of a process, from /proc/PID/stat; -1 when it cannot be read. */
static pid_t parent_of(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = 0;
    char *end = strrchr(buf, ')');
    char state;
    int ppid;
    if (!end || sscanf(end + 1, " %c %d", &state, &ppid) != 2)
        return -1;
    return (pid_t) ppid;
}

/*
 * exec with a terminal: relays the launcher's stdin to the terminal, the terminal's output to the
 * launcher's stdout, and the control FIFO's window sizes to the terminal, until the process has
 * ended and the terminal is drained (or a leftover process holds it for 200 ms). Returns the exit
 * code of the process.
 */
static int relay_terminal(pid_t child, int master, int ctl, sigset_t *chld)
{
    signal(SIGPIPE, SIG_IGN);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    struct relay *rl = malloc(sizeof *rl);
    if (!rl)
        die("out of memory");
    relay_init(rl, ctl, master, master);
    int sfd = signalfd(-1, chld, SFD_CLOEXEC);
    if (sfd < 0)
        die("signalfd: %s", strerror(errno));
    int in_open = 1, status = 0, exited = 0;
    char buf[8192];
    /* 0 the launcher's stdin, 1 the terminal's output, 2 stdin to the terminal, 3 control, 4 signals */
    struct pollfd pf[5] = { { 0, POLLIN, 0 }, { master, POLLIN, 0 }, { -1, POLLOUT, 0 }, { -1, POLLIN, 0 },
                            { sfd, POLLIN, 0 } };
    while (!exited || pf[1].fd >= 0) {
        pf[0].fd = in_open && rl->in_fd >= 0 && sizeof rl->in - rl->nin >= sizeof buf ? 0 : -1;
        pf[2].fd = rl->nin > 0 ? rl->in_fd : -1;
        pf[3].fd = relay_wants_control(rl) ? ctl : -1;
        if (poll(pf, 5, exited ? 200 : -1) == 0 && exited)
            break;
        if (pf[0].fd >= 0 && pf[0].revents) {
            ssize_t r = read(0, rl->in + rl->nin, sizeof rl->in - rl->nin);
            if (r > 0)
                rl->nin += (size_t) r;
            else if (r == 0 || errno != EINTR)
                in_open = 0; /* the terminal stays: its end of input is the user's ^D */
        }
        if (pf[1].fd >= 0 && pf[1].revents) {
            ssize_t r = read(master, buf, sizeof buf);
            if (r > 0) {
                write_all(1, buf, (size_t) r);
            } else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
                pf[1].fd = -1;
                rl->in_fd = -1;
                rl->tty_fd = -1;
            }
        }
        if (pf[2].fd >= 0 && pf[2].revents)
            relay_write_stdin(rl);
        if (pf[3].fd >= 0 && pf[3].revents)
            relay_read_control(rl);
        if (pf[4].revents) {
            struct signalfd_siginfo si;
            ssize_t r = read(sfd, &si, sizeof si);
            (void) r;
            if (waitpid(child, &status, WNOHANG) == child)
                exited = 1;
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int exec_in(struct spec *s)
{
    static const char *ns[] = { "ipc", "uts", "net", "pid", "mnt" };
    int fds[5], ctl = -1;
    int lastcap = last_cap();
    if (s->tty) {
        if (!s->control)
            die("spec: an exec with a tty needs a control FIFO");
        /* a host path: opened before joining the container's mount namespace */
        ctl = open(s->control, O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (ctl < 0)
            die("cannot open the control FIFO %s: %s", s->control, strerror(errno));
    }
    if (s->pid <= 0)
        die("spec: pid of the container's init is required for exec");
    if (s->monitor <= 0)
        die("spec: pid of the container's monitor is required for exec");
    /* Pin the init first: its PID may have gone to another host process once the monitor reaped it. */
    int pidfd = (int) syscall(__NR_pidfd_open, s->pid, 0);
    if (pidfd < 0)
        die("the container's init (PID %d) is gone: %s", s->pid, strerror(errno));
    for (int i = 0; i < 5; i++) {
        char p[64];
        snprintf(p, sizeof p, "/proc/%d/ns/%s", s->pid, ns[i]);
        fds[i] = open(p, O_RDONLY | O_CLOEXEC);
        if (fds[i] < 0)
            die("cannot open %s (is the container running?): %s", p, strerror(errno));
    }
    /* The namespaces opened above are the init's only if PID s->pid is still the monitor's child
       and the pinned process has not exited: a PID is not reused while its process exists. */
    struct pollfd exited = { pidfd, POLLIN, 0 };
    if (parent_of(s->pid) != s->monitor || poll(&exited, 1, 0) != 0)
        die("PID %d is no longer the container's init (its parent is not the monitor %d):"
            " is the container still running?", s->pid, s->monitor);
    close(pidfd);
    join_cgroups(s);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    for (int i = 0; i < 5; i++)
        if (setns(fds[i], 0) < 0)
            die("cannot join the %s namespace of %d: %s", ns[i], s->pid, strerror(errno));
    int master = -1, slave = -1;
    if (s->tty) {
        /* in the container's mount namespace now: the terminal is one of the container's own */
        open_pty(&master, &slave);
        struct winsize ws = { .ws_row = s->rows, .ws_col = s->cols };
        if ((s->rows || s->cols) && ioctl(master, TIOCSWINSZ, &ws) < 0)
            die("cannot set the terminal's window size: %s", strerror(errno));
    }
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    pid_t child = fork();
    if (child < 0)
        die("cannot fork: %s", strerror(errno));
    if (child == 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        for (int i = 0; i < 5; i++)
            close(fds[i]);
        setsid();
        if (s->tty) {
            close(master);
            close(ctl);
            take_terminal(slave, s->uid);
        }
        umask(022);
        set_rlimits(s);
        confine(s, lastcap, s->seccomp && !s->privileged);
        exec_command(s);
    }
    int status;
    signal(SIGINT, SIG_IGN);
    if (s->tty) {
        close(slave);
        return relay_terminal(child, master, ctl, &chld);
    }
    while (waitpid(child, &status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* ---------- a stopped container's root, for copying files in and out ---------- */

/*
 * Mounts the root filesystem of a container that is not running (its overlay and its mounts, as
 * at start) in a mount namespace of this process alone, enters it, reports "ok", and keeps it
 * until the engine closes our stdin (or dies: the pipe closes with it); the mounts go with the
 * namespace when this process exits.
 * The engine reaches the root through /proc/PID/root meanwhile. Nothing of it is seen on the host.
 */
static int hold_root(struct spec *s)
{
    if (unshare(CLONE_NEWNS) < 0)
        die("cannot make a mount namespace for the root filesystem: %s", strerror(errno));
    umask(0);
    mount_rootfs(s);
    if (chroot(s->rootfs) < 0 || chdir("/") < 0)
        die("cannot enter the root filesystem %s: %s", s->rootfs, strerror(errno));
    printf("ok %d\n", (int) getpid());
    fflush(stdout);
    char c;
    for (;;) {
        ssize_t r = read(0, &c, 1);
        if (r == 0 || (r < 0 && errno != EINTR))
            return 0;
    }
}

int main(int argc, char **argv)
{
    struct spec *s = calloc(1, sizeof *s);
    if (argc != 3 || !s) {
        fprintf(stderr, "usage: berth-launch launch|exec|root SPECFILE\n");
        return 2;
    }
    report_stdout = !strcmp(argv[1], "launch") || !strcmp(argv[1], "root");
    parse_spec(argv[2], s);
    if (!strcmp(argv[1], "launch")) {
        int code = launch(s);
        return code;
    }
    if (!strcmp(argv[1], "exec"))
        return exec_in(s);
    if (!strcmp(argv[1], "root"))
        return hold_root(s);
    fprintf(stderr, "berth-launch: unknown mode \"%s\" (expected launch, exec or root)\n", argv[1]);
    return 2;
}
