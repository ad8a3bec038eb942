#include "views/surface_map_layer.h"

#include "session/error_surface_model.h"
#include "views/colour_map.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <algorithm>

namespace gdlab {

namespace {

QCPColorGradient mapGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (const auto& stop : ColourMap::stops())
        gradient.setColorStopAt(stop.first, stop.second);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    return gradient;
}

bool sameAxis(const SurfaceAxis& a, const SurfaceAxis& b)
{
    return a.parameter == b.parameter && a.min == b.min && a.max == b.max && a.steps == b.steps;
}

/** The colour bar's width in pixels, before the presentation scale. */
constexpr double barWidth = 12;

} // namespace

SurfaceMapLayer::SurfaceMapLayer(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_map(new QCPColorMap(plot->xAxis, plot->yAxis))
    , m_scale(new QCPColorScale(plot))
{
    m_map->setLayer(QStringLiteral("surface"));
    m_map->setInterpolate(true);
    m_map->setTightBoundary(false);
    m_map->removeFromLegend();
    m_scale->setType(QCPAxis::atRight);
    m_scale->setRangeDrag(false);
    m_scale->setRangeZoom(false);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_map->setColorScale(m_scale);
    m_map->setGradient(mapGradient()); // after setColorScale, which gives the map the scale's (default) gradient
    auto* marginGroup = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, marginGroup);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, marginGroup);
    // A colour scale's automatic margin is the larger of the margin it has and its minimum, and a margin group sets
    // that margin to the group's: once the map's margins grew (presentation mode's larger labels) the scale would
    // hold them for ever, leaving a blank band under the map. Cleared before each layout, the group follows the map.
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] { m_scale->setMargins(QMargins()); });

    // Zooming out stops at the drawn grid: beyond it there is no surface to show.
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
        [this](const QCPRange& range) { boundRange(m_plot->xAxis, range, m_drawn.x); });
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
        [this](const QCPRange& range) { boundRange(m_plot->yAxis, range, m_drawn.y); });
}

bool SurfaceMapLayer::isDrawn(const ErrorSurfaceModel& surface) const
{
    if (!surface.isValid())
        return !m_hasSurface;
    const SurfaceGrid& grid = surface.grid();
    return m_hasSurface && sameAxis(grid.x, m_drawn.x) && sameAxis(grid.y, m_drawn.y) && grid.values == m_drawn.values;
}

void SurfaceMapLayer::draw(const ErrorSurfaceModel& surface)
{
    if (!surface.isValid()) {
        clear();
        return;
    }
    m_drawn = surface.grid();
    m_hasSurface = true;
    fillCells(surface);
    setColourScale(surface);
    m_plot->xAxis->setLabel(surface.axisTitle(surface.xParameter()));
    m_plot->yAxis->setLabel(surface.axisTitle(surface.yParameter()));
    m_plot->xAxis->setRange(m_drawn.x.min, m_drawn.x.max);
    m_plot->yAxis->setRange(m_drawn.y.min, m_drawn.y.max);
}

void SurfaceMapLayer::clear()
{
    m_hasSurface = false;
    m_drawn = SurfaceGrid();
    m_map->data()->clear();
}

void SurfaceMapLayer::fillCells(const ErrorSurfaceModel& surface)
{
    const bool logarithmic = surface.isLogarithmic();
    const double floor = surface.colourMin();
    QCPColorMapData* data = m_map->data();
    data->setSize(m_drawn.x.steps, m_drawn.y.steps);
    data->setRange(QCPRange(m_drawn.x.min, m_drawn.x.max), QCPRange(m_drawn.y.min, m_drawn.y.max));
    for (int iy = 0; iy < m_drawn.y.steps; ++iy) {
        for (int ix = 0; ix < m_drawn.x.steps; ++ix) {
            // A log scale has no place for a loss of zero; the bottom colour says "at the floor or below".
            const double value = m_drawn.at(ix, iy);
            data->setCell(ix, iy, logarithmic ? std::max(value, floor) : value);
        }
    }
}

void SurfaceMapLayer::setColourScale(const ErrorSurfaceModel& surface)
{
    const bool logarithmic = surface.isLogarithmic();
    m_map->setDataScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    m_map->setDataRange(QCPRange(surface.colourMin(), surface.colourMax()));
    if (logarithmic)
        m_scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        m_scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_scale->axis()->setLabel(surface.lossTitle());
}

void SurfaceMapLayer::boundRange(QCPAxis* axis, const QCPRange& range, const SurfaceAxis& grid)
{
    if (!m_hasSurface)
        return;
    if (range.lower < grid.min || range.upper > grid.max)
        axis->setRange(range.bounded(grid.min, grid.max));
}

void SurfaceMapLayer::applyStyle(const PlotStyle& style)
{
    style.applyToAxis(m_scale->axis());
    m_scale->setBarWidth(qRound(style.scaled(barWidth)));
}

} // namespace gdlab
