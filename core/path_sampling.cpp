#include "path_sampling.h"

#include <algorithm>
#include <cmath>

namespace gdlab {

std::vector<int> thinnedIndices(int steps, int limit)
{
    const int count = std::max(0, std::min(steps, limit));
    std::vector<int> indices(static_cast<std::size_t>(count));
    for (int k = 0; k < count; ++k)
        indices[static_cast<std::size_t>(k)]
            = count == 1 ? 0 : static_cast<int>(std::lround(static_cast<double>(k) * (steps - 1) / (count - 1)));
    return indices;
}

std::vector<double> cumulativeLengths(const std::vector<PathPoint>& points, const PathPoint& spans)
{
    std::vector<double> lengths;
    PathPoint last {};
    extendCumulativeLengths(lengths, last, points, spans);
    return lengths;
}

void extendCumulativeLengths(
    std::vector<double>& lengths, PathPoint& last, const std::vector<PathPoint>& points, const PathPoint& spans)
{
    lengths.reserve(lengths.size() + points.size());
    for (const PathPoint& point : points) {
        if (lengths.empty()) {
            lengths.push_back(0.0);
        } else {
            const double step = std::hypot(
                (point[0] - last[0]) / spans[0], (point[1] - last[1]) / spans[1], (point[2] - last[2]) / spans[2]);
            lengths.push_back(lengths.back() + (std::isfinite(step) ? step : 0.0));
        }
        last = point;
    }
}

std::vector<std::size_t> evenlyAlong(const std::vector<double>& lengths, int count)
{
    std::vector<std::size_t> chosen;
    if (lengths.empty() || count <= 0)
        return chosen;
    const double total = lengths.back();
    for (int k = 0; k + 1 < count; ++k) {
        const double target = total * k / (count - 1);
        chosen.push_back(
            static_cast<std::size_t>(std::lower_bound(lengths.begin(), lengths.end(), target) - lengths.begin()));
    }
    chosen.push_back(lengths.size() - 1);
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    return chosen;
}

std::vector<int> pathMarkerRows(int current, int limit, const std::vector<double>& lengths)
{
    std::vector<int> rows;
    if (current <= limit) {
        for (int row = 0; row < current; ++row)
            rows.push_back(row);
        return rows;
    }
    const int half = limit / 2;
    for (int k = 0; k < half; ++k)
        rows.push_back(static_cast<int>(static_cast<long long>(current) * k / half));
    const double total = lengths[static_cast<std::size_t>(current)];
    const auto begin = lengths.begin();
    const auto end = begin + current + 1;
    for (int k = 1; k < limit - half && total > 0; ++k)
        rows.push_back(static_cast<int>(std::lower_bound(begin, end, total * k / (limit - half)) - begin));
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // A length target at the very end lands on current itself, which has its own marker.
    rows.erase(std::remove_if(rows.begin(), rows.end(), [current](int row) { return row >= current; }), rows.end());
    return rows;
}

} // namespace gdlab
