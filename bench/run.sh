#!/usr/bin/env bash
# Runs Halyard's benchmarks against baselines measured in the same JVM or the same script.
# Not part of the test suite.
#   bench/run.sh [NODESxRESOURCES,...] [runs]             CIB load/save against the JDK's DOM
#   bench/run.sh scheduler [NODESxRESOURCES,...] [runs]   the scheduler against crm_simulate
#                                                         (when pacemaker-cli-utils is installed)
#   bench/run.sh failover [runs]                          failover of the built daemon product after
#                                                         kill -9 / SIGSTOP, against a planned move
#   e.g. bench/run.sh 4x100,16x1000 3;  bench/run.sh scheduler 4x100,16x1000,32x5000 3
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../scripts/halyard-java.sh"
halyard_find_java
if [[ ! -d $here/target/lib ]]; then
  (cd "$here/.." && ./mvnw -B -q package -DskipTests)
fi
cp=$(ls "$here"/target/halyard-bench-*.jar "$here"/target/lib/*.jar | tr '\n' ':')
main=org.halyard.bench.CibBench
heap=-Xmx2g
if [[ ${1:-} == failover ]]; then
  shift
  cd "$here/.."   # the daemon product is found relative to the project root
  exec "$HALYARD_JAVA" -cp "$cp" org.halyard.bench.FailoverBench "$@"
fi
if [[ ${1:-} == scheduler ]]; then
  shift
  main=org.halyard.bench.SchedulerBench
  heap=-Xmx1g   # the target: the largest cluster schedules within 1 GB of heap
fi
exec "$HALYARD_JAVA" $heap -cp "$cp" "$main" "$@"
