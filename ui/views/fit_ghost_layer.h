#pragma once

#include "fit_lines.h"

#include <QString>

#include <vector>

class QCPGraph;
class QCPItemText;
class QCPLayer;
class QCustomPlot;

namespace gdlab {

class PlotStyle;

/**
 * @brief The muted ghost lines of earlier iterations, each with its label ("after 100 steps") at the right edge
 * of the view, on a layer below the data and the current line.
 */
class FitGhostLayer {
public:
    struct Ghost {
        FitLines::Line line;
        QString label;
    };

    /** @brief legendName names the one legend entry that stands for every ghost. */
    FitGhostLayer(QCustomPlot* plot, QCPLayer* layer, QString legendName);

    /**
     * @brief Replaces the ghosts: lines (or, with sigmoid, the logistic fits' curves σ(line)) from x0 to x1, labels at
     * labelX on them (until arranged).
     */
    void setGhosts(const std::vector<Ghost>& ghosts, double x0, double x1, double labelX, bool sigmoid = false);
    void clear();

    /** @brief Renames the legend's entry (every ghost line carries the name; the legend shows one). */
    void setLegendName(const QString& name);

    bool isEmpty() const { return m_graphs.empty(); }
    const std::vector<QCPGraph*>& graphs() const { return m_graphs; }
    const std::vector<QCPItemText*>& labels() const { return m_labels; }

    void applyStyle(const PlotStyle& style);

private:
    QCustomPlot* m_plot = nullptr;
    QCPLayer* m_layer = nullptr;
    QString m_legendName;
    std::vector<QCPGraph*> m_graphs;
    std::vector<QCPItemText*> m_labels;
};

} // namespace gdlab
