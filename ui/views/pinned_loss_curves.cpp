#include "views/pinned_loss_curves.h"

#include "min_max_columns.h"
#include "session/pinned_runs.h"
#include "views/clipped_line_graph.h"
#include "views/loss_curve.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

namespace gdlab {

namespace {

/**
 * A pinned run widens the loss range up to this multiple of its starting loss: a diverged pin would otherwise
 * add ten decades and squash every other curve into a line.
 */
constexpr double pinnedLossFactor = 4.0;

} // namespace

PinnedLossCurves::PinnedLossCurves(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
{
    // Pinned curves go under the live one, so that the run being stepped through is never hidden.
    m_plot->addLayer(QStringLiteral("pinned"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
}

void PinnedLossCurves::setRuns(const PinnedRuns* runs)
{
    m_runs = runs;
}

void PinnedLossCurves::rebuild(bool logarithmic)
{
    for (QCPGraph* graph : m_graphs)
        m_plot->removePlottable(graph);
    m_graphs.clear();
    m_series.clear();
    m_extent = LossExtent();
    const int count = m_runs ? m_runs->count() : 0;
    for (int index = 0; index < count; ++index) {
        const PinnedRun& run = m_runs->run(index);
        QCPGraph* graph = addClippedLineGraph(m_plot);
        graph->setLayer(QStringLiteral("pinned"));
        graph->setSelectable(QCP::stNone);
        // The run's marker (PinnedLossMarkers) is its legend entry: the icon shows its shape as well as its colour.
        graph->removeFromLegend();
        if (run.rows > 0) {
            const double cap = pinnedLossFactor * run.history().loss(0);
            const long long width = columnWidthFor(run.rows, LossCurve::columns);
            LossCurve::addRows(graph, run.history(), 0, run.rows - 1, width, logarithmic, m_extent, cap);
        }
        m_graphs.push_back(graph);
        m_series.push_back(run.seriesIndex);
    }
    // A legend only when there is something to tell apart: the pinned runs and the live one.
    m_plot->legend->setVisible(count > 0);
}

void PinnedLossCurves::updateLabels(QCPGraph* live)
{
    const bool comparing = m_runs && !m_graphs.empty();
    live->setName(comparing ? m_runs->liveLabel() : tr("loss"));
    for (std::size_t index = 0; index < m_graphs.size(); ++index)
        m_graphs[index]->setName(m_runs->displayLabel(static_cast<int>(index)));
}

void PinnedLossCurves::applyStyle(const PlotStyle& style)
{
    for (std::size_t index = 0; index < m_graphs.size(); ++index)
        m_graphs[index]->setPen(QPen(ViewPalette::series(m_series[index]), style.scaled(1.4)));
}

} // namespace gdlab
