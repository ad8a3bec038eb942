#include "views/pinned_loss_markers.h"

#include "number_format.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "views/loss_curve.h"
#include "views/plot_style.h"
#include "views/series_marker.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

namespace gdlab {

PinnedLossMarkers::PinnedLossMarkers(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
{
}

void PinnedLossMarkers::setRuns(const PinnedRuns* runs)
{
    m_runs = runs;
}

void PinnedLossMarkers::rebuild()
{
    for (QCPGraph* marker : m_markers)
        m_plot->removePlottable(marker);
    m_markers.clear();
    m_series.clear();
    m_finishes.clear();
    const int count = m_runs ? m_runs->count() : 0;
    for (int index = 0; index < count; ++index) {
        const PinnedRun& run = m_runs->run(index);
        // On "main", over every curve: a marker hidden under another run's curve would leave its run unfound.
        QCPGraph* marker = m_plot->addGraph();
        marker->setSelectable(QCP::stNone);
        marker->setLineStyle(QCPGraph::lsLine);
        m_markers.push_back(marker);
        m_series.push_back(run.seriesIndex);
        m_finishes.push_back(m_runs->finishOf(*run.run));
    }
}

void PinnedLossMarkers::liveChanged(const IterationModel& model)
{
    m_liveFinish = m_runs && model.run() ? m_runs->finishOf(*model.run()) : RaceFinish {};
}

void PinnedLossMarkers::showIteration(const IterationModel& model, QCPGraph* live, bool logarithmic)
{
    if (!m_runs || m_markers.empty() || model.isEmpty())
        return;
    const long long iteration = model.iteration(model.currentRow());
    // In a narrow plot (1024 px split four ways) the legend drops where each run finished (the Race dialog says
    // it) rather than grow wider than the plot and cover the axis' labels.
    const bool compact = m_plot->axisRect()->width() < kCompactBelow;
    live->setName(entry(m_runs->liveLabel(), model.loss(model.currentRow()), m_liveFinish, compact));
    for (std::size_t index = 0; index < m_markers.size() && int(index) < m_runs->count(); ++index) {
        const PinnedRun& run = m_runs->run(static_cast<int>(index));
        const std::size_t row = run.rowAt(iteration);
        const double loss = run.history().loss(row);
        m_markers[index]->setData(
            { static_cast<double>(run.history().iteration(row)) }, { LossCurve::plotted(loss, logarithmic) });
        m_markers[index]->setName(
            entry(m_runs->displayLabel(static_cast<int>(index)), loss, m_finishes[index], compact));
    }
}

QString PinnedLossMarkers::entry(const QString& label, double loss, const RaceFinish& finish, bool compact)
{
    const QString value = QString::fromStdString(formatForReading(loss, SignificantDigits::label));
    if (compact)
        return tr("%1: %2").arg(label, value);
    const QString end = finish.reached ? tr("reached at %1").arg(*finish.reached)
        : finish.diverged              ? tr("diverged after %1").arg(*finish.diverged)
                                       : tr("not reached");
    return tr("%1: %2, %3").arg(label, value, end);
}

void PinnedLossMarkers::applyStyle(const PlotStyle& style)
{
    for (std::size_t index = 0; index < m_markers.size(); ++index) {
        const QColor colour = ViewPalette::series(m_series[index]);
        // The line is the legend icon's only: one point draws none.
        m_markers[index]->setPen(QPen(colour, style.scaled(1.4)));
        QCPScatterStyle marker(QCPScatterStyle::ScatterShape(SeriesMarker::scatterShape(m_series[index])),
            style.scaled(SeriesMarker::plotSize));
        // Filled shapes get a rim of the background, which keeps markers that meet (at the start, at the floor)
        // apart.
        marker.setPen(SeriesMarker::isFilled(m_series[index]) ? QPen(style.background(), style.scaled(1.2))
                                                              : QPen(colour, style.scaled(2.0)));
        marker.setBrush(colour);
        m_markers[index]->setScatterStyle(marker);
    }
}

} // namespace gdlab
