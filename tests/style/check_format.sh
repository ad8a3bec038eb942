#!/usr/bin/env bash
# Fails when a C++ source under core/, ui/, app/ or tests/ differs from what .clang-format makes of it.
# Usage: check_format.sh SOURCE_DIR [CLANG_FORMAT]
set -euo pipefail
root="$1"
clang_format="${2:-clang-format}"
cd "$root"
mapfile -t files < <(find core ui app tests -name '*.cpp' -o -name '*.h' | sort)
status=0
for file in "${files[@]}"; do
    if ! "$clang_format" --dry-run --Werror "$file" 2>/dev/null; then
        echo "not formatted: $file (run: clang-format -i $file)"
        status=1
    fi
done
echo "checked ${#files[@]} files"
exit $status
