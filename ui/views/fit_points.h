#pragma once

#include "fit_lines.h"

#include <QVector>

#include <optional>

#include <utility>
#include <vector>

namespace gdlab {

struct Run;

/**
 * @brief The fit view's data, cached per problem so that a step never touches the dataset: the run's points in
 * original units (a FitLines) and where each one sits in the view's current mode.
 *
 * Against a feature, a point is (the feature, y), or (its row number, y) when the problem has no feature; with
 * several features it is a partial residual (the feature, y − Σ_{j≠i} θⱼxⱼ), whose height follows θ (follow()),
 * so that the line intercept + θᵢxᵢ is the whole fit and its vertical distances the residuals. In
 * predicted-against-actual mode a point's key is the actual y. keys() and fixedValues() are per data row; sortedRows()
 * is the order of the keys, the order a QCPGraph stores points in. The lines are drawn over lineStart() …
 * lineEnd(), wider than the data so that they always reach the edges of the view.
 *
 * A logistic run's fit is a probability: against its one feature the points sit at their class, 0 or 1, moved up or
 * down a little (jitter(), the same for a row every time) so that rows at the same x show apart, and the fit is the
 * curve σ(line) (isSigmoid()); with two features or more the points are placed at (the first feature, the second)
 * as a map of the classes (isClassMap()), where no line is a fit against one feature. By actual value a logistic
 * run's prediction is the probability p (predictions()).
 */
class FitPoints {
public:
    /** @brief Lines run this fraction of the keys' extent beyond them on each side. */
    static constexpr double lineOverhang = 0.5;
    /** @brief A logistic run's points are moved up or down by at most this much from their class (0 or 1). */
    static constexpr double maxJitter = 0.04;

    /** @brief Reads the run's data (null or no data: empty); the arrangement is empty until arrange(). */
    void reset(const Run* run);
    /**
     * @brief Places the points: against feature (clamped to the features there are) when byFeature, else by
     * their actual value.
     */
    void arrange(bool byFeature, int feature);

    /**
     * @brief Partial residuals at theta (several features, against one); otherwise nothing changes. Returns
     * whether the values moved.
     */
    bool follow(const Eigen::VectorXd& theta);
    /** @brief The fit at theta in this arrangement: the partial line against a feature (with one feature or none,
     * the line itself); nothing by actual value. */
    std::optional<FitLines::Line> line(const Eigen::VectorXd& theta) const;
    /** @brief Per row, the residual's end on the fit at theta (the line or curve at the key, or ŷ by actual value). */
    std::optional<Eigen::VectorXd> fitEnds(const Eigen::VectorXd& theta) const;
    /** @brief ŷ for every row at theta, or a logistic run's p = σ(xᵀθ). */
    std::optional<Eigen::VectorXd> predictions(const Eigen::VectorXd& theta) const;
    /** @brief The vertical offset of a logistic run's row from its class, in [−maxJitter, maxJitter], fixed per row. */
    static double jitter(int row);
    /** @brief The lowest and highest value the points take at any of thetas (partial residuals) or y. */
    std::pair<double, double> valueExtent(const std::vector<Eigen::VectorXd>& thetas) const;

    const FitLines& lines() const { return m_lines; }
    int count() const { return static_cast<int>(m_keys.size()); }
    bool isEmpty() const { return m_keys.isEmpty(); }
    bool isByFeature() const { return m_byFeature; }
    /** @brief Against a feature with several: the points are partial residuals that move with θ. */
    bool isPartial() const { return m_byFeature && m_lines.featureCount() > 1 && !m_logistic; }
    /** @brief The run is logistic: its fit is a probability. */
    bool isLogistic() const { return m_logistic; }
    /** @brief A logistic run against its one feature (or none): the fit is the curve σ(line). */
    bool isSigmoid() const { return m_logistic && m_byFeature && m_lines.featureCount() <= 1; }
    /** @brief A logistic run with two features or more, by feature: the points at (x1, x2), no line. */
    bool isClassMap() const { return m_logistic && m_byFeature && m_lines.featureCount() > 1; }
    /** @brief The feature on the x axis (0-based), after clamping. */
    int feature() const { return m_feature; }

    const QVector<double>& keys() const { return m_keys; }
    /** @brief Per row: the residual's fixed end (the point itself, or its foot on y = x), y or a partial residual. */
    const QVector<double>& fixedValues() const { return m_fixed; }
    const std::vector<int>& sortedRows() const { return m_sortedRows; }
    /** @brief The smallest and largest key; (0, 0) when empty. */
    std::pair<double, double> keyExtent() const { return m_keyExtent; }
    /** @brief The smallest and largest target value; (0, 0) when empty. */
    std::pair<double, double> targetExtent() const;

    double lineStart() const { return m_lineStart; }
    double lineEnd() const { return m_lineEnd; }
    /** @brief Stretches the lines' span so that they also cross [lower, upper] and the overhang beyond it. */
    void widenLineSpan(double lower, double upper);

private:
    FitLines m_lines;
    bool m_logistic = false;
    bool m_byFeature = true;
    int m_feature = 0;
    QVector<double> m_keys;
    QVector<double> m_fixed;
    std::vector<int> m_sortedRows;
    std::pair<double, double> m_keyExtent { 0.0, 0.0 };
    double m_lineStart = 0;
    double m_lineEnd = 1;
};

} // namespace gdlab
