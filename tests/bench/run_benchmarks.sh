#!/usr/bin/env bash
# Measures gdlab against the tutorials' NumPy code on this machine, in one run. Prints the figures the README
# quotes. Usage: tests/bench/run_benchmarks.sh [BUILD_DIR]   (default build/, a Release build)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build}"
source "$root/scripts/install_deps.sh"
gdlab_install_deps python3-numpy
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== core benchmarks (Google Benchmark)"
"$build/tests/bench/bench_core" --benchmark_min_time=0.5

echo "== NumPy, same workload: batch updates per second at n = 1e6, k = 10"
/usr/bin/python3 "$root/tests/bench/numpy_reference.py" updates

echo "== whole process on a 100,000 x 11 CSV, 1000 batch updates"
/usr/bin/python3 - "$work/data.csv" <<'PY'
import sys
import numpy as np
rng = np.random.default_rng(11)
x = rng.standard_normal((100_000, 10))
y = 1 + x @ np.arange(1.0, 11.0) + 0.1 * rng.standard_normal(100_000)
header = ",".join([f"x{i}" for i in range(1, 11)] + ["y"])
np.savetxt(sys.argv[1], np.column_stack([x, y]), delimiter=",", header=header, comments="", fmt="%.17g")
PY
/usr/bin/python3 - "$build/app/gdlab-run" "$root/tests/bench/numpy_reference.py" "$work/data.csv" <<'PY'
import subprocess
import sys
import time

def best_of_three(command):
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best

gdlab_run, numpy_script, data = sys.argv[1:4]
ours = best_of_three([gdlab_run, data, "--lr", "0.05", "--iterations", "1000"])
theirs = best_of_three([sys.executable, numpy_script, "script", data, "1000"])
print(f"gdlab-run: {ours:.3f} s   NumPy script: {theirs:.3f} s   speed-up: {theirs / ours:.1f}x")
PY

echo "== NIST StRD linear regression: correct digits (LRE) of gdlab and NumPy"
"$root/tests/bench/nist_lre.sh" "$build"
