#include "views/accuracy_curve.h"

#include "history.h"
#include "min_max_columns.h"
#include "session/iteration_model.h"
#include "views/loss_curve.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <memory>

namespace gdlab {

namespace {

constexpr double percent = 100.0;
/** Room below 0 %, so a curve there is not drawn on the axis rect's edge. */
constexpr double axisMargin = 3.0;
/**
 * The axis's top: room above 100 % for the legend, which sits top right where an accuracy that levels off near
 * 100 % would run under it.
 */
constexpr double axisTop = 145.0;

} // namespace

AccuracyCurve::AccuracyCurve(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_graph(plot->addGraph(plot->xAxis, plot->yAxis2))
{
    m_graph->setName(tr("accuracy (right axis)"));
    m_graph->setSelectable(QCP::stNone);
    QCPAxis* axis = plot->yAxis2;
    axis->setLabel(tr("accuracy (%)"));
    axis->setRange(-axisMargin, axisTop);
    // Ticks up to 100 only: the room above is the legend's, not a scale beyond 100 %. No label at 0 %: it would sit in
    // the corner beside the iteration axis's last label, and a classifier's accuracy starts near 50 % anyway.
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (const int tick : { 25, 50, 75, 100 })
        ticker->addTick(tick, QString::number(tick));
    ticker->setSubTickCount(0);
    axis->setTicker(ticker);
    axis->setVisible(false);
    m_graph->setVisible(false);
    m_graph->removeFromLegend();
}

void AccuracyCurve::rebuild(const IterationModel& model)
{
    m_graph->data()->clear();
    const History* history = model.isEmpty() ? nullptr : &model.history();
    m_shown = history && history->keepsAccuracy() && model.run() && model.run()->isLogistic();
    m_plot->yAxis2->setVisible(m_shown);
    m_graph->setVisible(m_shown);
    if (!m_shown) {
        m_graph->removeFromLegend();
        return;
    }
    if (!m_plot->legend->hasItemWithPlottable(m_graph))
        m_graph->addToLegend();
    const long long planned = std::max<long long>(model.run()->settings.iterations, model.lastRow()) + 1;
    const std::vector<CurvePoint> points = minMaxColumns(history->accuracyData(), history->iteration(0),
        static_cast<std::size_t>(model.lastRow() + 1), columnWidthFor(planned, LossCurve::columns));
    QVector<double> keys(static_cast<int>(points.size()));
    QVector<double> values(static_cast<int>(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) {
        keys[static_cast<int>(i)] = points[i].x;
        values[static_cast<int>(i)] = percent * points[i].y;
    }
    m_graph->setData(keys, values, true);
}

void AccuracyCurve::applyStyle(const PlotStyle& style)
{
    const QColor colour = ViewPalette::accuracy();
    m_graph->setPen(QPen(colour, style.scaled(1.8), Qt::DashLine));
    // The axis in the curve's colour says which curve it measures; its grid would cross the loss's.
    QCPAxis* axis = m_plot->yAxis2;
    style.applyToAxis(axis);
    const QPen pen(colour, style.scaled(1.0));
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setLabelColor(colour);
    axis->setTickLabelColor(colour);
    axis->grid()->setVisible(false);
}

} // namespace gdlab
