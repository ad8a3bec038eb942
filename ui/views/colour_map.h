#pragma once

#include <QColor>
#include <QPair>
#include <QVector>

namespace gdlab {

/**
 * @brief The perceptually uniform colour map (viridis) that the contour map and the bowl both paint the loss
 * with, so that a colour means the same loss in both.
 */
class ColourMap {
public:
    /** @brief The map as stops at positions 0…1. */
    static QVector<QPair<double, QColor>> stops();
    /** @brief The map's colour at fraction (0…1, clamped), interpolated between stops(). */
    static QColor at(double fraction);
};

} // namespace gdlab
