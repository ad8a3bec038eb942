#pragma once

#include <QRectF>

#include <vector>

namespace gdlab {

/**
 * @brief Where a text label goes among things it must not cover: the first of its candidate places (in the order
 * of preference) that lies inside the bounds and meets nothing taken, else the one that covers least.
 *
 * Pure geometry in pixels, so that placement can be checked without a plot; the views give the candidates (along
 * a line, beside a marker) and the obstacles (data points, other labels, the legend).
 */
class LabelPlacement {
public:
    /** @brief The index of the chosen candidate; -1 when there is none. */
    static int choose(const std::vector<QRectF>& candidates, const std::vector<QRectF>& taken, const QRectF& bounds);
    /** @brief The area of rect that lies outside bounds or over any of taken (overlaps counted once each). */
    static double cover(const QRectF& rect, const std::vector<QRectF>& taken, const QRectF& bounds);
    /** @brief A square of side size centred on (x, y): the room a point marker takes. */
    static QRectF around(double x, double y, double size);
};

} // namespace gdlab
