#!/usr/bin/env bash
# Installs what is missing, builds gdlab and runs every test with ctest.
#   scripts/test.sh             Release build in build/
#   scripts/test.sh --sanitize  AddressSanitizer + UndefinedBehaviorSanitizer build in build-sanitize/
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/install_deps.sh"

build="$root/build"
cmake_args=(-DCMAKE_BUILD_TYPE=Release)
for argument in "$@"; do
    case "$argument" in
    --sanitize)
        build="$root/build-sanitize"
        cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DGDLAB_SANITIZE=ON -DGDLAB_BENCHMARKS=OFF)
        export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
        export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
        export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
        ;;
    *)
        echo "usage: scripts/test.sh [--sanitize]" >&2
        exit 2
        ;;
    esac
done

gdlab_install_deps "${GDLAB_PACKAGES[@]}"
cmake -S "$root" -B "$build" "${cmake_args[@]}"
cmake --build "$build" -j"$(nproc)"
cd "$build"
ctest --output-on-failure -j"$(nproc)"
