import os
from pathlib import Path

# Qt draws into memory: no display is needed (CI and these machines have none). The screen is a
# 1920x1080 desktop, not the offscreen plugin's default 800x800, so windows keep their real size.
_SCREEN = Path(__file__).with_name("offscreen-screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")
