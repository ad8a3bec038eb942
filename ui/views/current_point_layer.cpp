#include "views/current_point_layer.h"

#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/cosmetic_pen.h"
#include "views/off_frame_indicator.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

constexpr double pointSize = 11;
constexpr double arrowWidth = 2.2;
/** Below this fraction of the starting gradient's norm, the slice of the gradient is rounding noise. */
constexpr double noiseGradient = 1e-9;

} // namespace

CurrentPointLayer::CurrentPointLayer(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_point(new QCPCurve(plot->xAxis, plot->yAxis))
    , m_arrow(new QCPItemLine(plot))
    , m_offFrame(new OffFrameIndicator(plot, this))
{
    m_point->setName(tr("current θ"));
    m_point->setLineStyle(QCPCurve::lsNone);
    m_arrow->setLayer(QStringLiteral("arrow"));
    m_arrow->setClipToAxisRect(true);
    m_arrow->setVisible(false);
}

void CurrentPointLayer::clear()
{
    m_point->data()->clear();
    m_arrow->setVisible(false);
    m_offFrame->clear();
}

void CurrentPointLayer::show(const IterationModel& model, const ErrorSurfaceModel& surface, int row)
{
    if (!model.theta(row).allFinite()) {
        clear();
        return;
    }
    const QPointF here = surface.slicePoint(model.theta(row));
    m_point->setData(QVector<double> { here.x() }, QVector<double> { here.y() });
    m_arrow->setVisible(showArrow(model, surface, row, here));
    m_offFrame->pointAt(here);
}

bool CurrentPointLayer::showArrow(
    const IterationModel& model, const ErrorSurfaceModel& surface, int row, const QPointF& here)
{
    const Eigen::VectorXd gradient = model.gradient(row);
    const int px = surface.xParameter();
    const int py = surface.yParameter();
    const double spanX = m_plot->xAxis->range().size();
    const double spanY = m_plot->yAxis->range().size();
    if (gradient.size() <= std::max(px, py) || !(spanX > 0) || !(spanY > 0))
        return false;
    // In view-normalised units, so that the arrow's length is the same fraction of the view on both axes.
    const double u = -gradient(px) / spanX;
    const double v = -gradient(py) / spanY;
    const double length = std::hypot(u, v);
    const double sliceNorm = std::hypot(gradient(px), gradient(py));
    if (!(length > 0) || !std::isfinite(length) || !(sliceNorm > noiseGradient * model.gradientNorm(0)))
        return false;
    const double scale = arrowViewFraction / length;
    m_arrow->start->setCoords(here);
    m_arrow->end->setCoords(here.x() + u * scale * spanX, here.y() + v * scale * spanY);
    return true;
}

QPen CurrentPointLayer::arrowPen(const PlotStyle& style)
{
    return cosmeticPen(ViewPalette::gradient(), style.scaled(arrowWidth));
}

void CurrentPointLayer::applyStyle(const PlotStyle& style)
{
    const QColor current = ViewPalette::current();
    // A white rim keeps the point readable on the dark end of the map as well as on the light one.
    m_point->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCircle, cosmeticPen(ViewPalette::outline(), 1.5), current, style.scaled(pointSize)));
    m_point->setPen(cosmeticPen(current, 2));
    const QPen pen = arrowPen(style);
    m_arrow->setPen(pen);
    m_arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 6 * pen.widthF(), 7 * pen.widthF()));
    m_offFrame->applyStyle(style);
}

} // namespace gdlab
