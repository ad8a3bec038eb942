#pragma once

#include <Eigen/Core>

#include <QCoreApplication>

#include <vector>

class QCPAbstractPlottable;
class QCPColorMap;
class QCPCurve;
class QCPGraph;
class QCPLayer;
class QCustomPlot;

namespace gdlab {

class FitPoints;
class PlotStyle;

/**
 * @brief The logistic fit on two features: the rows at (x1, x2) coloured and shaped by class, the decision line
 * θ0 + θ1·x1 + θ2·x2 = 0 of the current θ and of the optimum (dashed), and p = σ(θ0 + θ1·x1 + θ2·x2) as a light
 * two-colour shading of the background that follows the current θ. With more features, the others are held at
 * their means (FitLines::line), so the map is the slice of the model through the data's centre.
 *
 * Everything is in the original units of the data (FitPoints, FitLines), whatever space the descent runs in.
 */
class FitClassMap {
    Q_DECLARE_TR_FUNCTIONS(gdlab::FitClassMap)

public:
    /** @brief The shading's cells across each axis: fine enough for a smooth map, few enough for every step. */
    static constexpr int cells = 160;

    FitClassMap(QCustomPlot* plot, QCPLayer* mapLayer, QCPLayer* lineLayer, QCPLayer* pointLayer);

    QCPColorMap* shading() const { return m_shading; }
    /** @brief The rows of class 0 (y = 0) or 1. */
    QCPGraph* classGraph(int value) const { return value == 0 ? m_zero : m_one; }
    QCPCurve* currentBoundary() const { return m_current; }
    QCPCurve* optimumBoundary() const { return m_optimum; }

    /** @brief Shows or hides everything (the view is not a class map); hidden, nothing is drawn. */
    void setShown(bool shown);
    bool isShown() const { return m_shown; }
    /** @brief The points by class, from points arranged as a class map (x1 keys, x2 values) and their targets. */
    void setPoints(const FitPoints& points);
    /** @brief The current θ's boundary (named for its iteration) and shading over the axes' ranges; null clears them.
     */
    void setCurrent(const FitPoints& points, const Eigen::VectorXd* theta, long long iteration);
    /** @brief The optimum's boundary; null (no optimum) clears it. */
    void setOptimum(const FitPoints& points, const Eigen::VectorXd* theta);
    /** @brief Its legend's entries: the classes (which name the shading), the current boundary, the optimum's. */
    std::vector<QCPAbstractPlottable*> legendEntries(bool optimum);
    /** @brief c, b1, b2 of the log-odds z = c + b1·x1 + b2·x2 at theta (others at their means); false if none. */
    static bool plane(const FitPoints& points, const Eigen::VectorXd& theta, double& c, double& b1, double& b2);

    void applyStyle(const PlotStyle& style, double pointSize);

private:
    void setBoundary(QCPCurve* curve, const FitPoints& points, const Eigen::VectorXd* theta) const;

    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_shading = nullptr;
    QCPGraph* m_zero = nullptr;
    QCPGraph* m_one = nullptr;
    QCPCurve* m_current = nullptr;
    QCPCurve* m_optimum = nullptr;
    bool m_shown = false;
};

} // namespace gdlab
