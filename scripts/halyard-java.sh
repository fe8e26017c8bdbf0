# Sourced by Halyard's scripts (and shipped in both products): picks a JDK >= 21.
# JAVA_HOME wins when it is new enough; otherwise the newest JDK under /usr/lib/jvm.

halyard_java_major() { # JDK directory -> major version, without starting a JVM when possible
  local release="$1/release" v
  if [[ -r $release ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  fi
  echo "${v:-0}"
}

halyard_find_java() {
  local best="" best_major=0 dir major
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java && $(halyard_java_major "$JAVA_HOME") -ge 21 ]]; then
    best=$JAVA_HOME
  else
    for dir in /usr/lib/jvm/*/; do
      dir=${dir%/}
      [[ -x $dir/bin/java && ! -L $dir ]] || continue
      major=$(halyard_java_major "$dir")
      if (( major > best_major )); then best=$dir; best_major=$major; fi
    done
    (( best_major >= 21 )) || best=""
  fi
  if [[ -z $best ]]; then
    echo "Halyard needs a JDK 21 or newer: none in JAVA_HOME (${JAVA_HOME:-unset}) or under /usr/lib/jvm." >&2
    echo "Install one (for example Temurin 21+ or openjdk-21-jdk) or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  HALYARD_JAVA=$best/bin/java
}
