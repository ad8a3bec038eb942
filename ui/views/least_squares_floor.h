#pragma once

#include <QObject>

class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;

namespace gdlab {

class IterationModel;
class PlotStyle;

/**
 * @brief The floor the loss curve approaches: a dashed horizontal line at the optimum's loss of the run shown
 * (least squares, or Newton's optimum for the logistic model), labelled with its value at the right edge; none when
 * the model has no optimum (separable data).
 */
class LeastSquaresFloor : public QObject {
    Q_OBJECT

public:
    explicit LeastSquaresFloor(QCustomPlot* plot, QObject* parent = nullptr);

    QCPItemStraightLine* line() const { return m_line; }
    QCPItemText* label() const { return m_label; }
    /** @brief The floor drawn by the last update(): NaN without a run, 0 when it is rounding noise. */
    double value() const { return m_value; }

    /**
     * @brief The optimum's loss of the model's run under its loss: NaN without a run or optimum, 0 when it is below
     * the starting loss by more than rounding (data on an exact line leave a minimum of 1e-28 or so).
     */
    static double minimumLoss(const IterationModel& model);

    /** @brief Draws the model's floor; a zero floor has no place on a log axis and is hidden there. */
    void update(const IterationModel& model, bool logarithmic);
    void applyStyle(const PlotStyle& style);

private:
    QCPItemStraightLine* m_line;
    QCPItemText* m_label;
    double m_value;
};

} // namespace gdlab
