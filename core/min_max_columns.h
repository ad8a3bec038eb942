#pragma once

#include <cstddef>
#include <vector>

namespace gdlab {

/** @brief A point of a curve to draw. */
struct CurvePoint {
    double x = 0;
    double y = 0;
};

/**
 * @brief A long curve reduced to what a screen can show: its points grouped in columns of columnWidth
 * consecutive x values (x = firstX, firstX + 1, …), and of each column only its first, lowest, highest and last
 * point, in x order. Drawn as a polyline, that is the same picture as the whole curve whenever a column is at
 * most a pixel wide: every peak and every dip is kept. columnWidth 1 keeps every point.
 *
 * Columns are aligned on multiples of columnWidth, so a curve that grows (rows appended) changes only its last
 * column: recompute from the start of the column that holds the first new point.
 */
std::vector<CurvePoint> minMaxColumns(const double* y, long long firstX, std::size_t count, long long columnWidth);

/** @brief The first x of the column that holds x. */
inline long long columnStart(long long x, long long columnWidth)
{
    return columnWidth > 1 ? x - x % columnWidth : x;
}

/** @brief Iterations per column so that span iterations fit in at most columns columns (1: keep every point). */
inline long long columnWidthFor(long long span, int columns)
{
    return span <= columns ? 1 : (span + columns - 1) / columns;
}

} // namespace gdlab
