#pragma once

#include <QString>

class QCustomPlot;

namespace gdlab {

/**
 * @brief Leaves a plot's legend out of its layout while the row below the plot that holds it would take more than
 * kMaxShare of the plot's height, and puts it back once there is room: a plot squeezed to a strip (presentation mode
 * on a small screen) shows nothing the legend could name.
 *
 * Left out, the legend and its entries go to a layer that is not drawn rather than being hidden, so whether the
 * legend is visible stays the view's to say (the loss view shows it only with pinned runs or the accuracy).
 */
class LegendDrop {
public:
    /** @brief The most of the plot's height the legend's row may take. */
    static constexpr double kMaxShare = 0.3;

    explicit LegendDrop(QCustomPlot* plot);

    /** @brief Shows the legend's row (the grid's last) when it fits kMaxShare, else leaves it out. */
    void fit();
    /** @brief Puts the legend's row below the plot, or takes it out. */
    void showRow(bool shown);
    /** @brief Takes the legend out of its row to go elsewhere (back inside the plot), drawn as before. */
    void takeOut();
    /** @brief Whether the legend is in the plot's grid (shown in its row). */
    bool isInRow() const;

private:
    void moveLegendTo(const QString& layer);

    QCustomPlot* m_plot;
    QString m_legendLayer = QStringLiteral("legend"); ///< the layer the legend is drawn on when it is shown
};

} // namespace gdlab
