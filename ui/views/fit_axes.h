#pragma once

#include <Eigen/Core>

#include <QCoreApplication>
#include <QStringList>

#include <utility>

class QCPRange;
class QCustomPlot;

namespace gdlab {

class FitPoints;
class IterationModel;

/**
 * @brief The fit view's axis ranges: fixed per problem so that stepping moves only the line, kept after edited
 * points so that the class sees a point move rather than the axes, and one range on both axes against actual
 * values so that y = x is the diagonal.
 */
class FitAxes {
    Q_DECLARE_TR_FUNCTIONS(gdlab::FitAxes)

public:
    /** @brief Ranges reach this fraction of the data's extent beyond it on each side. */
    static constexpr double margin = 0.08;

    explicit FitAxes(QCustomPlot* plot);

    /** @brief (0, 1) on both axes: nothing to show. */
    void clear();
    /**
     * @brief Ranges over the points placed against a feature. With keep, the ranges stay as they are unless the
     * data left them; then the lines are widened to reach the edges of the view.
     */
    void fitFeature(FitPoints& points, bool keep);
    /** @brief The same over values (partial residuals, which move with θ) instead of the target. */
    void fitFeature(FitPoints& points, bool keep, std::pair<double, double> values);
    /**
     * @brief fitFeature() over what the points show of model's run: partial residuals move with θ, so the frame
     * holds them at the start and at the least-squares solution.
     */
    void fitFeature(FitPoints& points, bool keep, const IterationModel& model);
    /** @brief One range on both axes over the actual values and best (the least-squares ŷ, may be null). */
    QCPRange fitActual(const FitPoints& points, const Eigen::VectorXd* best);
    /** @brief fitActual() over the predictions of model's optimum and start (from zeros, far below the data). */
    QCPRange fitActual(const FitPoints& points, const IterationModel& model);

    /**
     * @brief Names the axes for the points' arrangement: the feature and the target, "y − θ2·x2" for partial
     * residuals (symbols: the parameters' symbols, features: the features' names, both in parameter order with
     * the intercept's symbol first when there is one), actual and predicted target by actual value; for a logistic
     * run "P(y = 1)" in place of the target's prediction, and the first two features on a map of the classes.
     */
    void setLabels(const FitPoints& points, const QString& target, const QStringList& features,
        const QStringList& symbols, bool hasIntercept);
    /** @brief "y − θ2·x2 − θ3·x3", or "y − Σ θⱼxⱼ (j ≠ 1)" when more than two other features would be listed. */
    static QString partialLabel(
        const QString& target, const QStringList& features, const QStringList& symbols, int feature, bool hasIntercept);

    /** @brief [low, high] with the margin; a single value gets room around it, anything not finite (0, 1). */
    static QCPRange padded(double low, double high);
    /** @brief old, with a side moved out (by the margin) only where [low, high] leaves it. */
    static QCPRange kept(const QCPRange& old, double low, double high);

private:
    QCustomPlot* m_plot = nullptr;
};

} // namespace gdlab
