#!/bin/sh
# Compiles the container launcher (engine/src/main/c/berth-launch.c) into engine/target/native/.
# Static when the C library allows it (smaller monitor, no loader at start-up), dynamic otherwise.
set -eu
src="$1"
out="$2"
cc_bin="${CC:-cc}"
if ! command -v "$cc_bin" >/dev/null 2>&1; then
    echo "berth: a C compiler is needed to build the launcher; install it with apt-get install gcc libc6-dev" >&2
    exit 1
fi
mkdir -p "$(dirname "$out")"
flags="-Wall -Wextra -Werror -O2 -s"
if ! "$cc_bin" $flags -static -o "$out" "$src" 2>/dev/null; then
    "$cc_bin" $flags -o "$out" "$src"
fi
