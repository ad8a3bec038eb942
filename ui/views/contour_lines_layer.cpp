#include "views/contour_lines_layer.h"

#include "views/cosmetic_pen.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

namespace gdlab {

namespace {

/** Thin enough to leave the colours readable between the lines. */
constexpr double lineWidth = 0.9;

} // namespace

ContourLinesLayer::ContourLinesLayer(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_width(lineWidth)
{
}

void ContourLinesLayer::clear()
{
    for (QCPCurve* curve : m_curves)
        m_plot->removePlottable(curve);
    m_curves.clear();
}

void ContourLinesLayer::draw(const std::vector<ContourLine>& lines)
{
    clear();
    const QPen pen = cosmeticPen(ViewPalette::contour(), m_width);
    for (const ContourLine& line : lines) {
        auto* curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        // New curves land on the current layer; theirs keeps them under the path and markers.
        curve->setLayer(QStringLiteral("contours"));
        curve->removeFromLegend();
        curve->setPen(pen);
        curve->setSelectable(QCP::stNone);
        QVector<double> xs;
        QVector<double> ys;
        xs.reserve(static_cast<int>(line.points.size()) + 1);
        ys.reserve(static_cast<int>(line.points.size()) + 1);
        for (const ContourPoint& point : line.points) {
            xs.push_back(point.x);
            ys.push_back(point.y);
        }
        if (line.closed && !line.points.empty()) {
            xs.push_back(line.points.front().x);
            ys.push_back(line.points.front().y);
        }
        curve->setData(xs, ys);
        m_curves.push_back(curve);
    }
}

void ContourLinesLayer::applyStyle(const PlotStyle& style)
{
    m_width = style.scaled(lineWidth);
    const QPen pen = cosmeticPen(ViewPalette::contour(), m_width);
    for (QCPCurve* curve : m_curves)
        curve->setPen(pen);
}

} // namespace gdlab
