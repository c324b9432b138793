import os

# Qt draws into memory: no display is needed (CI and these machines have none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
