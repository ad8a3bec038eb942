#!/usr/bin/env bash
# Fails when a C++ source under core/, ui/, app/ or tests/ differs from what .clang-format makes of it.
# Usage: check_format.sh SOURCE_DIR [CLANG_FORMAT]
# clang-format takes many files per process (starting one per file cost most of this check's time).
set -euo pipefail
root="$1"
clang_format="${2:-clang-format}"
cd "$root"
mapfile -t files < <(find core ui app tests -name '*.cpp' -o -name '*.h' | sort)
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
status=0
printf '%s\0' "${files[@]}" | xargs -0 -n 64 -P "$(nproc)" "$clang_format" --dry-run --Werror 2>"$report" || status=1
if [ "$status" -ne 0 ]; then
    grep -o '^[^:]*:[0-9]*:[0-9]*: error' "$report" | cut -d: -f1 | sort -u | while read -r file; do
        echo "not formatted: $file (run: clang-format -i $file)"
    done
fi
echo "checked ${#files[@]} files"
exit $status
