package dev.berth.planner.load.canonical;

import java.util.regex.Pattern;

/** Syntax checks of IPv4 and IPv6 literals, without name resolution (java.net.InetAddress would look names up). */
final class IpAddresses {

    private static final Pattern V4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,4}");

    private IpAddresses() {
    }

    static boolean isValid(String ip) {
        return V4.matcher(ip).matches() || isV6(ip);
    }

    static boolean isV6(String ip) {
        if (!ip.contains(":")) {
            return false;
        }
        String text = ip;
        int groupsNeeded = 8;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') > lastColon) {
            if (!V4.matcher(text.substring(lastColon + 1)).matches()) {
                return false;
            }
            text = text.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] halves = doubleColon >= 0
                ? new String[] {text.substring(0, doubleColon), text.substring(doubleColon + 2)}
                : new String[] {text};
        int groups = 0;
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String g : half.split(":", -1)) {
                if (!HEX.matcher(g).matches()) {
                    return false;
                }
                groups++;
            }
        }
        return doubleColon >= 0 ? groups < groupsNeeded : groups == groupsNeeded;
    }
}
