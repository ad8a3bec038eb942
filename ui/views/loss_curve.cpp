#include "views/loss_curve.h"

#include "history.h"
#include "min_max_columns.h"
#include "session/iteration_model.h"
#include "views/clipped_line_graph.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr double noCap = std::numeric_limits<double>::infinity();

} // namespace

LossCurve::LossCurve(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_graph(addClippedLineGraph(plot))
{
    m_graph->setName(tr("loss"));
}

double LossCurve::plotted(double loss, bool logarithmic)
{
    if (logarithmic && !(loss > 0))
        return std::isnan(loss) ? loss : logFloor;
    return loss;
}

void LossCurve::addRows(QCPGraph* graph, const History& history, int first, int last, long long columnWidth,
    bool logarithmic, LossExtent& extent, double cap)
{
    for (int row = first; row <= last; ++row) {
        const auto index = static_cast<std::size_t>(row);
        extent.include(static_cast<double>(history.iteration(index)), history.loss(index), cap);
    }
    addPoints(graph, history, first, last, columnWidth, logarithmic);
}

void LossCurve::addPoints(
    QCPGraph* graph, const History& history, int first, int last, long long columnWidth, bool logarithmic)
{
    const int count = last - first + 1;
    if (count <= 0)
        return;
    // The lowest and highest losses of a column are the lowest and highest plotted ones too: plotted() only
    // moves losses <= 0 to the log floor, below every positive one.
    const std::vector<CurvePoint> points = minMaxColumns(history.lossData() + first,
        history.iteration(static_cast<std::size_t>(first)), static_cast<std::size_t>(count), columnWidth);
    QVector<double> keys(static_cast<int>(points.size()));
    QVector<double> values(static_cast<int>(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) {
        keys[static_cast<int>(i)] = points[i].x;
        values[static_cast<int>(i)] = plotted(points[i].y, logarithmic);
    }
    graph->addData(keys, values, true);
}

void LossCurve::rebuild(const IterationModel& model, bool logarithmic)
{
    m_graph->data()->clear();
    m_extent = LossExtent();
    const long long planned = model.run() ? model.run()->settings.iterations : 0;
    m_columnWidth = columnWidthFor(std::max<long long>(planned, model.lastRow()) + 1, columns);
    if (!model.isEmpty())
        addRows(m_graph, model.history(), 0, model.lastRow(), m_columnWidth, logarithmic, m_extent, noCap);
}

void LossCurve::append(const IterationModel& model, int first, int last, bool logarithmic)
{
    const bool continues = first > 0 && !m_graph->data()->isEmpty()
        && (m_graph->data()->constEnd() - 1)->key == static_cast<double>(model.iteration(first - 1));
    if (!continues) {
        // Not an append at the end (rows were replaced or inserted elsewhere): start over.
        rebuild(model, logarithmic);
        return;
    }
    // The last column drawn may gain rows: draw it again from its first row.
    const long long start = columnStart(model.iteration(first), m_columnWidth);
    const int from = first - static_cast<int>(model.iteration(first) - start);
    m_graph->data()->removeAfter(static_cast<double>(start) - 0.5);
    for (int row = first; row <= last; ++row) // the rows before first are in the extent already
        m_extent.include(static_cast<double>(model.iteration(row)), model.loss(row), noCap);
    addPoints(m_graph, model.history(), std::max(from, 0), last, m_columnWidth, logarithmic);
}

void LossCurve::applyStyle(const PlotStyle& style)
{
    // The curve is the history, drawn neutral; the current colour marks where the step-through is now.
    m_graph->setPen(QPen(style.textAlpha(220), style.scaled(2.0)));
}

} // namespace gdlab
