#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs each for a while.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS_PER_TARGET]      (default 60)
#
# Each target runs as one process, on a scratch copy of its seed corpus (build-fuzz/fuzz-corpus/TARGET; the
# committed corpus never grows by itself). Crash, timeout and out-of-memory inputs go to fuzz-out/TARGET/
# (gitignored), the full libFuzzer output to fuzz-out/TARGET.log. Exits 1 when any target found something.
#
# Environment:
#   FUZZ_PARALLEL=1      run the targets at the same time instead of one after the other
#   FUZZ_KEEP_CORPUS=1   keep the scratch corpus of the previous run (re-adding the seeds) instead of starting over
#   FUZZ_BUILD_JOBS=N    parallel compile jobs (default 2)
#   FUZZ_TARGETS="..."   the targets to run (default: fuzz_csv_reader fuzz_run_options fuzz_session_file
#                        fuzz_guide_reader)
#   FUZZ_BUILD_DIR, FUZZ_OUT_DIR   instead of build-fuzz/ and fuzz-out/ in the source tree
set -euo pipefail

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: $0 [SECONDS_PER_TARGET]" >&2
    exit 2
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
out=${FUZZ_OUT_DIR:-$root/fuzz-out}
targets=${FUZZ_TARGETS:-fuzz_csv_reader fuzz_run_options fuzz_session_file fuzz_guide_reader}
fuzz_src=$root/tests/fuzz
source "$root/scripts/install_deps.sh"
gdlab_install_deps "${GDLAB_PACKAGES[@]}" clang libclang-rt-14-dev

generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja > /dev/null; then
    generator=(-G Ninja)
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGDLAB_FUZZ=ON -DGDLAB_SANITIZE=ON -DGDLAB_BENCHMARKS=OFF > /dev/null
# shellcheck disable=SC2086 # word splitting of the target list is intended
cmake --build "$build" --parallel "${FUZZ_BUILD_JOBS:-2}" --target $targets

seeds_of() {
    case $1 in
        fuzz_csv_reader) echo "$fuzz_src/csv_corpus" ;;
        fuzz_run_options) echo "$fuzz_src/options_corpus" ;;
        fuzz_session_file) echo "$fuzz_src/session_corpus" ;;
        fuzz_guide_reader) echo "$fuzz_src/guide_corpus" ;;
    esac
}
dict_of() {
    case $1 in
        fuzz_csv_reader) echo "$fuzz_src/csv.dict" ;;
        fuzz_run_options) echo "$fuzz_src/run_options.dict" ;;
        fuzz_session_file) echo "$fuzz_src/session.dict" ;;
        fuzz_guide_reader) echo "$fuzz_src/guide.dict" ;;
    esac
}

prepare_corpus() {
    local target=$1 work=$2 seeds
    seeds=$(seeds_of "$target")
    if [ "${FUZZ_KEEP_CORPUS:-0}" != 1 ]; then
        rm -rf "$work"
    fi
    mkdir -p "$work"
    cp "$seeds"/* "$work"/
    if [ "$target" = fuzz_csv_reader ]; then
        # Byte 0 of a CSV input selects the options; the seeds are plain files, so also feed each one with a
        # 0x00 byte in front (detect delimiter and header) to keep its first character.
        local seed
        for seed in "$seeds"/*; do
            { printf '\0'; cat "$seed"; } > "$work/$(basename "$seed").auto"
        done
    fi
}

run_target() {
    local target=$1 work=$build/fuzz-corpus/$1 artifacts=$out/$1
    prepare_corpus "$target" "$work"
    mkdir -p "$artifacts"
    touch "$out/$target.start"
    "$build/tests/fuzz/$target" "$work" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -dict="$(dict_of "$target")" -artifact_prefix="$artifacts/" \
        > "$out/$target.log" 2>&1 || true
}

summarize() {
    local target=$1 log=$out/$1.log runs secs found
    found=$(find "$out/$target" -type f -newer "$out/$target.start" | sort)
    if done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1); then
        runs=$(echo "$done_line" | awk '{print $2}')
        secs=$(echo "$done_line" | awk '{print $5}')
    else
        # A crash ends the run before the "Done" line; the final stats are still printed.
        runs=$(grep -E '^stat::number_of_executed_units:' "$log" | tail -n 1 | awk '{print $2}')
        secs=$(($(date +%s) - $(stat -c %Y "$out/$target.start")))
        secs="~$secs (stopped early)"
    fi
    if [ -n "$found" ]; then
        echo "$target: ${runs:-?} executions in $secs s: FOUND $(echo "$found" | wc -l) crash(es)"
        echo "$found" | sed 's/^/    /'
        grep -E '^(==[0-9]+==ERROR|SUMMARY:|.*invariant violated|.*runtime error:|terminate called)' "$log" \
            | head -n 5 | sed 's/^/    /'
        return 1
    fi
    echo "$target: ${runs:-?} executions in $secs s: no crashes"
}

mkdir -p "$out"
if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
    pids=()
    for target in $targets; do
        run_target "$target" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid"
    done
else
    for target in $targets; do
        run_target "$target"
    done
fi

status=0
for target in $targets; do
    summarize "$target" || status=1
done
exit $status
