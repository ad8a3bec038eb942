#include "min_max_columns.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace gdlab {

namespace {

// Emits one column's first, lowest, highest and last point in x order, each once.
void emitColumn(std::array<CurvePoint, 4> picked, std::vector<CurvePoint>& out)
{
    std::sort(picked.begin(), picked.end(), [](const CurvePoint& a, const CurvePoint& b) { return a.x < b.x; });
    for (std::size_t i = 0; i < picked.size(); ++i)
        if (i == 0 || picked[i].x != picked[i - 1].x)
            out.push_back(picked[i]);
}

} // namespace

std::vector<CurvePoint> minMaxColumns(const double* y, long long firstX, std::size_t count, long long columnWidth)
{
    std::vector<CurvePoint> out;
    if (columnWidth <= 1) {
        out.reserve(count);
        for (std::size_t i = 0; i < count; ++i)
            out.push_back({ static_cast<double>(firstX + static_cast<long long>(i)), y[i] });
        return out;
    }
    out.reserve(4 * (count / static_cast<std::size_t>(columnWidth) + 2));
    std::size_t i = 0;
    while (i < count) {
        const long long x = firstX + static_cast<long long>(i);
        const long long end = columnStart(x, columnWidth) + columnWidth; // the next column's first x
        const std::size_t last = std::min(count, i + static_cast<std::size_t>(end - x)) - 1;
        std::size_t low = i;
        std::size_t high = i;
        for (std::size_t j = i + 1; j <= last; ++j) {
            // A NaN is neither lowest nor highest (it still ends the column if it is its last point).
            if (std::isnan(y[low]) || y[j] < y[low])
                low = j;
            if (std::isnan(y[high]) || y[j] > y[high])
                high = j;
        }
        const auto point = [&](std::size_t j) {
            return CurvePoint { static_cast<double>(firstX + static_cast<long long>(j)), y[j] };
        };
        emitColumn({ point(i), point(low), point(high), point(last) }, out);
        i = last + 1;
    }
    return out;
}

} // namespace gdlab
