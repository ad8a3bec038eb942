#!/usr/bin/env python3
"""The tutorials' NumPy code, timed on the same workloads as gdlab's benchmarks.

  numpy_reference.py updates            batch updates per second, n = 1e6, k = 10 (in-process)
  numpy_reference.py script FILE.csv N  the tutorials' whole script: np.loadtxt + N batch updates
"""
import sys
import time

import numpy as np


def batch_updates_per_second(rows=1_000_000, features=10, updates=20, lr=0.05):
    rng = np.random.default_rng(7)
    x = np.hstack([np.ones((rows, 1)), rng.standard_normal((rows, features))])
    y = x @ np.arange(1.0, features + 2.0) + 0.1 * rng.standard_normal(rows)
    theta = np.zeros(features + 1)
    m = rows
    start = time.perf_counter()
    for _ in range(updates):
        theta = theta - lr * (2.0 / m) * x.T @ (x @ theta - y)
    elapsed = time.perf_counter() - start
    return updates / elapsed


def tutorial_script(path, updates, lr=0.05):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x = np.hstack([np.ones((data.shape[0], 1)), data[:, :-1]])
    y = data[:, -1]
    theta = np.zeros(x.shape[1])
    m = len(y)
    for _ in range(updates):
        theta = theta - lr * (2.0 / m) * x.T @ (x @ theta - y)
    print(theta)


if __name__ == "__main__":
    if sys.argv[1] == "updates":
        print(f"{batch_updates_per_second():.1f}")
    else:
        tutorial_script(sys.argv[2], int(sys.argv[3]))
