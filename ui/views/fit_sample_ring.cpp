#include "views/fit_sample_ring.h"

#include "run.h"
#include "update_sample.h"
#include "views/cached_scatter_graph.h"

#include "session/iteration_model.h"
#include "views/fit_points.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

namespace gdlab {

FitSampleRing::FitSampleRing(QCustomPlot* plot, QCPLayer* layer)
    : m_graph(addCachedScatterGraph(plot))
{
    m_graph->setLayer(layer);
    m_graph->setLineStyle(QCPGraph::lsNone);
}

bool FitSampleRing::samples(const IterationModel& model)
{
    const Run* run = model.run();
    return run && run->settings.method != DescentMethod::Batch;
}

void FitSampleRing::clear()
{
    m_rows.clear();
    m_graph->data()->clear();
}

void FitSampleRing::show(const IterationModel& model, const FitPoints& points, int row, const Eigen::VectorXd* heights)
{
    clear();
    const Run* run = model.run();
    if (!samples(model) || model.isEmpty() || row >= model.lastRow() || points.isEmpty())
        return;
    const bool byActual = !points.isByFeature();
    if (byActual && (!heights || heights->size() != points.count()))
        return;
    // The rows of the whole data; of a long one only those drawn (FitLines::isThinned()) get a ring.
    const std::vector<long long> rows = sampleRows(run->settings, run->problem->sampleCount(), model.iteration(row));
    m_graph->setName(rows.size() == 1 ? tr("sample of this update") : tr("batch of this update"));
    QVector<double> keys;
    QVector<double> values;
    for (const long long r : rows) {
        const auto held = points.lines().heldIndexOf(r);
        if (held < 0 || held >= points.count())
            continue;
        const int i = static_cast<int>(held);
        keys << points.keys()[i];
        values << (byActual ? (*heights)[i] : points.fixedValues()[i]);
        m_rows.push_back(r);
    }
    m_graph->setData(keys, values);
}

void FitSampleRing::applyStyle(const PlotStyle& style, double pointSize)
{
    const QPen pen(ViewPalette::gradient(), style.scaled(2.0));
    m_graph->setPen(pen);
    m_graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, pen, Qt::NoBrush, pointSize + style.scaled(7)));
}

} // namespace gdlab
