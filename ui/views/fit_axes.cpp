#include "views/fit_axes.h"

#include "views/fit_points.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gdlab {

FitAxes::FitAxes(QCustomPlot* plot)
    : m_plot(plot)
{
}

QCPRange FitAxes::kept(const QCPRange& old, double low, double high)
{
    const double room = margin * std::max(high - low, old.size());
    QCPRange range = old;
    if (low < old.lower)
        range.lower = low - room;
    if (high > old.upper)
        range.upper = high + room;
    return range;
}

QCPRange FitAxes::padded(double low, double high)
{
    if (!std::isfinite(low) || !std::isfinite(high))
        return QCPRange(0, 1);
    const double span = high - low;
    if (!(span > 0)) {
        // A single value (or a constant column): give it some room instead of an empty range.
        const double pad = std::max(std::abs(low) * 0.1, 1.0);
        return QCPRange(low - pad, high + pad);
    }
    return QCPRange(low - margin * span, high + margin * span);
}

void FitAxes::clear()
{
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
}

void FitAxes::fitFeature(FitPoints& points, bool keep)
{
    const auto [keyLow, keyHigh] = points.keyExtent();
    const auto [low, high] = points.targetExtent();
    const QCPRange x = keep ? kept(m_plot->xAxis->range(), keyLow, keyHigh) : padded(keyLow, keyHigh);
    const QCPRange y = keep ? kept(m_plot->yAxis->range(), low, high) : padded(low, high);
    m_plot->xAxis->setRange(x);
    m_plot->yAxis->setRange(y);
    // A kept view can be wider than the data the lines were sized for; they must still reach its edges.
    points.widenLineSpan(x.lower, x.upper);
}

QCPRange FitAxes::fitActual(const FitPoints& points, const Eigen::VectorXd* best)
{
    auto [low, high] = points.targetExtent();
    // The least-squares predictions are included because they are where the descent is heading.
    if (best && best->size() > 0 && best->allFinite()) {
        low = std::min(low, best->minCoeff());
        high = std::max(high, best->maxCoeff());
    }
    const QCPRange range = padded(low, high);
    m_plot->xAxis->setRange(range);
    m_plot->yAxis->setRange(range);
    return range;
}

} // namespace gdlab
