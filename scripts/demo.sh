#!/usr/bin/env bash
# Halyard's demo: builds the products if needed, starts a local node daemon on loopback and opens
# the client. Everything lives under target/demo (HALYARD_DEMO_DIR); closing the client stops the
# daemon. Without a display the client runs on a virtual X display (Xvfb).
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$halyard_root"
halyard_find_java
halyard_need_display_packages

products=(daemon/product/target/products/org.halyard.daemon.product/linux/gtk/x86_64/halyardd
          product/target/products/org.halyard.client.product/linux/gtk/x86_64/halyard-client)
daemon_home=${products[0]} client_home=${products[1]}
stale=$(find pom.xml target-platform bundles daemon features product -newer "$daemon_home/configuration/config.ini" \
          -type f -not -path '*/target/*' 2>/dev/null | head -1 || true)
if [[ ! -x $daemon_home/halyardd || ! -x $client_home/halyard-client || -n $stale ]]; then
  echo "Building Halyard (first time: a few minutes) ..."
  ./mvnw -B -q package -DskipTests
fi

demo=${HALYARD_DEMO_DIR:-$halyard_root/target/demo}
node=$demo/node1
mkdir -p "$node/config" "$node/state"
if [[ ! -f $node/config/cluster.conf ]]; then
  cat > "$node/config/cluster.conf" <<CONF
# The demo's one-node cluster on loopback (corosync.conf syntax)
totem {
    version: 2
    cluster_name: halyard-demo
    token: 3000
}
nodelist {
    node {
        ring0_addr: 127.0.0.1
        name: node1
        nodeid: 1
    }
}
quorum {
    provider: corosync_votequorum
}
CONF
fi
[[ -f $node/config/authkey ]] || "$daemon_home/halyard" keygen --file "$node/config/authkey"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

"$daemon_home/halyardd" --config "$node/config" --state "$node/state" --node node1 > "$node/halyardd.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q "halyardd started" "$node/state/halyardd.log" 2>/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "halyardd failed to start:" >&2; tail -20 "$node/halyardd.out" >&2; exit 1; }
  sleep 0.25
done
echo "node1: halyardd running (pid ${pids[0]}), log $node/state/halyardd.log"

if [[ -z ${DISPLAY:-} ]]; then
  display=:$(( 90 + RANDOM % 9 ))
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$demo/xvfb.out" 2>&1 &
  pids+=($!)
  export DISPLAY=$display
  echo "No display: the client runs on virtual display $DISPLAY (attach a VNC server to it to look)."
fi

# the client opens with the demo cluster already in its explorer
workspace=$demo/client-workspace
prefs=$workspace/.metadata/.plugins/org.eclipse.core.runtime/.settings/org.halyard.ui.prefs
if [[ ! -f $prefs ]]; then
  mkdir -p "$(dirname "$prefs")"
  printf 'clusters/halyard-demo/nodes=127.0.0.1\nclusters/halyard-demo/user=%s\nclusters/halyard-demo/keyFile=\neclipse.preferences.version=1\n' \
    "$(id -un)" > "$prefs"
fi
echo "Starting the client; close its window (or press Ctrl-C) to stop the demo."
HALYARD_WORKSPACE=$workspace "$client_home/halyard-client"
