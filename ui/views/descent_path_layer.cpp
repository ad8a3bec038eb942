#include "views/descent_path_layer.h"

#include "error_surface.h"
#include "path_thinning.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/cosmetic_pen.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <algorithm>

namespace gdlab {

namespace {

constexpr double lineWidth = 2.2;
constexpr double dotSize = 4;

} // namespace

DescentPathLayer::DescentPathLayer(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_curve(new QCPCurve(plot->xAxis, plot->yAxis))
    , m_dotSize(dotSize)
{
    m_curve->setName(tr("descent path"));
    m_curve->setLayer(QStringLiteral("path"));
    for (int band = 0; band < fadeBands; ++band) {
        auto* curve = new QCPCurve(plot->xAxis, plot->yAxis);
        curve->setLayer(QStringLiteral("path"));
        curve->removeFromLegend();
        m_bands.push_back(curve);
    }
}

PathThinning DescentPathLayer::thinningFor(const QCustomPlot& plot)
{
    return PathThinning(plot.xAxis->range().size() * resolution, plot.yAxis->range().size() * resolution);
}

QCPScatterStyle DescentPathLayer::stepDots(int points, const QColor& colour, double size)
{
    if (points > stepDotLimit)
        return QCPScatterStyle(QCPScatterStyle::ssNone);
    return QCPScatterStyle(QCPScatterStyle::ssDisc, colour, size);
}

void DescentPathLayer::reset()
{
    m_rows.clear();
    m_exitRow = -1;
    m_stale = true;
}

void DescentPathLayer::extend(const IterationModel& model, const ErrorSurfaceModel& surface, int firstRow)
{
    if (m_stale)
        return;
    PathThinning thinning = thinningFor(*m_plot);
    if (!m_rows.empty() && m_rows.back() < firstRow) {
        const QPointF last = surface.slicePoint(model.theta(m_rows.back()));
        thinning.resumeFrom(last.x(), last.y());
    }
    const SurfaceGrid& grid = surface.grid();
    const auto inFrame = [&grid](const QPointF& p) {
        return p.x() >= grid.x.min && p.x() <= grid.x.max && p.y() >= grid.y.min && p.y() <= grid.y.max;
    };
    for (int row = firstRow; row <= model.lastRow() && m_exitRow < 0; ++row) {
        const QPointF point = surface.slicePoint(model.theta(row));
        if (!grid.values.empty() && !inFrame(point)) {
            m_exitRow = row;
            m_rows.push_back(row);
        } else if (thinning.keep(point.x(), point.y())) {
            m_rows.push_back(row);
        }
    }
}

void DescentPathLayer::show(const IterationModel& model, const ErrorSurfaceModel& surface, int row)
{
    if (m_stale) {
        m_stale = false;
        extend(model, surface, 0);
    }
    QVector<double> xs;
    QVector<double> ys;
    const auto end = std::upper_bound(m_rows.begin(), m_rows.end(), row);
    xs.reserve(static_cast<int>(end - m_rows.begin()) + 1);
    ys.reserve(xs.capacity());
    for (auto it = m_rows.begin(); it != end; ++it) {
        const QPointF point = surface.slicePoint(model.theta(*it));
        xs.push_back(point.x());
        ys.push_back(point.y());
    }
    // The current point always ends the path, even when it moved less than the thinning step.
    const bool beyondTheExit = m_exitRow >= 0 && row > m_exitRow;
    if (model.theta(row).allFinite() && !beyondTheExit && (end == m_rows.begin() || *(end - 1) != row)) {
        const QPointF here = surface.slicePoint(model.theta(row));
        xs.push_back(here.x());
        ys.push_back(here.y());
    }
    m_curve->setData(xs, ys);
    // A climbing path is a diverging run: its older swings fade so the newest stands out.
    const bool climbing = model.loss(row) > model.loss(0) || (m_exitRow >= 0 && row >= m_exitRow);
    m_fading = climbing && xs.size() >= 3;
    updateDots();
    updateBands(xs, ys);
}

void DescentPathLayer::updateBands(const QVector<double>& xs, const QVector<double>& ys)
{
    const int last = static_cast<int>(xs.size()) - 1;
    for (int band = 0; band < fadeBands; ++band) {
        QCPCurve* curve = m_bands[static_cast<std::size_t>(band)];
        if (!m_fading) {
            curve->data()->clear();
            continue;
        }
        // Consecutive bands share their boundary point, so the line is unbroken.
        const int from = last * band / fadeBands;
        const int to = last * (band + 1) / fadeBands;
        curve->setData(xs.mid(from, to - from + 1), ys.mid(from, to - from + 1));
    }
}

void DescentPathLayer::clear()
{
    m_curve->data()->clear();
    for (QCPCurve* curve : m_bands)
        curve->data()->clear();
}

void DescentPathLayer::setDifferences(const QString& differences)
{
    m_curve->setName(differences.isEmpty() ? tr("descent path") : tr("descent path (%1)").arg(differences));
}

void DescentPathLayer::updateDots()
{
    const int points = m_curve->data()->size();
    QColor colour = ViewPalette::current();
    if (m_fading)
        colour.setAlpha(oldestAlpha);
    m_curve->setPen(cosmeticPen(colour, m_lineWidth));
    m_curve->setScatterStyle(stepDots(points, colour, m_dotSize));
    for (int band = 0; band < fadeBands; ++band) {
        // Over the faint whole path: from barely stronger for the oldest steps to full colour for the newest.
        QColor bandColour = ViewPalette::current();
        bandColour.setAlpha(oldestAlpha + (255 - oldestAlpha) * (band + 1) / fadeBands);
        QCPCurve* curve = m_bands[static_cast<std::size_t>(band)];
        curve->setPen(cosmeticPen(bandColour, m_lineWidth));
        curve->setScatterStyle(stepDots(points, bandColour, m_dotSize));
    }
}

void DescentPathLayer::applyStyle(const PlotStyle& style)
{
    m_lineWidth = style.scaled(lineWidth);
    m_dotSize = style.scaled(dotSize);
    updateDots();
}

} // namespace gdlab
