#pragma once

#include <QString>

class QCPAxis;
class QFontMetricsF;

namespace gdlab {

/**
 * @brief A vertical axis's label no longer than its axis: a label that would run past the axis rect's ends (and over
 * the text above the plot) is cut to its name before the parenthesis, "θ2 (slope of x2)" → "θ2", or elided; the
 * whole label comes back once the axis is long enough. TickDensity applies it before each replot, with the axis
 * length it estimates for the ticks.
 *
 * In presentation mode at 1024×700 the contour map is some 100 px tall while its rotated label is twice that.
 */
class AxisLabelFit {
public:
    /** @brief label as it fits in length pixels with metrics' font: whole, else its name before " (" (however short
     * the axis), else elided. */
    static QString fitted(const QString& label, double length, const QFontMetricsF& metrics);

    /**
     * @brief Sets axis's label to the label the view last set, fitted to length pixels. A label the view sets anew
     * (anything but what this set) becomes the whole label.
     */
    static void apply(QCPAxis* axis, double length);
};

} // namespace gdlab
