#!/usr/bin/env bash
# Halyard's demo: builds the products if needed, starts a 3-node cluster of daemons on loopback,
# prints its status and opens the client. Everything lives under target/demo (HALYARD_DEMO_DIR);
# closing the client stops the daemons. Without a display the client runs on a virtual X display.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$halyard_root"
halyard_find_java
halyard_need_display_packages
halyard_need_cluster_packages

products=(daemon/product/target/products/org.halyard.daemon.product/linux/gtk/x86_64/halyardd
          product/target/products/org.halyard.client.product/linux/gtk/x86_64/halyard-client)
daemon_home=$halyard_root/${products[0]} client_home=$halyard_root/${products[1]}
stale=$(find pom.xml target-platform bundles daemon features product -newer "$daemon_home/configuration/config.ini" \
          -type f -not -path '*/target/*' 2>/dev/null | head -1 || true)
if [[ ! -x $daemon_home/halyardd || ! -x $client_home/halyard-client || -n $stale ]]; then
  echo "Building Halyard (first time: a few minutes) ..."
  ./mvnw -B -q package -DskipTests
fi

demo=${HALYARD_DEMO_DIR:-$halyard_root/target/demo}
nodes=(1 2 3)
mkdir -p "$demo"
[[ -f $demo/authkey ]] || "$daemon_home/halyard" keygen --file "$demo/authkey"
# the client logs in over SSH with a key of the demo's own; only it may use the daemons' SSH servers
[[ -f $demo/id_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C halyard-demo -f "$demo/id_ed25519"
cp "$demo/id_ed25519.pub" "$demo/authorized_keys"
ssh_port=${HALYARD_DEMO_SSH_PORT:-2222}

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# a 3-node cluster on loopback: node N listens on 127.0.0.N (corosync.conf syntax)
for n in "${nodes[@]}"; do
  config=$demo/node$n/config
  mkdir -p "$config" "$demo/node$n/state"
  install -m 600 "$demo/authkey" "$config/authkey"
  {
    printf 'totem {\n    version: 2\n    cluster_name: halyard-demo\n}\nnodelist {\n'
    for m in "${nodes[@]}"; do
      printf '    node {\n        ring0_addr: 127.0.0.%s\n        name: node%s\n        nodeid: %s\n    }\n' "$m" "$m" "$m"
    done
    printf '}\nquorum {\n    provider: corosync_votequorum\n}\n'
  } > "$config/cluster.conf"
  "$daemon_home/halyardd" --config "$config" --state "$demo/node$n/state" --node "node$n" \
    --run-dir "$demo/node$n/run" --fence-agents "$daemon_home" \
    --ssh-port "$ssh_port" --authorized-keys "$demo/authorized_keys" \
    > "$demo/node$n/halyardd.out" 2>&1 &
  pids+=($!)
done
echo "Starting a 3-node cluster on loopback (logs: $demo/node*/state/halyardd.log) ..."
export HALYARD_SOCKET=$demo/node1/state/halyard.sock
for _ in $(seq 1 240); do
  # no answer yet is normal while the daemons boot: count what there is, never fail here
  online=$( ("$daemon_home/halyard" status --xml 2>/dev/null || true) | { grep -o 'state="online"' || true; } | wc -l)
  (( online == ${#nodes[@]} )) && break
  for i in "${!nodes[@]}"; do
    kill -0 "${pids[$i]}" 2>/dev/null || { echo "halyardd on node$((i + 1)) failed:" >&2; tail -20 "$demo/node$((i + 1))/halyardd.out" >&2; exit 1; }
  done
  sleep 0.5
done
if (( online != ${#nodes[@]} )); then
  echo "Only $online of ${#nodes[@]} nodes are online after 2 minutes; the daemons' logs say why: $demo/node*/state/halyardd.log" >&2
fi
# something to watch: the web cluster of the seeds, on Dummy and Stateful agents, first time only
if ! "$daemon_home/halyard" configure show | grep -q '^group'; then
  "$daemon_home/halyard" configure load "$halyard_root/scripts/demo-cluster.crm" >/dev/null
fi
sleep 2
"$daemon_home/halyard" status
echo
echo "Try: HALYARD_SOCKET=$HALYARD_SOCKET $daemon_home/halyard status   (or: resource move HA node2, node standby node1)"

# the client trusts exactly the demo daemons' host keys (each daemon writes ssh_host_ec_key.pub at start)
known_hosts=$demo/known_hosts
: > "$known_hosts"
for n in "${nodes[@]}"; do
  printf '[127.0.0.%s]:%s %s\n' "$n" "$ssh_port" "$(cut -d' ' -f1,2 "$demo/node$n/state/ssh_host_ec_key.pub")" \
    >> "$known_hosts"
done

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
mkdir -p "$(dirname "$prefs")"
# rewritten each time: the key and ports are the demo's
printf 'clusters/halyard-demo/nodes=127.0.0.1:%s,127.0.0.2:%s,127.0.0.3:%s\nclusters/halyard-demo/user=%s\nclusters/halyard-demo/keyFile=%s\neclipse.preferences.version=1\n' \
  "$ssh_port" "$ssh_port" "$ssh_port" "$(id -un)" "$demo/id_ed25519" > "$prefs"
echo "Starting the client, connected to the demo cluster; close its window (or press Ctrl-C) to stop the demo."
HALYARD_WORKSPACE=$workspace \
HALYARD_JAVA_OPTS="${HALYARD_JAVA_OPTS:-} -Dhalyard.connect=halyard-demo -Dhalyard.knownHosts=$known_hosts" \
  "$client_home/halyard-client"
