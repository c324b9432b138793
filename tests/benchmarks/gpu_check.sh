#!/usr/bin/env bash
# The benchmarks that need a CUDA GPU, in one go (under 5 minutes on one GPU): never run by the
# tests. From the repository root:   bash tests/benchmarks/gpu_check.sh [PYTHON]
#   1. the engine against a bare loop on CUDA, mixed precision on and off, channels-last on and off
#      (tests/benchmarks/bench_gpu.py)
#   2. the window training through its child process on CUDA (bench_gui_training.py --device cuda)
#   3. the "All GPUs" path: torchrun with one process per GPU present, as the window starts it
#      (bench_ddp.py --device cuda), and one short run of exactly the window's command
set -euo pipefail
PYTHON="${1:-python}"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$PYTHON" - <<'PY'
import torch
if not torch.cuda.is_available():
    raise SystemExit("no CUDA device: gpu_check.sh is for a GPU machine")
print(f"{torch.cuda.device_count()} CUDA device(s):", ", ".join(torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())))
PY
GPUS="$("$PYTHON" -c 'import torch; print(torch.cuda.device_count())')"

echo "== 1. engine vs bare loop on CUDA (mixed precision, channels-last)"
timeout 120 "$PYTHON" tests/benchmarks/bench_gpu.py --rounds 2 --epochs 3

echo "== 2. the window training through its child process on CUDA"
timeout 100 "$PYTHON" tests/benchmarks/bench_gui_training.py --device cuda --rounds 1 --epochs 3 --photos 0

echo "== 3. All GPUs: torchrun, one process per GPU ($GPUS)"
if [ "$GPUS" -ge 2 ]; then
    timeout 60 "$PYTHON" tests/benchmarks/bench_ddp.py --device cuda --processes "$GPUS" --rounds 1
else
    echo "   one GPU: the All GPUs choice is offered from two; the window's command is checked with one process"
fi
# exactly the command the window runs for "All GPUs" (gui/training_process.py)
timeout 60 "$PYTHON" -m torch.distributed.run --standalone --nproc-per-node="$GPUS" -m playground train lenet5-digits \
    --device cuda --out "$WORK/all-gpus" --json > "$WORK/all-gpus.log"
grep -c '"epoch"' "$WORK/all-gpus.log" | xargs -I{} echo "   torchrun run finished: {} epoch lines, checkpoint $(test -f "$WORK/all-gpus/best.pt" && echo written || echo MISSING)"
