# Sourced by berth's scripts: JAVA_HOME becomes a JDK 25 - $BERTH_JAVA_HOME, else Temurin 25 where
# this project's machines have it, else the JAVA_HOME already set.
berth_jdk="${BERTH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$berth_jdk/bin/java" ] || berth_jdk="${JAVA_HOME:-$berth_jdk}"
JAVA_HOME="$berth_jdk"
export JAVA_HOME
unset berth_jdk
