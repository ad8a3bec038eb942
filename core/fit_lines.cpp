#include "fit_lines.h"

#include "dataset.h"
#include "problem.h"
#include "problem_accumulator.h"
#include "row_sample.h"
#include "sampled_csv_reader.h"

#include <algorithm>
#include <utility>

namespace gdlab {

FitLines::FitLines(std::shared_ptr<const Problem> problem, const Dataset& dataset)
    : m_problem(std::move(problem))
{
    // A dataset that is not the problem's (a run still being prepared) gives no lines rather than wrong ones.
    if (!m_problem || dataset.fullRowCount() != m_problem->sampleCount())
        return;
    const auto& columns = m_problem->featureColumns();
    const auto featureCount = static_cast<Eigen::Index>(columns.size());
    // Every row of a long file kept (SGD needs them) is still drawn as a sample, as a sampled file's are.
    Eigen::MatrixXd thinned;
    if (!dataset.isSample() && dataset.rowCount() > maxDrawnRows) {
        const SampledCsvReader::Limits limits;
        RowSample sample(dataset.columnCount(), limits.uniformRows, limits.tailRows, limits.seed);
        sample.add(dataset.values());
        thinned = sample.rows();
        m_drawnRows = sample.positions();
    }
    const Eigen::MatrixXd& values = m_drawnRows.empty() ? dataset.values() : thinned;
    m_features.resize(values.rows(), featureCount);
    for (Eigen::Index j = 0; j < featureCount; ++j)
        m_features.col(j) = values.col(columns[static_cast<std::size_t>(j)]);
    m_target = values.col(m_problem->spec().target);
    if (dataset.isSample()) {
        // The line holds the other features at the means of all the rows, not of the rows drawn.
        const ProblemAccumulator& fold = *dataset.fold();
        m_featureMeans.resize(featureCount);
        for (Eigen::Index j = 0; j < featureCount; ++j)
            m_featureMeans[j]
                = fold.sums()[columns[static_cast<std::size_t>(j)] + 1] / static_cast<double>(fold.rowCount());
    } else if (isThinned()) {
        m_featureMeans.resize(featureCount);
        for (Eigen::Index j = 0; j < featureCount; ++j)
            m_featureMeans[j] = dataset.values().col(columns[static_cast<std::size_t>(j)]).mean();
    } else if (featureCount > 0 && m_features.rows() > 0)
        m_featureMeans = m_features.colwise().mean().transpose();
    else
        m_featureMeans = Eigen::VectorXd::Zero(featureCount);
}

Eigen::Index FitLines::heldIndexOf(Eigen::Index datasetRow) const
{
    if (m_drawnRows.empty())
        return datasetRow >= 0 && datasetRow < rowCount() ? datasetRow : -1;
    const auto found = std::lower_bound(m_drawnRows.begin(), m_drawnRows.end(), datasetRow);
    return found != m_drawnRows.end() && *found == datasetRow ? Eigen::Index(found - m_drawnRows.begin()) : -1;
}

bool FitLines::accepts(const Eigen::VectorXd& theta) const
{
    return m_problem && !isEmpty() && theta.size() == m_problem->parameterCount() && theta.allFinite();
}

bool FitLines::originalCoefficients(const Eigen::VectorXd& theta, double& intercept, Eigen::VectorXd& weights) const
{
    if (!accepts(theta))
        return false;
    const Eigen::VectorXd original = m_problem->toOriginalUnits(theta);
    const Eigen::Index offset = m_problem->hasIntercept() ? 1 : 0;
    intercept = offset ? original[0] : 0.0;
    weights = original.tail(original.size() - offset);
    return weights.size() == featureCount();
}

std::optional<FitLines::Line> FitLines::line(const Eigen::VectorXd& theta, Eigen::Index feature) const
{
    return lineOf(theta, feature, true);
}

std::optional<FitLines::Line> FitLines::partialLine(const Eigen::VectorXd& theta, Eigen::Index feature) const
{
    return lineOf(theta, feature, false);
}

std::optional<FitLines::Line> FitLines::lineOf(
    const Eigen::VectorXd& theta, Eigen::Index feature, bool othersAtTheirMeans) const
{
    Line result;
    Eigen::VectorXd weights;
    if (!originalCoefficients(theta, result.intercept, weights))
        return std::nullopt;
    if (weights.size() == 0)
        return result; // intercept only: flat
    if (feature < 0 || feature >= weights.size())
        return std::nullopt;
    if (othersAtTheirMeans)
        for (Eigen::Index j = 0; j < weights.size(); ++j)
            if (j != feature)
                result.intercept += weights[j] * m_featureMeans[j];
    result.slope = weights[feature];
    return result;
}

std::optional<Eigen::VectorXd> FitLines::partialResiduals(const Eigen::VectorXd& theta, Eigen::Index feature) const
{
    double intercept = 0;
    Eigen::VectorXd weights;
    if (!originalCoefficients(theta, intercept, weights)
        || (weights.size() > 0 && (feature < 0 || feature >= weights.size())))
        return std::nullopt;
    if (weights.size() > 0)
        weights[feature] = 0; // this feature's own term stays in the plot, on the line
    Eigen::VectorXd result = m_target - m_features * weights;
    return result;
}

std::optional<Eigen::VectorXd> FitLines::predictions(const Eigen::VectorXd& theta) const
{
    double intercept = 0;
    Eigen::VectorXd weights;
    if (!originalCoefficients(theta, intercept, weights))
        return std::nullopt;
    Eigen::VectorXd result = (m_features * weights).array() + intercept;
    return result;
}

std::optional<Eigen::VectorXd> FitLines::residuals(const Eigen::VectorXd& theta) const
{
    std::optional<Eigen::VectorXd> result = predictions(theta);
    if (result)
        *result -= m_target;
    return result;
}

} // namespace gdlab
