#pragma once

#include <QObject>
#include <QSize>

class QCPAxis;
class QCustomPlot;

namespace gdlab {

/**
 * @brief Fewer ticks on a short axis: before each replot, every axis of the plot (the colour scale's too) asks
 * its ticker for no more ticks than its length holds with room between the labels, and a vertical axis's label is
 * fitted to its length (AxisLabelFit).
 *
 * QCustomPlot's tickers aim at a fixed count (five); at 1024×700, split four ways, a 100 px loss axis or
 * colour bar then stacks its labels on top of each other. The count only goes down from the ticker's own, so a
 * large plot reads as before.
 */
class TickDensity : public QObject {
    Q_OBJECT

public:
    /** @brief Watches plot (and is owned by it). */
    explicit TickDensity(QCustomPlot* plot);

    /** @brief The tick count an axis of this pixel length can hold, for labels of this pixel size. */
    static int countFor(double length, double labelExtent, int preferred);

private:
    void adjust();
    void adjustAxis(QCPAxis* axis);

    QCustomPlot* m_plot;
    QSize m_laidOut; ///< the plot's size at its last layout
};

} // namespace gdlab
