# Sourced by scripts/test.sh and scripts/demo.sh: makes sure this machine has what they need.
# Installs missing Debian packages when running as root; otherwise says exactly what to install.

halyard_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$halyard_root/scripts/halyard-java.sh"

# halyard_need_packages CHECK:PACKAGE ... where CHECK is a command name, a shared library soname or
# an absolute path that must exist. $halyard_apt_options are added to apt-get install.
halyard_need_packages() {
  local missing=() item check pkg
  for item in "$@"; do
    check=${item%%:*} pkg=${item#*:}
    if [[ $check == /* ]]; then
      [[ -e $check ]] && continue
    elif [[ $check == *.so* ]]; then
      ldconfig -p 2>/dev/null | grep -q "$check" && continue
    else
      command -v "$check" >/dev/null 2>&1 && continue
    fi
    missing+=("$pkg")
  done
  (( ${#missing[@]} == 0 )) && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "Halyard needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  echo "Installing ${missing[*]} ..." >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${halyard_apt_options:-} "${missing[@]}" >/dev/null \
    || { echo "apt-get install ${missing[*]} failed" >&2; return 1; }
}

# what the client (SWT on GTK) and the UI tests need on a headless machine
halyard_need_display_packages() {
  halyard_need_packages xvfb-run:xvfb Xvfb:xvfb xauth:xauth libgtk-3.so.0:libgtk-3-0 fc-list:fonts-dejavu-core
}

# what the daemons run and the system tests and demo use: real resource agents (Dummy, Stateful),
# setsid for agent process groups, ssh-keygen for the demo's keys
halyard_need_cluster_packages() {
  halyard_apt_options=--no-install-recommends halyard_need_packages \
    /usr/lib/ocf/resource.d/heartbeat/Dummy:resource-agents \
    /usr/lib/ocf/resource.d/pacemaker/Stateful:pacemaker-resource-agents \
    setsid:util-linux ssh-keygen:openssh-client
}
