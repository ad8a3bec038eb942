#!/usr/bin/env bash
# Prints how many correct digits gdlab and NumPy get on the eleven NIST StRD linear regression datasets: the log
# relative error LRE = −log10(|estimate − certified| / |certified|) (−log10|estimate| where the certified value is
# 0), capped at 15, the minimum over the coefficients and over their standard deviations.
# Usage: tests/bench/nist_lre.sh [BUILD_DIR]   (default build/)
# gdlab is run as `gdlab-run DATA.csv --json`; NumPy is numpy.linalg.lstsq on the same design matrix (standard
# deviations from numpy.linalg.pinv, the same SVD). The certified values are read from tests/data/nist/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build}"
source "$root/scripts/install_deps.sh"
gdlab_install_deps python3-numpy

/usr/bin/python3 - "$root/tests/data/nist" "$build/app/gdlab-run" <<'PY'
import json
import math
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np

data_dir, gdlab_run = Path(sys.argv[1]), sys.argv[2]
NO_INTERCEPT = {"NoInt1", "NoInt2"}


def certified_values():
    """The tables of README.md: {name: {"beta": [...], "sd": [...], "rsd": x, "r2": x}}."""
    values = {}
    for line in (data_dir / "README.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1].startswith("B") and cells[1][1:].isdigit():
            entry = values.setdefault(cells[0], {"beta": [], "sd": []})
            entry["beta"].append(Decimal(cells[2]))
            entry["sd"].append(Decimal(cells[3]))
        elif len(cells) == 3 and cells[0] in values:
            values[cells[0]]["rsd"] = Decimal(cells[1])
            values[cells[0]]["r2"] = Decimal(cells[2])
    return values


def lre(estimate, certified):
    if estimate is None or not math.isfinite(estimate):
        return 0.0
    estimate = Decimal(repr(float(estimate)))
    if certified == 0:
        error = abs(estimate)
    else:
        error = abs(estimate - certified) / abs(certified)
    return 15.0 if error == 0 else max(0.0, min(15.0, -float(error.log10())))


def gdlab(name):
    command = [gdlab_run, str(data_dir / f"{name}.csv"), "--iterations", "1", "--json"]
    if name in NO_INTERCEPT:
        command.append("--no-intercept")
    result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    return result["least_squares"], result["std_errors"], result["residual_sd"]


def numpy_fit(name):
    table = np.loadtxt(data_dir / f"{name}.csv", delimiter=",", skiprows=1)
    x, y = table[:, :-1], table[:, -1]
    if name not in NO_INTERCEPT:
        x = np.column_stack([np.ones(len(y)), x])
    theta = np.linalg.lstsq(x, y, rcond=None)[0]
    residual = y - x @ theta
    dof = len(y) - x.shape[1]
    rsd = math.sqrt(residual @ residual / dof)
    errors = rsd * np.sqrt((np.linalg.pinv(x) ** 2).sum(axis=1))
    return list(theta), list(errors), rsd


def scores(fit, certified):
    theta, errors, rsd = fit
    return (min(lre(a, b) for a, b in zip(theta, certified["beta"])),
            min(lre(a, b) for a, b in zip(errors, certified["sd"])),
            lre(rsd, certified["rsd"]))


print("| dataset | gdlab θ | gdlab std. errors | gdlab residual sd | NumPy θ | NumPy std. errors | NumPy residual sd |")
print("|---|---|---|---|---|---|---|")
for name, certified in certified_values().items():
    ours, theirs = scores(gdlab(name), certified), scores(numpy_fit(name), certified)
    print(f"| {name} | " + " | ".join(f"{value:.1f}" for value in ours + theirs) + " |")
PY
