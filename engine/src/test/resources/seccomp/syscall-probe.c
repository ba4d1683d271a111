/*
 * Calls the system calls busybox has no applet for and prints one line per call:
 * "NAME ok" or "NAME ERRNO-NAME". Built with gcc -static by the seccomp tests and copied into the
 * container; -m32 builds it for the i386 ABI.
 *
 *   syscall-probe keyctl bpf clone3 ...
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef __NR_clone3
#define __NR_clone3 435
#endif

static const char *errno_name(int e)
{
    switch (e) {
    case EPERM: return "EPERM";
    case ENOSYS: return "ENOSYS";
    case EINVAL: return "EINVAL";
    case EFAULT: return "EFAULT";
    case EACCES: return "EACCES";
    default: return strerror(e);
    }
}

static long call(const char *name)
{
    if (!strcmp(name, "keyctl")) /* KEYCTL_GET_KEYRING_ID of the session keyring, no creation */
        return syscall(__NR_keyctl, 0, -3, 0);
    if (!strcmp(name, "bpf")) /* an unknown command: the kernel answers EINVAL, the filter EPERM */
        return syscall(__NR_bpf, 0x7fff, NULL, 0);
    if (!strcmp(name, "clone3")) /* a NULL argument: the kernel answers EINVAL, the filter ENOSYS */
        return syscall(__NR_clone3, NULL, 0);
    if (!strcmp(name, "getpid"))
        return syscall(__NR_getpid);
    errno = EINVAL;
    fprintf(stderr, "syscall-probe: unknown call %s\n", name);
    return -2;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        errno = 0;
        long r = call(argv[i]);
        if (r == -2)
            return 2;
        if (r >= 0)
            printf("%s ok\n", argv[i]);
        else
            printf("%s %s\n", argv[i], errno_name(errno));
    }
    return 0;
}
