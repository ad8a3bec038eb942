#include "views/pinned_paths_layer.h"

#include "path_thinning.h"
#include "session/error_surface_model.h"
#include "session/pinned_runs.h"
#include "views/cosmetic_pen.h"
#include "views/descent_path_layer.h"
#include "views/plot_style.h"
#include "views/series_marker.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <algorithm>

namespace gdlab {

namespace {

constexpr double lineWidth = 1.5;
constexpr double dotSize = 3.5;

} // namespace

PinnedPathsLayer::PinnedPathsLayer(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
{
}

void PinnedPathsLayer::setRuns(const PinnedRuns* runs)
{
    m_runs = runs;
}

void PinnedPathsLayer::rebuild(const ErrorSurfaceModel& surface, bool hasSurface)
{
    for (QCPCurve* curve : m_curves)
        m_plot->removePlottable(curve);
    for (QCPCurve* marker : m_markers)
        m_plot->removePlottable(marker);
    m_curves.clear();
    m_markers.clear();
    m_series.clear();
    if (!m_runs || !hasSurface)
        return;
    for (int index = 0; index < m_runs->count(); ++index) {
        const PinnedRun& run = m_runs->run(index);
        // Thinned like the live path, but always the whole run: a pinned run is a finished result to compare
        // with, not something being stepped through.
        PathThinning thinning = DescentPathLayer::thinningFor(*m_plot);
        QVector<double> xs;
        QVector<double> ys;
        for (int row = 0; row < run.rows; ++row) {
            const QPointF point = surface.slicePoint(run.history().theta(static_cast<std::size_t>(row)));
            if (thinning.keep(point.x(), point.y()) || row + 1 == run.rows) {
                xs.push_back(point.x());
                ys.push_back(point.y());
            }
        }
        auto* curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        curve->setLayer(QStringLiteral("pinned"));
        curve->setSelectable(QCP::stNone);
        curve->setData(xs, ys);
        // The marker is the run's legend entry: its icon shows the run's shape as well as its colour.
        curve->removeFromLegend();
        m_curves.push_back(curve);
        m_series.push_back(run.seriesIndex);
        auto* marker = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        marker->setLayer(QStringLiteral("pinned"));
        marker->setSelectable(QCP::stNone);
        // One point draws no line; the line is for the legend's icon.
        marker->setLineStyle(QCPCurve::lsLine);
        m_markers.push_back(marker);
    }
}

int PinnedPathsLayer::markerShape(int seriesIndex)
{
    return SeriesMarker::scatterShape(seriesIndex);
}

void PinnedPathsLayer::showIteration(long long iteration, const ErrorSurfaceModel& surface)
{
    for (std::size_t index = 0; index < m_markers.size() && m_runs && int(index) < m_runs->count(); ++index) {
        const PinnedRun& run = m_runs->run(static_cast<int>(index));
        const QPointF point = surface.slicePoint(run.history().theta(run.rowAt(iteration)));
        m_markers[index]->setData({ point.x() }, { point.y() });
    }
}

void PinnedPathsLayer::updateLabels()
{
    for (std::size_t index = 0; index < m_curves.size(); ++index) {
        m_curves[index]->setName(m_runs->displayLabel(static_cast<int>(index)));
        m_markers[index]->setName(m_curves[index]->name());
    }
}

QString PinnedPathsLayer::liveDifferences() const
{
    return m_runs && !m_curves.empty() ? m_runs->liveDifferences() : QString();
}

void PinnedPathsLayer::applyStyle(const PlotStyle& style)
{
    for (std::size_t index = 0; index < m_curves.size(); ++index) {
        QCPCurve* curve = m_curves[index];
        const QColor colour = ViewPalette::series(m_series[index]);
        curve->setPen(cosmeticPen(colour, style.scaled(lineWidth)));
        // Like the live path: a short run shows its discrete steps (an oscillating rate zigzags visibly).
        curve->setScatterStyle(DescentPathLayer::stepDots(curve->data()->size(), colour, style.scaled(dotSize)));
        QCPScatterStyle marker(
            QCPScatterStyle::ScatterShape(markerShape(m_series[index])), style.scaled(SeriesMarker::plotSize));
        // Filled shapes get the live point's white rim, which keeps them apart on the map and from each other.
        marker.setPen(SeriesMarker::isFilled(m_series[index]) ? cosmeticPen(ViewPalette::outline(), style.scaled(1.2))
                                                              : cosmeticPen(colour, style.scaled(2.0)));
        marker.setBrush(colour);
        m_markers[index]->setPen(cosmeticPen(colour, style.scaled(lineWidth)));
        m_markers[index]->setScatterStyle(marker);
    }
}

} // namespace gdlab
