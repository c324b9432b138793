#!/usr/bin/env bash
# The classroom kit, for real: build a kit for this machine's platform and Python, install it inside
# a network namespace that has no network (unshare -n), with pip's configuration and PIP_* variables
# made hostile (they must be ignored), then run `summary`, a 1-epoch training and `doctor` from the
# installed venv. Prints the kit's size report, the build, rebuild and offline install times.
#
#   bash tests/offline_kit_check.sh          (PYTHON=path/to/venv/python to choose the builder)
#
# Needs root (for unshare -n) and about 10 GB of disk (a Linux kit carries torch's CUDA libraries:
# about 2.7 GB of wheels, 6 GB installed). Skips, saying why, where it cannot run. .ci/run runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}

if [ "$(uname -s)" != Linux ]; then echo "offline kit check SKIPPED: install.sh is checked here on Linux only"; exit 0; fi
if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null; then
  echo "offline kit check SKIPPED: needs root to make a network namespace (unshare -n)"; exit 0
fi
free_kb=$(df -Pk "${TMPDIR:-/tmp}" | awk 'NR==2 {print $4}')
if [ "$free_kb" -lt $((12 * 1024 * 1024)) ]; then
  echo "offline kit check SKIPPED: needs 12 GB free in ${TMPDIR:-/tmp}, has $((free_kb / 1024 / 1024)) GB"; exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cnnpg-kit-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
KIT="$WORK/kit"
TARGET="$WORK/installed"
BASE_PYTHON=$("$PY" -c 'import sys; print(sys._base_executable)')

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", b - a }'; }

echo "== kit build (this machine: $("$PY" -c 'import sys; print(sys.version.split()[0])'))"
t0=$(seconds)
"$PY" -m playground kit build "$KIT"
t1=$(seconds)
echo "== kit build again (adds only what is missing)"
"$PY" -m playground kit build "$KIT" | grep -E "brought in now|^Kit"
t2=$(seconds)

echo "== install with no network"
# env -i: nothing of this shell's environment; hostile PIP_* variables that would fail the install if
# pip read them, and /etc/pip.conf (with its indexes and constraints) stays on this machine.
NO_NET_ENV=(env -i HOME="$WORK/home" PATH="$(dirname "$BASE_PYTHON"):/usr/local/bin:/usr/bin:/bin" LANG=C.UTF-8
  PIP_INDEX_URL=https://pypi.org/simple PIP_FIND_LINKS=/nonexistent PIP_CONSTRAINT=/nonexistent/constraints.txt
  PIP_NO_INDEX=0 TMPDIR="$WORK")
unshare -n "${NO_NET_ENV[@]}" sh -c '! python3 -c "import urllib.request; urllib.request.urlopen(\"https://pypi.org\", timeout=5)" 2>/dev/null' \
  || { echo "the namespace reaches the network: not an offline check" >&2; exit 1; }
t3=$(seconds)
unshare -n "${NO_NET_ENV[@]}" sh "$KIT/install.sh" "$TARGET"
t4=$(seconds)

echo "== the installed app, with no network"
APP="$TARGET/venv/bin/cnn-playground"
unshare -n "${NO_NET_ENV[@]}" "$APP" summary lenet5-digits | tail -2
unshare -n "${NO_NET_ENV[@]}" "$APP" train lenet5-digits --epochs 1 --out "$WORK/run" | tail -2
test -f "$WORK/run/best.pt"
unshare -n "${NO_NET_ENV[@]}" "$APP" doctor
test -x "$TARGET/venv/bin/cnn-playground-gui"
test -f "$WORK/home/.local/share/applications/cnn-playground.desktop"
if [ -d "$KIT/datasets/fashion-mnist" ]; then
  test -f "$WORK/home/.local/share/cnn-playground/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
fi
t5=$(seconds)

echo "== sizes"
du -sh "$KIT"/* | sed "s|$KIT/||"
du -sh "$TARGET/venv" | sed "s|$TARGET/||"
echo "kit build $(elapsed "$t0" "$t1") s, rebuild $(elapsed "$t1" "$t2") s, offline install $(elapsed "$t3" "$t4") s," \
  "summary + 1-epoch training + doctor $(elapsed "$t4" "$t5") s"
echo "offline kit check passed"
