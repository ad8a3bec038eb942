#include "problem.h"

#include "column_scaling.h"
#include "dataset.h"
#include "input_error.h"
#include "problem_accumulator.h"
#include "semi_normal_least_squares.h"

#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace gdlab {

bool ProblemSpec::operator==(const ProblemSpec& other) const
{
    return target == other.target && features == other.features && intercept == other.intercept
        && standardize == other.standardize;
}

namespace {

std::string magnitude(double largest)
{
    std::ostringstream stream;
    stream.precision(3);
    stream << largest;
    return stream.str();
}

void requireRows(const std::string& source, Eigen::Index rows, Eigen::Index parameters)
{
    if (rows < parameters)
        throw InputError(source, 0, 0,
            std::to_string(rows) + (rows == 1 ? " data row" : " data rows") + " but " + std::to_string(parameters)
                + " parameters to fit: need at least " + std::to_string(parameters) + " rows");
}

InputError tooLargeToStandardize(const std::string& source, const std::string& name, double largest)
{
    return InputError(source, 0, 0,
        "column '" + name + "' has values too large to standardize (up to " + magnitude(largest)
            + "): their sum overflows; rescale it");
}

InputError constantToStandardize(const std::string& source, const std::string& name)
{
    return InputError(source, 0, 0,
        "column '" + name + "' is constant: it cannot be standardized (deselect it or turn standardization off)");
}

// A CSV never holds NaN or infinity, but a Dataset built in code might; nothing in a Problem would survive one.
void requireFinite(const Dataset& dataset, Eigen::Index column)
{
    if (!dataset.values().col(column).allFinite())
        throw InputError(dataset.source(), 0, 0,
            "column '" + dataset.columnNames()[static_cast<std::size_t>(column)]
                + "' holds a value that is not a finite number");
}

// z-scores one design column in place (only divides by the root mean square without an intercept, since
// centring would change the model).
void standardize(const Dataset& dataset, Eigen::Index column, bool intercept, Eigen::Ref<Eigen::VectorXd> values,
    double& mean, double& scale)
{
    const std::string& name = dataset.columnNames()[static_cast<std::size_t>(column)];
    mean = intercept ? values.mean() : 0.0;
    // stableNorm: squaring values of 1e±200 would overflow or underflow and call the column constant.
    scale = (values.array() - mean).matrix().stableNorm() / std::sqrt(static_cast<double>(values.size()));
    if (!std::isfinite(mean) || !std::isfinite(scale))
        throw tooLargeToStandardize(dataset.source(), name, dataset.values().col(column).cwiseAbs().maxCoeff());
    if (!(scale > 0))
        throw constantToStandardize(dataset.source(), name);
    values = (values.array() - mean) / scale;
}

} // namespace

ProblemSpec Problem::resolveColumns(const Dataset& dataset, const ProblemSpec& requested)
{
    ProblemSpec spec = requested;
    const Eigen::Index columns = dataset.columnCount();
    const std::string& source = dataset.source();
    if (columns == 0)
        throw InputError(source, 0, 0, "the data has no numeric column");
    if (spec.target < 0)
        spec.target = columns - 1;
    if (spec.target >= columns)
        throw InputError(source, 0, 0, "target column " + std::to_string(spec.target + 1) + " does not exist");
    if (spec.features.empty()) {
        for (Eigen::Index c = 0; c < columns; ++c)
            if (c != spec.target)
                spec.features.push_back(c);
    }
    for (Eigen::Index c : spec.features) {
        if (c < 0 || c >= columns)
            throw InputError(source, 0, 0, "feature column " + std::to_string(c + 1) + " does not exist");
        if (c == spec.target)
            throw InputError(source, 0, 0,
                "column '" + dataset.columnNames()[static_cast<std::size_t>(c)]
                    + "' cannot be both the target and a feature");
    }
    if (spec.features.empty() && !spec.intercept)
        throw InputError(source, 0, 0, "no feature and no intercept: nothing to fit");
    return spec;
}

Problem::Problem(const Dataset& dataset, const ProblemSpec& requested)
    : m_spec(resolveColumns(dataset, requested))
{
    const Eigen::Index rows = dataset.rowCount();
    const Eigen::Index features = static_cast<Eigen::Index>(m_spec.features.size());
    const Eigen::Index offset = m_spec.intercept ? 1 : 0;
    const Eigen::Index parameters = features + offset;
    const auto& names = dataset.columnNames();

    requireRows(dataset.source(), rows, parameters);
    m_sampleCount = rows;
    m_parameterCount = parameters;

    m_targetName = names[static_cast<std::size_t>(m_spec.target)];
    m_target = dataset.values().col(m_spec.target);
    requireFinite(dataset, m_spec.target);
    for (Eigen::Index column : m_spec.features)
        requireFinite(dataset, column);
    m_design.resize(rows, parameters);
    m_featureMeans = Eigen::VectorXd::Zero(features);
    m_featureScales = Eigen::VectorXd::Ones(features);
    if (m_spec.intercept) {
        m_design.col(0).setOnes();
        m_parameterNames.push_back("intercept");
    }
    for (Eigen::Index f = 0; f < features; ++f) {
        const Eigen::Index column = m_spec.features[static_cast<std::size_t>(f)];
        auto designColumn = m_design.col(f + offset);
        designColumn = dataset.values().col(column);
        m_parameterNames.push_back(names[static_cast<std::size_t>(column)]);
        if (m_spec.standardize)
            standardize(dataset, column, m_spec.intercept, designColumn, m_featureMeans[f], m_featureScales[f]);
    }
    for (Eigen::Index p = 0; p < parameters; ++p)
        m_parameterSymbols.push_back("θ" + std::to_string(m_spec.intercept ? p : p + 1));

    // One pass over the data for the sufficient statistics; only the lower triangle is accumulated.
    m_gram = Eigen::MatrixXd::Zero(parameters, parameters);
    m_gram.selfadjointView<Eigen::Lower>().rankUpdate(m_design.transpose());
    m_gram = m_gram.selfadjointView<Eigen::Lower>();
    m_moment.noalias() = m_design.transpose() * m_target;
    m_targetSquaredNorm = m_target.squaredNorm();

    solveRows();
}

