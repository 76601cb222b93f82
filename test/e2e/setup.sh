#!/bin/bash
# Idempotent offline installer for the end-to-end harness: Debian packages + code-server 4.99.4
# (= VS Code 1.99.3 server and web workbench) into <repo>/.cache/code-server/.
# Needs Node 20, root (for apt), and the npm registry + Debian apt reachable. Nothing else is downloaded:
# node-gyp builds native modules against /usr/include/node, ripgrep comes from /usr/bin/rg.
# A second run with everything in place returns at once (marker file). Safe without a terminal (CI=true, no
# stdin): nothing prompts. An interrupted install leaves no marker and is redone from scratch next time.
#   setup.sh             everything (apt packages only if missing)
#   setup.sh --apt-only  apt-get update + the apt packages, nothing else (used by .ci/run before npm ci)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CS_VERSION=4.99.4
CS_DIR="$REPO/.cache/code-server"
MARKER="$CS_DIR/.installed-$CS_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
# ripgrep: code-server's search binary; libkrb5-dev build-essential python3: native modules (kerberos, node-pty,
# spdlog, argon2) built with node-gyp; chromium: the browser the UI checks drive; fonts-dejavu-core: readable
# screenshots; curl: handy for debugging the server (not used by the harness); mingw-w64-common: the public-domain
# Windows headers test/unit/errorCodeNames.test.ts checks the generated error-name table against.
APT_PKGS=(ripgrep libkrb5-dev build-essential python3 chromium fonts-dejavu-core curl mingw-w64-common)

ts() { echo "== [setup $(date +%T)] $*"; }

apt_missing() {
  local p missing=()
  for p in "${APT_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup.sh: need root or sudo to install: $*" >&2; exit 1; }
    sudo="sudo -n"
  fi
  ts "apt: installing $*"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null >/dev/null
}

if [ "${1:-}" = "--apt-only" ]; then
  apt_install "${APT_PKGS[@]}"
  exit 0
fi

MISSING="$(apt_missing)"
if [ -z "$MISSING" ] && [ -f "$MARKER" ] && [ -x "$CS_BIN" ] && [ -x /usr/bin/chromium ]; then
  exit 0   # already installed: no-op
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  echo "setup.sh: code-server $CS_VERSION needs Node 20 exactly; this is Node $(node --version)" >&2
  exit 1
fi

if [ -n "$MISSING" ]; then
  # shellcheck disable=SC2086
  apt_install $MISSING
fi

# node-gyp: the running Node's own headers (Debian/NodeSource: /usr/include/node), no download from nodejs.org.
NODE_PREFIX="$(node -p 'require("path").resolve(process.execPath, "../..")')"
if [ -f "$NODE_PREFIX/include/node/node.h" ]; then
  export npm_config_nodedir="$NODE_PREFIX"
else
  echo "setup.sh: no Node headers in $NODE_PREFIX/include/node: node-gyp will try to download them" >&2
fi
export npm_config_yes=true              # node-pty's postinstall runs `npx node-gyp`; must not prompt or cancel
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=error

if [ ! -f "$MARKER" ]; then
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  cd "$CS_DIR"
  ts "npm install code-server@$CS_VERSION (--ignore-scripts: its postinstall would fetch ripgrep from GitHub)"
  [ -f package.json ] || echo '{ "name": "cmlog-lens-e2e-code-server", "private": true }' > package.json
  npm install "code-server@$CS_VERSION" --ignore-scripts --no-package-lock

  ts "argon2 from source (instead of a GitHub prebuild)"
  npm_config_build_from_source=true npm rebuild argon2

  ts "code-server postinstall by hand: lib/vscode dependencies"
  V="$CS_DIR/node_modules/code-server/lib/vscode"
  cd "$V"
  npm install --omit=dev --ignore-scripts
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg   # ripgrep's postinstall skips the download when bin/ exists
  npm rebuild                                          # node-pty, spdlog, kerberos, native-watchdog, @parcel/watcher
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

  ts "built-in extensions dependencies"
  (cd extensions && npm install --omit=dev)

  ts "smoke: code-server --version"
  tmp="$REPO/.cache/e2e-setup-smoke"; rm -rf "$tmp"; mkdir -p "$tmp"
  XDG_CONFIG_HOME="$tmp/xdg/config" XDG_DATA_HOME="$tmp/xdg/data" XDG_CACHE_HOME="$tmp/xdg/cache" \
    "$CS_BIN" --config "$tmp/config.yaml" --user-data-dir "$tmp/ud" --extensions-dir "$tmp/ext" --version
  rm -rf "$tmp"
  date -u +%FT%TZ > "$MARKER"
fi

for m in playwright-core @vscode/vsce esbuild mocha; do
  [ -d "$REPO/node_modules/$m" ] || { echo "setup.sh: $m missing from $REPO/node_modules: run npm install (npm ci) in the repo first" >&2; exit 1; }
done
ts done
