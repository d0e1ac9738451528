#!/usr/bin/env bash
# Makes sure ripgrep (`rg`) is on PATH for `npm run bench`, whose scan floor is `rg -l`.
# npm packages that ship rg (@vscode/ripgrep) download it from GitHub at install time, which
# is not reachable here, so this installs Debian's `ripgrep` package when it can. It never
# fails the bench: without rg it says why in one line, and the bench reports ripgrepMs as null.
set -uo pipefail

say() { printf '[bench setup] %s\n' "$*" >&2; }
# The first line of `rg --version`, read whole: piping it to head can make rg report a broken pipe.
rg_version() { local version; version="$(rg --version)"; printf '%s' "${version%%$'\n'*}"; }

if command -v rg >/dev/null 2>&1; then
  say "ripgrep present: $(rg_version)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  say "ripgrep not found and no apt-get to install it: the bench reports ripgrep as null"
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  say "ripgrep not found and not root, so not installing it (sudo apt-get install ripgrep): the bench reports ripgrep as null"
  exit 0
fi

say "ripgrep not found: installing the Debian package ripgrep"
export DEBIAN_FRONTEND=noninteractive
install_rg() { apt-get install -y -qq --no-install-recommends ripgrep >/dev/null 2>&1; }
# A fresh machine may have no package lists yet: update only when the first try fails.
if ! install_rg && ! { apt-get update -qq >/dev/null 2>&1 && install_rg; }; then
  say "apt-get install ripgrep failed: the bench reports ripgrep as null"
  exit 0
fi
if ! command -v rg >/dev/null 2>&1; then
  say "ripgrep installed but rg is not on PATH ($PATH): the bench reports ripgrep as null"
  exit 0
fi
say "ripgrep installed: $(rg_version)"