// The minimum-norm least-squares solution; the rank-revealing decomposition keeps ill-conditioned data (NIST StRD)
// accurate and gives a meaningful answer when a column is constant or duplicated. Columns are brought to unit norm
// first, so that rank does not depend on the data's units. Many well-conditioned rows take the normal equations and
// a refining pass over the rows instead (full rank, the same θ to the last digits, a fraction of the time).
void Problem::solveRows()
{
    if (SemiNormalLeastSquares::isWorthIt(m_design)) {
        const double centre = m_spec.intercept ? m_moment[0] / static_cast<double>(m_sampleCount) : 0.0;
        const SemiNormalLeastSquares fast(m_design, m_target, m_gram, m_moment, centre);
        if (fast.isUsable()) {
            m_rank = m_parameterCount;
            m_leastSquaresTheta = fast.solution();
            m_minimumSumOfSquares = fast.sumOfSquares();
            return;
        }
    }
    const Eigen::VectorXd scales = columnScales(m_design);
    Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> decomposition(
        m_design * scales.cwiseInverse().asDiagonal());
    m_rank = decomposition.rank();
    m_leastSquaresTheta = decomposition.solve(m_target).cwiseQuotient(scales);
    m_minimumSumOfSquares = (m_design * m_leastSquaresTheta - m_target).squaredNorm();
}

// The same checks as for rows in memory, on what was folded: squares that overflow, too few rows.
Problem::Problem(const ProblemAccumulator& rows)
    : m_spec(rows.spec())
    , m_sampleCount(rows.rowCount())
    , m_parameterCount(rows.width() - 1)
{
    const std::string& source = rows.source();
    const Eigen::Index p = m_parameterCount;
    requireRows(source, m_sampleCount, p);
    nameParameters(rows.columnNames());
    const Eigen::MatrixXd cross = rows.cross();
    for (Eigen::Index j = m_spec.intercept ? 1 : 0; j <= p; ++j) {
        if (std::isfinite(cross(j, j)))
            continue;
        const std::string& name = j < p ? m_parameterNames[static_cast<std::size_t>(j)] : m_targetName;
        throw InputError(source, 0, 0,
            "column '" + name + "' has values too large to fit (up to " + magnitude(rows.largest()[j])
                + "): their squares overflow double precision; rescale it"
                + (j < p ? " or turn standardization on" : ""));
    }
    FoldedRows folded;
    folded.triangle = rows.triangle();
    folded.triangle.conservativeResize(p + 1, p + 1); // fewer rows than columns leave R short
    folded.triangle.bottomRows(std::max<Eigen::Index>(p + 1 - rows.triangle().rows(), 0)).setZero();
    for (Eigen::Index j = 0; j < p; ++j) {
        folded.constant.push_back(rows.isConstant(j) ? 1 : 0);
        Eigen::Index same = 0;
        while (same < j && !rows.areEqual(same, j))
            ++same;
        folded.duplicateOf.push_back(same < j ? same : -1);
    }
    folded.targetVaries = m_spec.intercept ? !rows.isConstant(p) : !rows.isZero(p);
    folded.cross = rows.crossExtended();
    // The first Householder step on the column of ones centres every other column: below it, R's target column
    // holds y − ȳ.
    folded.totalNorm
        = m_spec.intercept ? folded.triangle.col(p).tail(p).stableNorm() : folded.triangle.col(p).stableNorm();
    m_featureMeans = Eigen::VectorXd::Zero(p - (m_spec.intercept ? 1 : 0));
    m_featureScales = Eigen::VectorXd::Ones(m_featureMeans.size());
    if (m_spec.standardize) {
        foldStandardized(rows, folded.triangle, folded.cross);
        const Eigen::MatrixXd product = folded.triangle.transpose() * folded.triangle;
        m_gram = product.topLeftCorner(p, p);
        m_moment = product.col(p).head(p);
        m_targetSquaredNorm = product(p, p);
    } else {
        m_gram = cross.topLeftCorner(p, p);
        m_moment = cross.col(p).head(p);
        m_targetSquaredNorm = cross(p, p);
    }
    if (const auto exact = rows.exactSolution())
        folded.exactTheta = m_spec.standardize ? fromOriginalUnits(*exact) : *exact;
    m_folded = std::move(folded);
    solveFolded();
}

