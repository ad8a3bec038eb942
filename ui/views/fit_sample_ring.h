#pragma once

#include <Eigen/Core>

#include <QCoreApplication>

#include <vector>

class QCPGraph;
class QCPLayer;
class QCustomPlot;

namespace gdlab {

class FitPoints;
class IterationModel;
class PlotStyle;

/**
 * @brief Rings, in the gradient's colour, the data rows the current update's gradient was taken over: the one
 * sample of SGD, the batch of mini-batch descent (nothing for batch descent, which uses every row).
 *
 * The current update is the one from the current row to the next, as the update panel shows it; at the last row
 * there is none. Shuffled orders are replayed from the seed (sampleRows()).
 */
class FitSampleRing {
    Q_DECLARE_TR_FUNCTIONS(gdlab::FitSampleRing)

public:
    FitSampleRing(QCustomPlot* plot, QCPLayer* layer);

    QCPGraph* graph() const { return m_graph; }
    /** @brief The rings' data rows, in the order the update took them. */
    const std::vector<long long>& rows() const { return m_rows; }
    /** @brief Whether the run samples at all (SGD or mini-batch): the legend then has an entry for the rings. */
    static bool samples(const IterationModel& model);

    /**
     * @brief Rings the rows of the update from row; a point's height is its fixed value, or heights[row] when
     * the points are placed by actual value (their predictions).
     */
    void show(const IterationModel& model, const FitPoints& points, int row, const Eigen::VectorXd* heights);
    void clear();
    void applyStyle(const PlotStyle& style, double pointSize);

private:
    QCPGraph* m_graph = nullptr;
    std::vector<long long> m_rows;
};

} // namespace gdlab
