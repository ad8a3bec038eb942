#include "views/fit_points.h"

#include "run.h"

#include "logistic_loss.h"

#include "views/fit_curve.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace gdlab {

void FitPoints::reset(const Run* run)
{
    m_lines = run && run->dataset ? FitLines(run->problem, *run->dataset) : FitLines();
    m_logistic = run && run->isLogistic();
    m_keys.clear();
    m_fixed.clear();
    m_sortedRows.clear();
    m_keyExtent = { 0.0, 0.0 };
    m_lineStart = 0;
    m_lineEnd = 1;
}

void FitPoints::arrange(bool byFeature, int feature)
{
    const auto rows = static_cast<int>(m_lines.rowCount());
    const auto features = static_cast<int>(m_lines.featureCount());
    m_byFeature = byFeature;
    m_feature = std::clamp(feature, 0, std::max(features - 1, 0));
    m_keys.resize(rows);
    m_fixed.resize(rows);
    const Eigen::VectorXd& target = m_lines.target();
    for (int i = 0; i < rows; ++i) {
        // Without any feature (intercept only) the points are spread over their row number.
        if (!byFeature)
            m_keys[i] = target[i];
        else
            m_keys[i] = features > 0 ? m_lines.features()(i, isClassMap() ? 0 : m_feature) : static_cast<double>(i + 1);
        m_fixed[i] = isClassMap() ? m_lines.features()(i, 1) : target[i] + (isSigmoid() ? jitter(i) : 0.0);
    }
    m_sortedRows.resize(static_cast<std::size_t>(rows));
    std::iota(m_sortedRows.begin(), m_sortedRows.end(), 0);
    std::stable_sort(m_sortedRows.begin(), m_sortedRows.end(), [this](int a, int b) { return m_keys[a] < m_keys[b]; });
    if (rows == 0) {
        m_keyExtent = { 0.0, 0.0 };
        m_lineStart = 0;
        m_lineEnd = 1;
        return;
    }
    const auto [lowest, highest] = std::minmax_element(m_keys.cbegin(), m_keys.cend());
    m_keyExtent = { *lowest, *highest };
    const double span = std::max(m_keyExtent.second - m_keyExtent.first, 1e-12);
    m_lineStart = m_keyExtent.first - lineOverhang * span;
    m_lineEnd = m_keyExtent.second + lineOverhang * span;
}

bool FitPoints::follow(const Eigen::VectorXd& theta)
{
    if (!isPartial())
        return false;
    const auto values = m_lines.partialResiduals(theta, m_feature);
    if (!values || values->size() != m_fixed.size())
        return false;
    for (int i = 0; i < m_fixed.size(); ++i)
        m_fixed[i] = (*values)[i];
    return true;
}

std::optional<FitLines::Line> FitPoints::line(const Eigen::VectorXd& theta) const
{
    if (!m_byFeature || isClassMap())
        return std::nullopt;
    return m_lines.partialLine(theta, m_feature);
}

std::optional<Eigen::VectorXd> FitPoints::fitEnds(const Eigen::VectorXd& theta) const
{
    if (!m_byFeature)
        return predictions(theta);
    const auto fit = line(theta);
    if (!fit || m_keys.size() != m_lines.rowCount())
        return std::nullopt;
    Eigen::VectorXd ends(m_keys.size());
    for (int i = 0; i < m_keys.size(); ++i)
        ends[i] = FitCurve::at(*fit, isSigmoid(), m_keys[i]);
    return ends;
}

std::optional<Eigen::VectorXd> FitPoints::predictions(const Eigen::VectorXd& theta) const
{
    auto values = m_lines.predictions(theta);
    if (values && m_logistic)
        *values = values->unaryExpr([](double z) { return LogisticLoss::sigmoid(z); });
    return values;
}

double FitPoints::jitter(int row)
{
    // A hash of the row (splitmix64's finaliser) rather than a random generator: the same offsets on every machine
    // and in every view, whichever rows were drawn before.
    auto h = static_cast<std::uint64_t>(row) + 0x9E3779B97F4A7C15ULL;
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
    h ^= h >> 31;
    const double unit = static_cast<double>(h >> 11) / static_cast<double>(1ULL << 53); // [0, 1)
    return (2 * unit - 1) * maxJitter;
}

std::pair<double, double> FitPoints::valueExtent(const std::vector<Eigen::VectorXd>& thetas) const
{
    std::pair<double, double> extent = targetExtent();
    if ((isSigmoid() || isClassMap()) && !m_fixed.isEmpty()) {
        // The jittered classes, or the second feature of a class map: the values as placed.
        const auto [lowest, highest] = std::minmax_element(m_fixed.cbegin(), m_fixed.cend());
        return { *lowest, *highest };
    }
    if (!isPartial())
        return extent;
    bool first = true;
    for (const Eigen::VectorXd& theta : thetas) {
        const auto values = m_lines.partialResiduals(theta, m_feature);
        if (!values || values->size() == 0)
            continue;
        const double low = values->minCoeff();
        const double high = values->maxCoeff();
        extent = first ? std::make_pair(low, high)
                       : std::make_pair(std::min(extent.first, low), std::max(extent.second, high));
        first = false;
    }
    return extent;
}

std::pair<double, double> FitPoints::targetExtent() const
{
    if (m_lines.isEmpty())
        return { 0.0, 0.0 };
    return { m_lines.target().minCoeff(), m_lines.target().maxCoeff() };
}

void FitPoints::widenLineSpan(double lower, double upper)
{
    const double span = upper - lower;
    m_lineStart = std::min(m_lineStart, lower - lineOverhang * span);
    m_lineEnd = std::max(m_lineEnd, upper + lineOverhang * span);
}

} // namespace gdlab
