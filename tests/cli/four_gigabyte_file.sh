#!/usr/bin/env bash
# gdlab-run on a CSV file of 4.4 GB (past every 32-bit offset), folded in O(k²) memory: its exact least squares, and
# a cut last row refused with its line (488,888,890) and column. Label "long" (scripts/test.sh --long): it writes
# 4.4 GB to a scratch folder and reads it twice, about a minute on two cores.
#   four_gigabyte_file.sh GDLAB_RUN
set -euo pipefail
gdlab_run=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
file=$scratch/four_gigabytes.csv
# y = 1.25 + 2x on every row; the header and 488,888,888 rows of 9 bytes, then 4 bytes of a row cut short.
{ echo "x,y"; yes "1.5,4.25
2.5,6.25"; } | head -c 4400000000 > "$file" || true
[ "$(stat -c %s "$file")" = 4400000000 ] || { echo "could not write 4.4 GB to $scratch" >&2; exit 1; }

set +e
refusal=$("$gdlab_run" "$file" --json --iterations 10 2>&1 >/dev/null)
status=$?
set -e
[ "$status" = 2 ] || { echo "a cut last row: exit $status, expected 2" >&2; exit 1; }
case "$refusal" in
*"four_gigabytes.csv:488888890:2: empty cell"*) ;;
*) echo "a cut last row: unexpected message: $refusal" >&2; exit 1 ;;
esac

truncate -s 4399999996 "$file"
report=$(/usr/bin/time -f '%M' -o "$scratch/peak_kb" "$gdlab_run" "$file" --json --iterations 10)
case "$report" in
*'"least_squares": [1.25, 2]'*) ;;
*) echo "unexpected result: $report" >&2; exit 1 ;;
esac
peak_kb=$(cat "$scratch/peak_kb")
[ "$peak_kb" -lt 102400 ] || { echo "peak memory ${peak_kb} KB, not under 100 MB" >&2; exit 1; }
echo "4.4 GB: least squares [1.25, 2], peak ${peak_kb} KB; the cut row refused: $refusal"
