#!/usr/bin/env bash
# Runs Halyard's benchmarks against baselines measured in the same JVM. Not part of the test suite.
#   bench/run.sh [NODESxRESOURCES,...] [runs]     e.g. bench/run.sh 4x100,16x1000 3
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../scripts/halyard-java.sh"
halyard_find_java
if [[ ! -d $here/target/lib ]]; then
  (cd "$here/.." && ./mvnw -B -q package -DskipTests)
fi
cp=$(ls "$here"/target/halyard-bench-*.jar "$here"/target/lib/*.jar | tr '\n' ':')
exec "$HALYARD_JAVA" -Xmx2g -cp "$cp" org.halyard.bench.CibBench "$@"
