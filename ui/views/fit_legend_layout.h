#pragma once

#include <QRectF>
#include <QSize>
#include <QVector>
#include <Qt>

#include <vector>

class QCPAbstractPlottable;
class QCPGraph;
class QCPItemText;
class QCustomPlot;

namespace gdlab {

class FitGhostLayer;
class FitPoints;

/**
 * @brief Where the fit view's legend and ghost labels go: the legend in the corner the data leaves emptiest
 * (and out of a view too small for it), the ghost labels on their lines, as far right as they can go without
 * covering each other, a data point or the legend (LabelPlacement).
 *
 * The pure rules are static, so that they can be checked without a plot; the rest applies them to the plot.
 */
class FitLegendLayout {
public:
    explicit FitLegendLayout(QCustomPlot* plot);

    /** @brief The legend's entries, in this order (replacing the previous ones). */
    void setEntries(const std::vector<QCPAbstractPlottable*>& entries);
    /** @brief Moves the legend to the corner with the fewest points (top left when not against a feature). */
    void placeLegend(const FitPoints& points);
    /**
     * @brief Once the plot is laid out (its pixel sizes known): legend visibility, and each ghost label on its line
     * at the first place from the right edge leftwards, above or below the line, where it covers no other label,
     * no point of points (markers pointSize pixels wide) and not the legend.
     */
    void arrange(const FitGhostLayer& ghosts, const QCPGraph* points = nullptr, double pointSize = 0);
    /**
     * @brief The corner with the fewest points, given as fractions of the view (0 = left or bottom, 1 = right or
     * top); points in the middle band of either axis belong to no corner. Ties go to the first of top left,
     * top right, bottom left, bottom right.
     */
    static Qt::Alignment emptiestCorner(const QVector<double>& across, const QVector<double>& up);
    /** @brief Whether a legend this size leaves enough of area free to see the data. */
    static bool legendFits(const QSize& legend, const QSize& area);

private:
    std::vector<QRectF> pointRects(const QCPGraph* points, double pointSize) const;
    void placeLabel(QCPItemText* label, const QCPGraph* line, const QRectF& area, std::vector<QRectF>& taken);

    QCustomPlot* m_plot = nullptr;
};

} // namespace gdlab
