#include "views/optimum_star.h"

#include "views/cosmetic_pen.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <cmath>

namespace gdlab {

namespace {

constexpr double starSize = 20;

/** A five-pointed star around (0, 0), outer radius 3: QCPScatterStyle scales custom shapes by size / 6. */
QPainterPath starPath()
{
    QPainterPath path;
    constexpr double pi = 3.14159265358979323846;
    for (int k = 0; k < 10; ++k) {
        const double radius = k % 2 == 0 ? 3.0 : 1.25;
        const double angle = -pi / 2 + k * pi / 5;
        const QPointF point(radius * std::cos(angle), radius * std::sin(angle));
        if (k == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    path.closeSubpath();
    return path;
}

} // namespace

OptimumStar::OptimumStar(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_curve(new QCPCurve(plot->xAxis, plot->yAxis))
{
    m_curve->setName(tr("least squares"));
    m_curve->setLineStyle(QCPCurve::lsNone);
}

void OptimumStar::show(const QPointF& slicePoint, bool newton)
{
    // "optimum", not "Newton's optimum": at 1024x700 the longer name wraps the contour map's legend into four rows.
    m_curve->setName(newton ? tr("optimum") : tr("least squares"));
    if (!m_curve->parentPlot()->legend->hasItemWithPlottable(m_curve))
        m_curve->addToLegend();
    m_curve->setData(QVector<double> { slicePoint.x() }, QVector<double> { slicePoint.y() });
}

void OptimumStar::clear()
{
    m_curve->data()->clear();
    // A star that is not there is not named either.
    m_curve->removeFromLegend();
}

void OptimumStar::applyStyle(const PlotStyle& style)
{
    m_curve->setScatterStyle(QCPScatterStyle(starPath(), cosmeticPen(ViewPalette::outline(), 1.2),
        QBrush(ViewPalette::leastSquares()), style.scaled(starSize)));
    m_curve->setPen(QPen(ViewPalette::leastSquares()));
}

} // namespace gdlab
