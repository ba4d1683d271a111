package dev.berth.engine.api;

/** Netty's settings for berth, applied before Netty's classes load. */
public final class NettyDefaults {

    private NettyDefaults() {
    }

    /**
     * Keeps Netty off {@code sun.misc.Unsafe}, whose use Java 25 reports with a warning on
     * standard error at every start; unless the user chose otherwise ({@code -Dio.netty.noUnsafe}).
     */
    public static void apply() {
        if (System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "true");
        }
    }
}
