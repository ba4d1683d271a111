package dev.berth.cli;

import picocli.CommandLine.IVersionProvider;

/** berth's version, read from the jar manifest (or "dev" when run from classes). */
public final class BerthVersion implements IVersionProvider {

    public static String version() {
        String v = BerthVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"berth version " + version()};
    }
}
