# Shared by every script in scripts/: source it, don't run it.
#   find_jdk     sets JAVA_HOME to a JDK 21+ and puts its bin first on PATH, or exits with one clear sentence.
#   build_jars   builds chat-server.jar, chat-client.jar and lanchat-tools.jar when missing or older than the
#                sources.
#   TOOLS_JAR    the tools jar (scripts/bench, scripts/backlog-demo).

LANCHAT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LANCHAT_MIN_JAVA=21
TOOLS_JAR="$LANCHAT_ROOT/tools/target/lanchat-tools.jar"
LANCHAT_JVM_DIR="${LANCHAT_JVM_DIR:-/usr/lib/jvm}"  # where to look for JDKs; tests point it elsewhere

# Prints the major version of the JDK at $1 (e.g. 25), or nothing when $1/bin/java is not a JDK.
jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    local major
    major="$(jdk_major "$JAVA_HOME")"
    if [ -n "$major" ] && [ "$major" -ge "$LANCHAT_MIN_JAVA" ]; then
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  local best="" best_major=0 dir major
  for dir in "$LANCHAT_JVM_DIR"/*/; do
    dir="${dir%/}"
    [ -L "$dir" ] && continue  # e.g. default-java: a link to a JDK that is in the list anyway
    major="$(jdk_major "$dir")"
    if [ -n "$major" ] && [ "$major" -ge "$LANCHAT_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "LanChat needs a JDK $LANCHAT_MIN_JAVA or newer: none found in JAVA_HOME (${JAVA_HOME:-unset}) or under $LANCHAT_JVM_DIR; install one (e.g. apt-get install openjdk-21-jdk-headless) or point JAVA_HOME at it." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Maven 3.8/3.9's own Guava calls sun.misc.Unsafe, which JDK 24+ warns about on every run. The flag that allows it
# quietly makes JDK 17-22 refuse to start, so it is added only for the JDK that find_jdk chose.
quiet_maven() {
  local major
  major="$(jdk_major "$JAVA_HOME")"
  if [ -n "$major" ] && [ "$major" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

# True when $1 is missing or any file under the given source folders is newer than it.
is_stale() {
  local jar="$1"
  shift
  [ -f "$jar" ] || return 0
  [ -n "$(find "$@" -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

build_jars() {
  local server_jar="$LANCHAT_ROOT/chat-server/target/chat-server.jar"
  local client_jar="$LANCHAT_ROOT/chat-client/target/chat-client.jar"
  local shared=("$LANCHAT_ROOT/pom.xml" "$LANCHAT_ROOT/protocol/pom.xml" "$LANCHAT_ROOT/protocol/src/main")
  if is_stale "$server_jar" "${shared[@]}" "$LANCHAT_ROOT/chat-server/pom.xml" "$LANCHAT_ROOT/chat-server/src/main" \
    || is_stale "$client_jar" "${shared[@]}" "$LANCHAT_ROOT/chat-client/pom.xml" "$LANCHAT_ROOT/chat-client/src/main" \
    || is_stale "$TOOLS_JAR" "${shared[@]}" "$LANCHAT_ROOT/tools/pom.xml" "$LANCHAT_ROOT/tools/src/main"; then
    echo "Building the LanChat jars (mvn package)..." >&2
    quiet_maven
    # Debian's Maven 3.8 prints stray colour resets (ESC[0m) even in batch mode: drop them.
    (set -o pipefail; cd "$LANCHAT_ROOT" && mvn -q -B -DskipTests package 2>&1 | sed $'s/\x1b\\[0m//g' >&2) || {
      echo "The build failed; run 'mvn -B package' in $LANCHAT_ROOT to see why." >&2
      exit 1
    }
    # Shade leaves an unchanged jar untouched; mark all three as built now so the next run does not rebuild.
    touch "$server_jar" "$client_jar" "$TOOLS_JAR"
  fi
}
