#pragma once

#include <QObject>
#include <QSize>
#include <QString>

class QFontMetricsF;

class QCPAxis;
class QCustomPlot;

namespace gdlab {

/**
 * @brief A vertical axis's label no longer than its axis: before each replot, a label that would run past the
 * axis rect's ends (and over the text above the plot) is cut to its name before the parenthesis, "θ2 (slope of
 * x2)" → "θ2", or elided; the whole label comes back once the axis is long enough.
 *
 * In presentation mode at 1024×700 the contour map is some 100 px tall while its rotated label is twice that.
 */
class AxisLabelFit : public QObject {
    Q_OBJECT

public:
    /** @brief Watches plot (and is owned by it). */
    explicit AxisLabelFit(QCustomPlot* plot);

    /** @brief label as it fits in length pixels with metrics' font: whole, else its name before " (" (however short
     * the axis), else elided. */
    static QString fitted(const QString& label, double length, const QFontMetricsF& metrics);

private:
    void adjust();
    void adjustAxis(QCPAxis* axis);

    QCustomPlot* m_plot;
    QSize m_laidOut; ///< the plot's size at its last layout
};

} // namespace gdlab
