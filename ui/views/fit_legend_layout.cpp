#include "views/fit_legend_layout.h"

#include "views/fit_ghost_layer.h"
#include "views/fit_points.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace gdlab {

namespace {

/** A two-point line graph read at x; NaN when it is not one. */
double lineAt(const QCPGraph* graph, double x)
{
    const auto data = graph->data();
    if (data->size() != 2)
        return std::nan("");
    const auto first = data->constBegin();
    const auto second = first + 1;
    return first->value + (second->value - first->value) * (x - first->key) / (second->key - first->key);
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

std::vector<double> FitLegendLayout::spread(std::vector<double> wanted, double height, double top, double bottom)
{
    // The labels hang above their points, so a label needs `height` pixels above its y.
    const double highest = std::min(top + height, bottom);
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        wanted[i] = std::clamp(wanted[i], highest, bottom);
        if (i > 0)
            wanted[i] = std::max(wanted[i], wanted[i - 1] + height);
    }
    // Pushed below the bottom: back up, the ones above moving up with them.
    for (std::size_t i = wanted.size(); i-- > 0;) {
        wanted[i] = std::min(wanted[i], bottom);
        if (i + 1 < wanted.size())
            wanted[i] = std::min(wanted[i], wanted[i + 1] - height);
    }
    return wanted;
}

void FitLegendLayout::arrange(const FitGhostLayer& ghosts)
{
    // A legend that would cover most of a small view (a 1280x720 screen split four ways and more) is dropped;
    // the colours are the same in every view and the large view has it.
    const QRect area = m_plot->axisRect()->rect();
    const bool outside = m_plot->legend->layout() != m_plot->axisRect()->insetLayout();
    m_plot->legend->setVisible(outside || legendFits(m_plot->legend->minimumOuterSizeHint(), area.size()));

    QCPAxis* yAxis = m_plot->yAxis;
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = yAxis->range();
    std::vector<std::pair<double, QCPItemText*>> placements;
    double height = 0;
    for (std::size_t i = 0; i < ghosts.labels().size() && i < ghosts.graphs().size(); ++i) {
        QCPItemText* label = ghosts.labels()[i];
        const double right = lineAt(ghosts.graphs()[i], x.upper);
        const double left = lineAt(ghosts.graphs()[i], x.lower);
        // A line that misses the view entirely (both ends above or both below) gets no label pinned to an edge.
        const bool seen = std::isfinite(right) && std::isfinite(left)
            && !((right > y.upper && left > y.upper) || (right < y.lower && left < y.lower));
        label->setVisible(seen);
        if (!seen)
            continue;
        placements.emplace_back(yAxis->coordToPixel(right), label);
        const QMargins padding = label->padding();
        height = std::max(height, double(QFontMetrics(label->font()).height() + padding.top() + padding.bottom()));
    }
    std::stable_sort(
        placements.begin(), placements.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<double> wanted;
    for (const auto& placement : placements)
        wanted.push_back(placement.first);
    const std::vector<double> placed = spread(wanted, height, area.top(), area.bottom());
    for (std::size_t i = 0; i < placements.size(); ++i)
        placements[i].second->position->setCoords(x.upper, yAxis->pixelToCoord(placed[i]));
}

} // namespace gdlab
