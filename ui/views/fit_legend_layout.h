#pragma once

#include <QSize>
#include <QVector>
#include <Qt>

#include <vector>

class QCPAbstractPlottable;
class QCustomPlot;

namespace gdlab {

class FitGhostLayer;
class FitPoints;

/**
 * @brief Where the fit view's legend and ghost labels go: the legend in the corner the data leaves emptiest
 * (and out of a view too small for it), the ghost labels on their lines at the right edge, pushed apart where
 * lines run close together.
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
    /** @brief Once the plot is laid out (its pixel sizes known): legend visibility and the ghost labels. */
    void arrange(const FitGhostLayer& ghosts);

    /**
     * @brief The corner with the fewest points, given as fractions of the view (0 = left or bottom, 1 = right or
     * top); points in the middle band of either axis belong to no corner. Ties go to the first of top left,
     * top right, bottom left, bottom right.
     */
    static Qt::Alignment emptiestCorner(const QVector<double>& across, const QVector<double>& up);
    /** @brief Whether a legend this size leaves enough of area free to see the data. */
    static bool legendFits(const QSize& legend, const QSize& area);
    /**
     * @brief Pixel heights (top down, sorted) of labels of height pixels each, hanging above their points: pushed
     * apart to at least height, kept in their order and within [top + height, bottom].
     */
    static std::vector<double> spread(std::vector<double> wanted, double height, double top, double bottom);

private:
    QCustomPlot* m_plot = nullptr;
};

} // namespace gdlab
