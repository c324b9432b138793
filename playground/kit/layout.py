"""The names inside a kit, shared by the build, the install's last step and the report."""

KIT_INFO = "kit.json"  # what the kit holds: targets and their wheels, weights, datasets, installer
WHEELS = "wheels"
CHECK_SCRIPT = "tools/check_kit.py"  # a copy of playground/kit/manifest.py
INSTALL_SCRIPTS = ("install.sh", "install.bat")
CPU_TORCH_INDEX = "https://download.pytorch.org/whl/cpu"  # PyTorch's own index of CPU-only Linux wheels
