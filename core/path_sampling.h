#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace gdlab {

/** @brief A point of a path drawn in three dimensions (x, height, depth). */
using PathPoint = std::array<double, 3>;

/** @brief Sample indices 0 … steps − 1, at most limit of them, evenly spread and always including both ends. */
std::vector<int> thinnedIndices(int steps, int limit);

/**
 * @brief The length of the path up to each point, each coordinate measured in units of its span, so that equal
 * lengths look equal on screen. A step that is not finite adds nothing.
 */
std::vector<double> cumulativeLengths(const std::vector<PathPoint>& points, const PathPoint& spans);

/**
 * @brief Extends lengths (cumulativeLengths() of a path whose last point is last) by the points that follow, the
 * same sums in the same order: a path that grows row by row is measured once, not again from its start.
 * @param last the path's last point so far; becomes the last of points (unused and set when lengths is empty)
 */
void extendCumulativeLengths(
    std::vector<double>& lengths, PathPoint& last, const std::vector<PathPoint>& points, const PathPoint& spans);

/**
 * @brief Up to count indices evenly spaced by length along a path with these cumulative lengths, the start and
 * the end always included; sorted, without repeats (empty for an empty path).
 */
std::vector<std::size_t> evenlyAlong(const std::vector<double>& lengths, int count);

/**
 * @brief The rows before current that a path of at most limit markers shows: every row while they fit; beyond
 * that half the markers evenly spaced by iteration (dense where the descent slows down) and half by length along
 * the path (its shape, even where one early step covers most of the way). Sorted, without repeats, all below
 * current.
 * @param lengths cumulative lengths of the path (cumulativeLengths()), at least current + 1 of them
 */
std::vector<int> pathMarkerRows(int current, int limit, const std::vector<double>& lengths);

} // namespace gdlab
