/*
 * Prints the seccomp filter of a running process, one cBPF instruction a line as
 * "code jt jf k" (decimal), for the tests that evaluate it for ABIs this host cannot run.
 * Needs CAP_SYS_ADMIN and ptrace rights over the process; it attaches, reads the filter with
 * PTRACE_SECCOMP_GET_FILTER and detaches.
 *
 *   filter-dump PID
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/wait.h>

#ifndef PTRACE_SECCOMP_GET_FILTER
#define PTRACE_SECCOMP_GET_FILTER 0x420c
#endif

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: filter-dump PID\n");
        return 2;
    }
    pid_t pid = (pid_t) atoi(argv[1]);
    if (ptrace(PTRACE_ATTACH, pid, 0, 0) < 0) {
        fprintf(stderr, "filter-dump: attach %d: %s\n", pid, strerror(errno));
        return 1;
    }
    int status;
    if (waitpid(pid, &status, __WALL) < 0) {
        fprintf(stderr, "filter-dump: wait %d: %s\n", pid, strerror(errno));
        return 1;
    }
    long n = ptrace(PTRACE_SECCOMP_GET_FILTER, pid, 0, NULL);
    struct sock_filter *f = n > 0 ? calloc((size_t) n, sizeof *f) : NULL;
    if (n <= 0 || !f || ptrace(PTRACE_SECCOMP_GET_FILTER, pid, 0, f) != n) {
        fprintf(stderr, "filter-dump: no filter on %d: %s\n", pid, strerror(errno));
        ptrace(PTRACE_DETACH, pid, 0, 0);
        return 1;
    }
    ptrace(PTRACE_DETACH, pid, 0, 0);
    for (long i = 0; i < n; i++)
        printf("%u %u %u %u\n", f[i].code, f[i].jt, f[i].jf, f[i].k);
    return 0;
}
