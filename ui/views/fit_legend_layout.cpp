#include "views/fit_legend_layout.h"

#include "views/fit_curve.h"
#include "views/fit_ghost_layer.h"
#include "views/fit_points.h"
#include "views/label_placement.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace gdlab {

namespace {

/** A ghost's line, or a logistic fit's sampled curve, read at x. */
double lineAt(const QCPGraph* graph, double x)
{
    return FitCurve::graphAt(graph, x);
}

} // namespace

FitLegendLayout::FitLegendLayout(QCustomPlot* plot)
    : m_plot(plot)
{
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

void FitLegendLayout::setEntries(const std::vector<QCPAbstractPlottable*>& entries)
{
    m_plot->legend->clearItems();
    for (QCPAbstractPlottable* plottable : entries)
        plottable->addToLegend();
}

Qt::Alignment FitLegendLayout::emptiestCorner(const QVector<double>& across, const QVector<double>& up)
{
    int counts[4] = { 0, 0, 0, 0 }; // top-left, top-right, bottom-left, bottom-right
    for (int i = 0; i < across.size() && i < up.size(); ++i) {
        const double u = across[i];
        const double v = up[i];
        if ((u > 0.45 && u < 0.55) || (v > 0.4 && v < 0.6))
            continue;
        ++counts[(v < 0.5 ? 2 : 0) + (u < 0.5 ? 0 : 1)];
    }
    const Qt::Alignment corners[4] = { Qt::AlignTop | Qt::AlignLeft, Qt::AlignTop | Qt::AlignRight,
        Qt::AlignBottom | Qt::AlignLeft, Qt::AlignBottom | Qt::AlignRight };
    return corners[std::min_element(std::begin(counts), std::end(counts)) - std::begin(counts)];
}

void FitLegendLayout::placeLegend(const FitPoints& points)
{
    Qt::Alignment corner = Qt::AlignTop | Qt::AlignLeft;
    if (points.isByFeature() && !points.isEmpty()) {
        const QCPRange x = m_plot->xAxis->range();
        const QCPRange y = m_plot->yAxis->range();
        QVector<double> across(points.count());
        QVector<double> up(points.count());
        for (int i = 0; i < points.count(); ++i) {
            across[i] = (points.keys()[i] - x.lower) / x.size();
            up[i] = (points.fixedValues()[i] - y.lower) / y.size();
        }
        corner = emptiestCorner(across, up);
    }
    // Outside the plot (presentation mode) the legend has a row of its own and no corner.
    QCPLayoutInset* inset = m_plot->axisRect()->insetLayout();
    if (m_plot->legend->layout() == inset)
        inset->setInsetAlignment(0, corner);
}

bool FitLegendLayout::legendFits(const QSize& legend, const QSize& area)
{
    return legend.width() <= 0.6 * area.width() && legend.height() <= 0.5 * area.height();
}

void FitLegendLayout::arrange(const FitGhostLayer& ghosts, const QCPGraph* points, double pointSize)
{
    // A legend that would cover most of a small view (a 1280x720 screen split four ways and more) is dropped;
    // the colours are the same in every view and the large view has it.
    const QRect area = m_plot->axisRect()->rect();
    // Outside in its own row (presentation mode), or left out of the layout when that row has no room (LegendRow).
    const QCPLayout* holder = m_plot->legend->layout();
    const bool outside = holder == m_plot->plotLayout();
    m_plot->legend->setVisible(holder && (outside || legendFits(m_plot->legend->minimumOuterSizeHint(), area.size())));

    std::vector<QRectF> taken = pointRects(points, pointSize);
    if (m_plot->legend->visible() && m_plot->legend->layout())
        taken.push_back(m_plot->legend->outerRect());
    // The plot's other labels (the decision point's, an off-frame line's equation) were placed first: keep off them.
    const std::vector<QCPItemText*>& own = ghosts.labels();
    for (int i = 0; i < m_plot->itemCount(); ++i) {
        const auto* text = qobject_cast<const QCPItemText*>(m_plot->item(i));
        if (text && text->visible() && !text->text().isEmpty() && std::find(own.begin(), own.end(), text) == own.end())
            taken.emplace_back(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition());
    }
    // Top down by where their lines leave the view on the right, so that the labels keep the lines' order there.
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t i = 0; i < ghosts.labels().size() && i < ghosts.graphs().size(); ++i) {
        const double right = lineAt(ghosts.graphs()[i], m_plot->xAxis->range().upper);
        order.emplace_back(std::isfinite(right) ? -right : 0.0, i);
    }
    std::stable_sort(order.begin(), order.end());
    for (const auto& [key, i] : order)
        placeLabel(ghosts.labels()[i], ghosts.graphs()[i], QRectF(area), taken);
}

