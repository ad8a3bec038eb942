#include "views/fit_class_map.h"

#include "logistic_loss.h"
#include "views/cached_scatter_graph.h"

#include "views/fit_points.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <cmath>

namespace gdlab {

FitClassMap::FitClassMap(QCustomPlot* plot, QCPLayer* mapLayer, QCPLayer* lineLayer, QCPLayer* pointLayer)
    : m_plot(plot)
    , m_shading(new QCPColorMap(plot->xAxis, plot->yAxis))
    , m_zero(addCachedScatterGraph(plot))
    , m_one(addCachedScatterGraph(plot))
    , m_current(new QCPCurve(plot->xAxis, plot->yAxis))
    , m_optimum(new QCPCurve(plot->xAxis, plot->yAxis))
{
    m_shading->setLayer(mapLayer);
    m_shading->setName(tr("P(y = 1) shading"));
    m_shading->setInterpolate(true);
    m_shading->setTightBoundary(false);
    m_shading->setDataRange(QCPRange(0, 1));
    for (QCPGraph* graph : { m_zero, m_one }) {
        graph->setLayer(pointLayer);
        graph->setLineStyle(QCPGraph::lsNone);
    }
    // The shading has no legend entry of its own (its swatch would show the map of another moment): the classes'
    // entries say what their colour means in the background.
    m_zero->setName(tr("y = 0 (shaded where p < 0.5)"));
    m_one->setName(tr("y = 1 (shaded where p > 0.5)"));
    m_current->setLayer(lineLayer);
    m_current->setName(tr("current boundary (p = 0.5)"));
    m_optimum->setLayer(lineLayer);
    m_optimum->setName(tr("optimum's boundary"));
    setShown(false);
}

void FitClassMap::setShown(bool shown)
{
    m_shown = shown;
    for (QCPAbstractPlottable* plottable :
        std::initializer_list<QCPAbstractPlottable*> { m_shading, m_zero, m_one, m_current, m_optimum })
        plottable->setVisible(shown);
}

void FitClassMap::setPoints(const FitPoints& points)
{
    m_zero->data()->clear();
    m_one->data()->clear();
    if (!m_shown)
        return;
    const Eigen::VectorXd& target = points.lines().target();
    for (int i = 0; i < points.count() && i < target.size(); ++i)
        (target[i] == 1 ? m_one : m_zero)->addData(points.keys()[i], points.fixedValues()[i]);
}

bool FitClassMap::plane(const FitPoints& points, const Eigen::VectorXd& theta, double& c, double& b1, double& b2)
{
    if (points.lines().featureCount() < 2)
        return false;
    const auto first = points.lines().line(theta, 0);
    const auto second = points.lines().line(theta, 1);
    if (!first || !second)
        return false;
    // line(θ, 0) holds x2 at its mean: take its term out of the intercept to get the plane's own constant.
    b1 = first->slope;
    b2 = second->slope;
    c = first->intercept - b2 * points.lines().featureMeans()[1];
    return std::isfinite(c) && std::isfinite(b1) && std::isfinite(b2);
}

void FitClassMap::setCurrent(const FitPoints& points, const Eigen::VectorXd* theta, long long iteration)
{
    setBoundary(m_current, points, theta);
    m_current->setName(theta ? tr("current boundary (iteration %1)").arg(iteration) : tr("current boundary"));
    double c = 0;
    double b1 = 0;
    double b2 = 0;
    if (!m_shown || !theta || !plane(points, *theta, c, b1, b2)) {
        m_shading->data()->clear();
        return;
    }
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    QCPColorMapData* data = m_shading->data();
    if (data->keySize() != cells || data->keyRange() != x || data->valueRange() != y) {
        data->setSize(cells, cells);
        data->setRange(x, y);
    }
    for (int i = 0; i < cells; ++i)
        for (int j = 0; j < cells; ++j) {
            double u = 0;
            double v = 0;
            data->cellToCoord(i, j, &u, &v);
            data->setCell(i, j, LogisticLoss::sigmoid(c + b1 * u + b2 * v));
        }
}

std::vector<QCPAbstractPlottable*> FitClassMap::legendEntries(bool optimum)
{
    m_optimum->setVisible(m_shown && optimum);
    std::vector<QCPAbstractPlottable*> entries { m_zero, m_one, m_current };
    if (optimum)
        entries.push_back(m_optimum);
    return entries;
}

void FitClassMap::setOptimum(const FitPoints& points, const Eigen::VectorXd* theta)
{
    setBoundary(m_optimum, points, theta);
}

void FitClassMap::setBoundary(QCPCurve* curve, const FitPoints& points, const Eigen::VectorXd* theta) const
{
    curve->data()->clear();
    double c = 0;
    double b1 = 0;
    double b2 = 0;
    if (!m_shown || !theta || !plane(points, *theta, c, b1, b2) || (b1 == 0 && b2 == 0))
        return;
    // Two points on c + b1·x1 + b2·x2 = 0 far beyond the view: solved for the steeper coordinate, so that a
    // vertical boundary is drawn as well as a flat one.
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    if (std::abs(b2 * y.size()) >= std::abs(b1 * x.size())) {
        const double x0 = x.lower - x.size();
        const double x1 = x.upper + x.size();
        curve->setData({ 0, 1 }, { x0, x1 }, { -(c + b1 * x0) / b2, -(c + b1 * x1) / b2 });
    } else {
        const double y0 = y.lower - y.size();
        const double y1 = y.upper + y.size();
        curve->setData({ 0, 1 }, { -(c + b2 * y0) / b1, -(c + b2 * y1) / b1 }, { y0, y1 });
    }
}

void FitClassMap::applyStyle(const PlotStyle& style, double pointSize)
{
    // Class 0 a filled disc, class 1 a filled triangle a little larger: told apart by shape as well as colour.
    const QColor zero = ViewPalette::classZero();
    const QColor one = ViewPalette::classOne();
    m_zero->setPen(QPen(zero));
    m_zero->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, zero, pointSize));
    m_one->setPen(QPen(one));
    m_one->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssTriangle, QPen(one, style.scaled(2.0)), one, pointSize * 1.25));
    m_current->setPen(QPen(ViewPalette::current(), style.scaled(3.0)));
    m_optimum->setPen(QPen(ViewPalette::leastSquares(), style.scaled(2.0), Qt::DashLine));
    // A light diverging wash: clear where p = 0.5, the class colours growing quickly near it (a wash that is faint
    // at p = 0.3 is not seen) and at most half opaque where p reaches 0 or 1, so that points and grid stay clear. A
    // fit still unsure (p near 0.5 everywhere, as at θ = 0) shows no colour at all.
    const auto tint = [&style](QColor colour, int alpha) {
        colour.setAlpha(style.isDark() ? alpha + alpha / 4 : alpha);
        return colour;
    };
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setColorStopAt(0, tint(zero, 120));
    gradient.setColorStopAt(0.3, tint(zero, 75));
    gradient.setColorStopAt(0.5, tint(style.background(), 0));
    gradient.setColorStopAt(0.7, tint(one, 75));
    gradient.setColorStopAt(1, tint(one, 120));
    m_shading->setGradient(gradient);
}

} // namespace gdlab
