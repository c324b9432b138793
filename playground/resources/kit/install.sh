#!/bin/sh
# Install CNN Playground from this kit, with no network: ./install.sh [FOLDER]
# (default folder: ~/cnn-playground). Made by `cnn-playground kit build`.
#
# 1. checks every file of the kit against manifest.txt (size and SHA-256) before anything else;
# 2. makes a virtual environment in FOLDER/venv with this PC's Python (@PYTHONS@);
# 3. installs the app from the kit's wheels only (pip --no-index --find-links), ignoring any pip
#    configuration and PIP_* variables on this PC;
# 4. puts the kit's pretrained weights and datasets where the app finds them and adds the app
#    to the applications menu (`cnn-playground kit finish`).
set -eu

KIT=$(cd "$(dirname "$0")" && pwd)
TARGET=${1:-"$HOME/cnn-playground"}
VERSION="@VERSION@"
PYTHONS="@PYTHONS@"

say() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

PY=""
for version in $PYTHONS; do
  for candidate in "python$version" python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       [ "$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "$version" ]; then
      PY=$(command -v "$candidate")
      break 2
    fi
  done
done
[ -n "$PY" ] || fail "this kit has wheels for Python $PYTHONS; none of them is installed on this PC / 이 키트는 Python $PYTHONS 용입니다: 이 PC에 없습니다"
say "Python: $PY"

"$PY" "$KIT/tools/check_kit.py" "$KIT" || exit 1

# pip must see the kit and nothing else: no configuration file, no PIP_* variable.
for variable in $(env | sed -n 's/^\(PIP_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$variable"; done
export PIP_CONFIG_FILE=/dev/null

mkdir -p "$TARGET"
if [ ! -x "$TARGET/venv/bin/python" ]; then
  "$PY" -m venv "$TARGET/venv" || fail "could not make a virtual environment in $TARGET/venv (on Debian and Ubuntu: the python3-venv package) / 가상 환경을 만들 수 없습니다"
fi
# Installing again (a newer kit) brings every package to the kit's version; the app itself is always
# put in anew (a kit rebuilt from changed sources keeps its version number).
pip_from_kit() {
  "$TARGET/venv/bin/python" -m pip install --isolated --no-index --find-links "$KIT/wheels" \
    --disable-pip-version-check --no-warn-script-location "$@" "cnn-playground==$VERSION" \
    || fail "pip could not install the app from the kit's wheels / 키트의 휠로 앱을 설치하지 못했습니다"
}
pip_from_kit --upgrade --upgrade-strategy eager
pip_from_kit --force-reinstall --no-deps
"$TARGET/venv/bin/cnn-playground" kit finish "$KIT" --venv "$TARGET/venv"
say ""
say "CNN Playground $VERSION: $TARGET/venv/bin/cnn-playground-gui"
say "Before class / 수업 전 점검: $TARGET/venv/bin/cnn-playground doctor"