void Problem::nameParameters(const std::vector<std::string>& columnNames)
{
    m_targetName = columnNames[static_cast<std::size_t>(m_spec.target)];
    if (m_spec.intercept)
        m_parameterNames.push_back("intercept");
    for (Eigen::Index column : m_spec.features)
        m_parameterNames.push_back(columnNames[static_cast<std::size_t>(column)]);
    for (Eigen::Index p = 0; p < m_parameterCount; ++p)
        m_parameterSymbols.push_back("θ" + std::to_string(m_spec.intercept ? p : p + 1));
}

// Standardizing is a change of basis of the columns, X_s = X T, so the R of the scaled columns is R T: no pass over
// the rows again. The means come from the sums, the scales from R (below the row of the intercept, the column of
// R is the centred feature).
void Problem::foldStandardized(const ProblemAccumulator& rows, Eigen::MatrixXd& triangle,
    Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>& cross)
{
    // The same change of basis for ZᵀZ, in long double: T is the identity but for the scaled columns.
    Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic> basis
        = Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>::Identity(cross.rows(), cross.cols());
    const Eigen::Index offset = m_spec.intercept ? 1 : 0;
    const double n = static_cast<double>(m_sampleCount);
    for (Eigen::Index f = 0; f < m_featureMeans.size(); ++f) {
        const Eigen::Index j = f + offset;
        const std::string& name = m_parameterNames[static_cast<std::size_t>(j)];
        const double mean = m_spec.intercept ? rows.sums()[j] / n : 0.0;
        const double scale = triangle.col(j).segment(offset, j + 1 - offset).stableNorm() / std::sqrt(n);
        if (!std::isfinite(mean) || !std::isfinite(scale))
            throw tooLargeToStandardize(rows.source(), name, rows.largest()[j]);
        if (rows.isConstant(j) || !(scale > 0))
            throw constantToStandardize(rows.source(), name);
        if (m_spec.intercept)
            triangle(0, j) -= mean * triangle(0, 0);
        triangle.col(j) /= scale;
        basis(j, j) = 1.0L / scale;
        if (m_spec.intercept)
            basis(0, j) = -static_cast<long double>(mean) / scale;
        m_featureMeans[f] = mean;
        m_featureScales[f] = scale;
    }
    cross = basis.transpose() * cross * basis;
}

// θ* minimises ‖R₁₁θ − r₁₂‖ (the rest of ‖Xθ − y‖² is r₂₂², whatever θ): the minimum-norm solution of the columns
// brought to unit norm, as for rows in memory.
void Problem::solveFolded()
{
    const Eigen::Index p = m_parameterCount;
    const Eigen::MatrixXd& triangle = m_folded->triangle;
    const Eigen::MatrixXd leading = triangle.topLeftCorner(p, p);
    const Eigen::VectorXd scales = columnScales(leading);
    Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> decomposition(leading * scales.cwiseInverse().asDiagonal());
    m_rank = decomposition.rank();
    const Eigen::VectorXd right = triangle.col(p).head(p);
    m_leastSquaresTheta = decomposition.solve(right).cwiseQuotient(scales);
    m_minimumSumOfSquares = (leading * m_leastSquaresTheta - right).squaredNorm() + triangle(p, p) * triangle(p, p);
}

double Problem::sumOfSquares(const Eigen::VectorXd& theta) const
{
    const Eigen::VectorXd delta = theta - m_leastSquaresTheta;
    const double value = delta.dot(m_gram * delta) + m_minimumSumOfSquares;
    return std::max(value, 0.0);
}

Eigen::VectorXd Problem::normalResidual(const Eigen::VectorXd& theta) const
{
    return m_gram * theta - m_moment;
}

Eigen::VectorXd Problem::toOriginalUnits(const Eigen::VectorXd& theta) const
{
    if (!m_spec.standardize)
        return theta;
    Eigen::VectorXd original = theta;
    const Eigen::Index offset = m_spec.intercept ? 1 : 0;
    const Eigen::Index features = m_featureScales.size();
    for (Eigen::Index f = 0; f < features; ++f) {
        original[f + offset] = theta[f + offset] / m_featureScales[f];
        if (m_spec.intercept)
            original[0] -= original[f + offset] * m_featureMeans[f];
    }
    return original;
}

Eigen::VectorXd Problem::fromOriginalUnits(const Eigen::VectorXd& theta) const
{
    if (!m_spec.standardize)
        return theta;
    Eigen::VectorXd scaled = theta;
    const Eigen::Index offset = m_spec.intercept ? 1 : 0;
    const Eigen::Index features = m_featureScales.size();
    for (Eigen::Index f = 0; f < features; ++f) {
        scaled[f + offset] = theta[f + offset] * m_featureScales[f];
        if (m_spec.intercept)
            scaled[0] += theta[f + offset] * m_featureMeans[f];
    }
    return scaled;
}

} // namespace gdlab
