#include "views/loss_curve.h"

#include "history.h"
#include "session/iteration_model.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <limits>

namespace gdlab {

namespace {

/** Above this many rows QCustomPlot's adaptive sampling keeps a replot within a frame. */
constexpr int adaptiveSamplingRows = 20000;
constexpr double noCap = std::numeric_limits<double>::infinity();

} // namespace

LossCurve::LossCurve(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_graph(plot->addGraph())
{
    m_graph->setName(tr("loss"));
}

double LossCurve::plotted(double loss, bool logarithmic)
{
    if (logarithmic && !(loss > 0))
        return std::isnan(loss) ? loss : logFloor;
    return loss;
}

void LossCurve::addRows(
    QCPGraph* graph, const History& history, int first, int last, bool logarithmic, LossExtent& extent, double cap)
{
    const int count = last - first + 1;
    if (count <= 0)
        return;
    QVector<double> keys(count);
    QVector<double> values(count);
    for (int i = 0; i < count; ++i) {
        const auto row = static_cast<std::size_t>(first + i);
        const double loss = history.loss(row);
        keys[i] = static_cast<double>(history.iteration(row));
        values[i] = plotted(loss, logarithmic);
        extent.include(keys[i], loss, cap);
    }
    graph->addData(keys, values, true);
}

void LossCurve::updateSampling(QCPGraph* graph)
{
    graph->setAdaptiveSampling(graph->data()->size() > adaptiveSamplingRows);
}

void LossCurve::rebuild(const IterationModel& model, bool logarithmic)
{
    m_graph->data()->clear();
    m_extent = LossExtent();
    if (!model.isEmpty())
        addRows(m_graph, model.history(), 0, model.lastRow(), logarithmic, m_extent, noCap);
    updateSampling(m_graph);
}

void LossCurve::append(const IterationModel& model, int first, int last, bool logarithmic)
{
    if (first != m_graph->data()->size()) {
        // Not an append at the end (rows were replaced or inserted elsewhere): start over.
        rebuild(model, logarithmic);
        return;
    }
    addRows(m_graph, model.history(), first, last, logarithmic, m_extent, noCap);
    updateSampling(m_graph);
}

void LossCurve::applyStyle(const PlotStyle& style)
{
    // The curve is the history, drawn neutral; the current colour marks where the step-through is now.
    m_graph->setPen(QPen(style.textAlpha(220), style.scaled(2.0)));
}

} // namespace gdlab
