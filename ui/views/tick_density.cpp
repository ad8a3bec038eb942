#include "views/tick_density.h"

#include "views/axis_label_fit.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

/** The count every ticker starts from (QCPAxisTicker's default, and PlotStyle's for log axes). */
constexpr int kPreferredTicks = 5;

} // namespace

TickDensity::TickDensity(QCustomPlot* plot)
    : QObject(plot)
    , m_plot(plot)
{
    connect(m_plot, &QCustomPlot::beforeReplot, this, &TickDensity::adjust);
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] { m_laidOut = m_plot->viewport().size(); });
}

int TickDensity::countFor(double length, double labelExtent, int preferred)
{
    // A label's extent plus as much again of space between neighbours.
    if (!(labelExtent > 0) || !(length > 0))
        return preferred;
    const int fits = static_cast<int>(std::floor(length / (2 * labelExtent)));
    return std::clamp(fits, 2, preferred);
}

void TickDensity::adjust()
{
    for (QCPAxisRect* rect : m_plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            adjustAxis(axis);
    for (QCPLayoutElement* element : m_plot->plotLayout()->elements(true))
        if (auto* scale = qobject_cast<QCPColorScale*>(element))
            adjustAxis(scale->axis());
}

void TickDensity::adjustAxis(QCPAxis* axis)
{
    if (!axis || !axis->visible())
        return;
    const bool vertical = axis->orientation() == Qt::Vertical;
    // The ticks and the label are set before this replot's layout, so from the last layout's axis length, corrected
    // by how much the plot has grown or shrunk since (the margins hardly change): a resize then needs no second
    // replot.
    const QSize grown = m_laidOut.isValid() ? m_plot->viewport().size() - m_laidOut : QSize(0, 0);
    const double length
        = vertical ? axis->axisRect()->height() + grown.height() : axis->axisRect()->width() + grown.width();
    if (vertical)
        AxisLabelFit::apply(axis, length);
    if (!axis->tickLabels() || axis->ticker().isNull())
        return;
    const QFontMetricsF metrics(axis->tickLabelFont());
    // Stacked labels need their height and as much again between them; labels side by side, a typical label's
    // width and half as much again.
    const double extent = vertical ? metrics.height() : 0.75 * metrics.horizontalAdvance(QStringLiteral("−0.000"));
    axis->ticker()->setTickCount(countFor(length, extent, kPreferredTicks));
}

} // namespace gdlab
