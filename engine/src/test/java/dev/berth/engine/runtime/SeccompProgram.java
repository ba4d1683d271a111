package dev.berth.engine.runtime;

import java.util.List;

/**
 * A classic BPF seccomp program as {@code filter-dump} prints it, and the subset of the cBPF
 * machine the launcher's filter uses (absolute word loads of {@code seccomp_data}, JEQ, JGE, JSET,
 * JA, RET of a constant), so that tests can ask what it answers for an ABI this host cannot run.
 */
record SeccompProgram(List<Insn> instructions) {

    static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    static final int AUDIT_ARCH_I386 = 0x40000003;
    static final int AUDIT_ARCH_AARCH64 = 0xc00000b7;
    static final int X32 = 0x40000000;
    static final int RET_KILL_PROCESS = 0x80000000;
    static final int RET_ALLOW = 0x7fff0000;
    static final int EPERM = 0x00050000 | 1;
    static final int ENOSYS = 0x00050000 | 38;

    record Insn(int code, int jt, int jf, int k) {
    }

    /** Parses lines of {@code code jt jf k}. */
    static SeccompProgram parse(String dump) {
        return new SeccompProgram(dump.lines().map(line -> line.trim().split("\\s+"))
                .map(f -> new Insn(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseUnsignedInt(f[3])))
                .toList());
    }

    /** The action the program returns for a call {@code nr(arg0, ...)} of ABI {@code arch}. */
    int evaluate(int arch, int nr, int arg0) {
        int acc = 0;
        int pc = 0;
        while (true) {
            Insn i = instructions.get(pc++);
            switch (i.code()) {
                case 0x20 -> acc = switch (i.k()) { // BPF_LD | BPF_W | BPF_ABS at offsetof(seccomp_data, ...)
                    case 0 -> nr;
                    case 4 -> arch;
                    case 16 -> arg0;
                    default -> throw new IllegalStateException("load of seccomp_data offset " + i.k());
                };
                case 0x05 -> pc += i.k(); // BPF_JMP | BPF_JA
                case 0x15 -> pc += acc == i.k() ? i.jt() : i.jf(); // JEQ
                case 0x35 -> pc += Integer.compareUnsigned(acc, i.k()) >= 0 ? i.jt() : i.jf(); // JGE
                case 0x45 -> pc += (acc & i.k()) != 0 ? i.jt() : i.jf(); // JSET
                case 0x06 -> { // BPF_RET | BPF_K
                    return i.k();
                }
                default -> throw new IllegalStateException("instruction code " + i.code() + " at " + (pc - 1));
            }
        }
    }
}