std::vector<QRectF> FitLegendLayout::pointRects(const QCPGraph* points, double pointSize) const
{
    std::vector<QRectF> rects;
    if (!points)
        return rects;
    const QRect area = m_plot->axisRect()->rect();
    for (auto it = points->data()->constBegin(); it != points->data()->constEnd(); ++it) {
        const QPointF pixel(m_plot->xAxis->coordToPixel(it->key), m_plot->yAxis->coordToPixel(it->value));
        if (std::isfinite(pixel.x()) && std::isfinite(pixel.y()) && area.contains(pixel.toPoint()))
            // Three pixels of air around the marker: a label that merely touches a point reads as its caption.
            rects.push_back(LabelPlacement::around(pixel.x(), pixel.y(), pointSize + 6));
    }
    return rects;
}

void FitLegendLayout::placeLabel(
    QCPItemText* label, const QCPGraph* line, const QRectF& area, std::vector<QRectF>& taken)
{
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    const double right = lineAt(line, x.upper);
    const double left = lineAt(line, x.lower);
    // A line that misses the view entirely (both ends above or both below) gets no label pinned to an edge.
    const bool seen = std::isfinite(right) && std::isfinite(left)
        && !((right > y.upper && left > y.upper) || (right < y.lower && left < y.lower));
    label->setVisible(seen);
    if (!seen)
        return;
    const QFontMetricsF metrics(label->font());
    const QMargins padding = label->padding();
    const QSizeF size(metrics.horizontalAdvance(label->text()) + padding.left() + padding.right() + 2,
        metrics.height() + padding.top() + padding.bottom());
    // Candidates along the line from the right edge leftwards, each just above the line, then just below it.
    std::vector<QRectF> candidates;
    std::vector<Qt::Alignment> sides;
    for (int step = 0; step <= 16; ++step) {
        const double px = area.right() - step * (area.width() - size.width()) / 16.0;
        const double py = m_plot->yAxis->coordToPixel(lineAt(line, m_plot->xAxis->pixelToCoord(px)));
        if (!std::isfinite(py))
            continue;
        candidates.emplace_back(QPointF(px - size.width(), py - size.height()), size);
        sides.push_back(Qt::AlignBottom);
        candidates.emplace_back(QPointF(px - size.width(), py), size);
        sides.push_back(Qt::AlignTop);
    }
    const int chosen = LabelPlacement::choose(candidates, taken, area);
    // In a plot too small for every label (presentation mode on a small screen), a label with no free place is left
    // out rather than printed over another or a point: the line keeps its colour and the legend names it.
    if (chosen < 0 || LabelPlacement::cover(candidates[std::size_t(chosen)], taken, area) > 0) {
        label->setVisible(false);
        return;
    }
    const QRectF rect = candidates[std::size_t(chosen)];
    label->setPositionAlignment(Qt::AlignRight | sides[std::size_t(chosen)]);
    const double anchorY = sides[std::size_t(chosen)] == Qt::AlignBottom ? rect.bottom() : rect.top();
    label->position->setCoords(m_plot->xAxis->pixelToCoord(rect.right()), m_plot->yAxis->pixelToCoord(anchorY));
    taken.push_back(rect);
}

} // namespace gdlab
