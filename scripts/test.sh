#!/usr/bin/env bash
# Runs Halyard's whole test suite: plain JUnit tests of the pure bundles, OSGi integration tests,
# UI tests of the client under Xvfb (screenshots in tests/*/target/screenshots/), and system tests
# that start the built daemon product. Extra arguments go to Maven (e.g. -o for offline).
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$halyard_root"
halyard_find_java
halyard_need_display_packages
halyard_need_cluster_packages
exec xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B verify "$@"
