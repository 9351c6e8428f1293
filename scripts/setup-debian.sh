#!/usr/bin/env bash
# Installs what budgetxl needs on Debian 12, skipping what is already there.
#   scripts/setup-debian.sh          build dependencies
#   scripts/setup-debian.sh --tests  also the independent checkers used by the tests
#   scripts/setup-debian.sh --fuzz   also clang and libFuzzer (scripts/fuzz.sh)
set -euo pipefail
packages=(build-essential cmake pkg-config libxlsxwriter-dev libzip-dev libexpat1-dev libicu-dev
          libfmt-dev nlohmann-json3-dev libcli11-dev libgtest-dev zlib1g-dev)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(python3 python3-openpyxl libreoffice-calc-nogui)
fi
if [[ "${1:-}" == "--fuzz" ]]; then
  # clang 16: clang 14 lacks the builtin std::source_location needs with Debian's libstdc++.
  packages+=(python3 clang-16 libclang-rt-16-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
