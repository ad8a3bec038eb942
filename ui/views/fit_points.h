#pragma once

#include "fit_lines.h"

#include <QVector>

#include <utility>
#include <vector>

namespace gdlab {

struct Run;

/**
 * @brief The fit view's data, cached per problem so that a step never touches the dataset: the run's points in
 * original units (a FitLines) and where each one sits in the view's current mode.
 *
 * Against a feature, a point is (the feature, y), or (its row number, y) when the problem has no feature; in
 * predicted-against-actual mode its key is the actual y. keys() and fixedValues() are per data row; sortedRows()
 * is the order of the keys, the order a QCPGraph stores points in. The lines are drawn over lineStart() …
 * lineEnd(), wider than the data so that they always reach the edges of the view.
 */
class FitPoints {
public:
    /** @brief Lines run this fraction of the keys' extent beyond them on each side. */
    static constexpr double lineOverhang = 0.5;

    /** @brief Reads the run's data (null or no data: empty); the arrangement is empty until arrange(). */
    void reset(const Run* run);
    /**
     * @brief Places the points: against feature (clamped to the features there are) when byFeature, else by
     * their actual value.
     */
    void arrange(bool byFeature, int feature);

    const FitLines& lines() const { return m_lines; }
    int count() const { return static_cast<int>(m_keys.size()); }
    bool isEmpty() const { return m_keys.isEmpty(); }
    bool isByFeature() const { return m_byFeature; }
    /** @brief The feature on the x axis (0-based), after clamping. */
    int feature() const { return m_feature; }

    const QVector<double>& keys() const { return m_keys; }
    /** @brief Per row: y, the residual's fixed end (the point itself, or its foot on y = x). */
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
