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
    updateDots();
}

void DescentPathLayer::clear()
{
    m_curve->data()->clear();
}

void DescentPathLayer::setDifferences(const QString& differences)
{
    m_curve->setName(differences.isEmpty() ? tr("descent path") : tr("descent path (%1)").arg(differences));
}

void DescentPathLayer::updateDots()
{
    m_curve->setScatterStyle(stepDots(m_curve->data()->size(), ViewPalette::current(), m_dotSize));
}

void DescentPathLayer::applyStyle(const PlotStyle& style)
{
    m_curve->setPen(cosmeticPen(ViewPalette::current(), style.scaled(lineWidth)));
    m_dotSize = style.scaled(dotSize);
    updateDots();
}

} // namespace gdlab
