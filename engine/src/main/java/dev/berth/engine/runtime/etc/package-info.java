/**
 * What the runtime prepares from the image before a container starts: reading its files through
 * the unpacked layers ({@link dev.berth.engine.runtime.etc.LayeredRootfs}), resolving the user
 * ({@link dev.berth.engine.runtime.etc.UserResolver}) and generating /etc/hostname, /etc/hosts and
 * /etc/resolv.conf ({@link dev.berth.engine.runtime.etc.EtcFiles}). Depends on nothing else in
 * the runtime package.
 */
package dev.berth.engine.runtime.etc;
