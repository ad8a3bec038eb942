#include "session/error_surface_model.h"

#include "input_error.h"
#include "problem.h"
#include "session/iteration_model.h"

#include <QMetaObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr int contourCount = 12;
// A path is followed only while its loss stays below this multiple of the start's: a diverging run would
// otherwise stretch the range until the bowl is a dot in the middle of a flat map.
constexpr double pathLossFactor = 4.0;
constexpr double marginFraction = 0.15;
// The optimum is at least this fraction of the view from every edge, whatever else sets the range.
constexpr double optimumEdgeFraction = 0.15;
// With a log colour scale and a minimum of (nearly) zero, the colours start this far below the maximum.
constexpr double logColourDecades = 1e-4;

struct Interval {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();

    void include(double value)
    {
        if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
};

/** Widens the interval by the margin on each side, then to at least minHalfSpan around its centre. */
SurfaceAxis axisOver(const Interval& interval, double minHalfSpan, Eigen::Index parameter, int steps)
{
    double low = interval.low;
    double high = interval.high;
    const double margin = (high - low) * marginFraction;
    low -= margin;
    high += margin;
    const double centre = 0.5 * (low + high);
    if (high - centre < minHalfSpan) {
        low = centre - minHalfSpan;
        high = centre + minHalfSpan;
    }
    SurfaceAxis axis;
    axis.parameter = parameter;
    axis.min = low;
    axis.max = high;
    axis.steps = steps;
    return axis;
}

/**
 * Widens the axis so that value lies at least fraction of the span from either edge: the least-squares star is
 * a marker of some size and the view's legend and frame must not crowd it.
 */
void keepAwayFromEdges(SurfaceAxis& axis, double value, double fraction)
{
    if (!std::isfinite(value))
        return;
    if (value - axis.min < fraction * (axis.max - axis.min))
        axis.min = (value - fraction * axis.max) / (1 - fraction);
    if (axis.max - value < fraction * (axis.max - axis.min))
        axis.max = (value - fraction * axis.min) / (1 - fraction);
}

QString formatValue(double value)
{
    return QString::number(value, 'g', 5);
}

} // namespace

ErrorSurfaceModel::ErrorSurfaceModel(const IterationModel* model, QObject* parent)
    : QObject(parent)
    , m_model(model)
{
    // A new run is drawn by the views as they handle runReset; the surface they read then is brought up to date
    // on access (ensureComputed() notices the new run), whatever order the slots run in. A worker's rows and
    // its end may widen the range, and a slice through the current iterate moves with the cursor: those changes
    // reach the views as surfaceChanged.
    // Transitional, until the surface views redraw their surface on runReset: a reset also posts surfaceChanged.
    connect(m_model, &IterationModel::runReset, this, &ErrorSurfaceModel::invalidate);
    connect(m_model, &IterationModel::rowsAppended, this, &ErrorSurfaceModel::invalidate);
    connect(m_model, &IterationModel::runFinished, this, &ErrorSurfaceModel::invalidate);
    connect(m_model, &IterationModel::currentRowChanged, this, &ErrorSurfaceModel::onCurrentRowChanged);
}

const Problem* ErrorSurfaceModel::problem() const
{
    return m_model->run() ? m_model->run()->problem.get() : nullptr;
}

void ErrorSurfaceModel::syncSlice() const
{
    const std::shared_ptr<const Run>& run = m_model->sharedRun();
    if (!m_sliceFor.expired() && m_sliceFor.lock() == run)
        return;
    const bool first = !m_sliceSynced;
    m_sliceSynced = true;
    m_sliceFor = run;
    // Other parameters (other columns, another lesson or file) get the default slice; the same parameters
    // (edited points, new settings) keep the one the user chose.
    const int count = problem() ? static_cast<int>(problem()->parameterCount()) : 0;
    const RunCause cause = m_model->cause();
    const bool otherParameters
        = first || cause == RunCause::NewLesson || cause == RunCause::NewData || cause == RunCause::NewColumns;
    // NewScaling (the standardize toggle) keeps the parameters and so the slice.
    if (otherParameters || m_xParameter >= count || m_yParameter >= count) {
        const std::pair<int, int> slice = defaultParameters();
        m_xParameter = slice.first;
        m_yParameter = slice.second;
    }
}

int ErrorSurfaceModel::xParameter() const
{
    syncSlice();
    return m_xParameter;
}

int ErrorSurfaceModel::yParameter() const
{
    syncSlice();
    return m_yParameter;
}

const SurfaceGrid& ErrorSurfaceModel::grid() const
{
    ensureComputed();
    return m_grid;
}

const std::vector<ContourLine>& ErrorSurfaceModel::contours() const
{
    ensureComputed();
    return m_contours;
}

QString ErrorSurfaceModel::unavailableReason() const
{
    ensureComputed();
    return m_unavailableReason;
}

bool ErrorSurfaceModel::isLogarithmic() const
{
    ensureComputed();
    return m_logarithmic;
}

void ErrorSurfaceModel::setParameters(int xParameter, int yParameter)
{
    syncSlice();
    const Problem* problem = this->problem();
    const int count = problem ? static_cast<int>(problem->parameterCount()) : 0;
    if (xParameter < 0 || yParameter < 0 || xParameter >= count || yParameter >= count || xParameter == yParameter)
        return;
    if (xParameter == m_xParameter && yParameter == m_yParameter)
        return;
    m_xParameter = xParameter;
    m_yParameter = yParameter;
    invalidate();
}

std::pair<int, int> ErrorSurfaceModel::defaultParameters() const
{
    // One feature: intercept and slope, the whole loss. More: the first two coefficients, which is what a
    // multi-feature lesson is about; the intercept is then held.
    const Problem* problem = this->problem();
    if (problem && problem->hasIntercept() && problem->parameterCount() > 2)
        return { 1, 2 };
    return { 0, 1 };
}

void ErrorSurfaceModel::setHoldMode(HoldMode mode)
{
    if (mode == m_holdMode)
        return;
    m_holdMode = mode;
    invalidate();
}

void ErrorSurfaceModel::setResolution(int steps)
{
    steps = std::clamp(steps, 2, 2000);
    if (steps == m_resolution)
        return;
    m_resolution = steps;
    invalidate();
}

QString ErrorSurfaceModel::axisTitle(int parameter) const
{
    const Problem* problem = this->problem();
    if (!problem || parameter < 0 || parameter >= problem->parameterCount())
        return QStringLiteral("θ%1").arg(parameter);
    const QString symbol = QString::fromStdString(problem->parameterSymbols()[static_cast<std::size_t>(parameter)]);
    if (problem->hasIntercept() && parameter == 0)
        return symbol + QStringLiteral(" (intercept)");
    const QString name = QString::fromStdString(problem->parameterNames()[static_cast<std::size_t>(parameter)]);
    // In the scaled space a coefficient is the change in y per standard deviation of the feature, not per unit.
    const QString scaled = problem->isStandardized() ? QStringLiteral(", standardized") : QString();
    return QStringLiteral("%1 (slope of %2%3)").arg(symbol, name, scaled);
}

QString ErrorSurfaceModel::sliceDescription() const
{
    const Problem* problem = this->problem();
    if (!problem || problem->parameterCount() <= 2)
        return {};
    const Eigen::VectorXd base = basePoint();
    if (base.size() != problem->parameterCount())
        return {};
    const IterationModel* model = m_model;
    const bool atIterate = m_holdMode == HoldMode::CurrentIterate && !model->isEmpty();
    QStringList parts;
    for (Eigen::Index p = 0; p < problem->parameterCount(); ++p) {
        if (p == m_xParameter || p == m_yParameter)
            continue;
        const auto index = static_cast<std::size_t>(p);
        const QString name = problem->hasIntercept() && p == 0
            ? QStringLiteral("intercept")
            : QString::fromStdString(problem->parameterNames()[index]);
        parts << QStringLiteral("%1 (%2) = %3")
                     .arg(QString::fromStdString(problem->parameterSymbols()[index]), name, formatValue(base(p)));
    }
    const bool one = parts.size() == 1;
    if (atIterate) {
        const long long iteration = model->iteration(model->currentRow());
        return one ? tr("%1, held at its value at the current iterate (iteration %2)").arg(parts.front()).arg(iteration)
                   : tr("%1, held at their values at the current iterate (iteration %2)")
                         .arg(parts.join(QStringLiteral(", ")))
                         .arg(iteration);
    }
    return one ? tr("%1, held at its least-squares value").arg(parts.front())
               : tr("%1, held at their least-squares values").arg(parts.join(QStringLiteral(", ")));
}

QString ErrorSurfaceModel::lossTitle() const
{
    return QStringLiteral("loss (%1)")
        .arg(QString::fromLatin1(lossName(m_model->run() ? m_model->run()->settings.loss : LossKind::Mse)));
}

Eigen::VectorXd ErrorSurfaceModel::basePoint() const
{
    ensureComputed();
    return m_base;
}

QPointF ErrorSurfaceModel::slicePoint(const Eigen::Ref<const Eigen::VectorXd>& theta) const
{
    syncSlice();
    if (m_xParameter >= theta.size() || m_yParameter >= theta.size())
        return {};
    return { theta(m_xParameter), theta(m_yParameter) };
}

double ErrorSurfaceModel::colourMin() const
{
    ensureComputed();
    return m_colourMin;
}

double ErrorSurfaceModel::colourMax() const
{
    ensureComputed();
    return m_colourMax;
}

double ErrorSurfaceModel::colourFraction(double loss) const
{
    ensureComputed();
    double fraction = 0;
    if (m_logarithmic)
        fraction = std::log(std::max(loss, m_colourMin) / m_colourMin) / std::log(m_colourMax / m_colourMin);
    else if (m_colourMax > m_colourMin)
        fraction = (loss - m_colourMin) / (m_colourMax - m_colourMin);
    return std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
}

void ErrorSurfaceModel::invalidate()
{
    m_dirty = true;
    if (m_notifyPending)
        return;
    m_notifyPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_notifyPending = false;
            emit surfaceChanged();
        },
        Qt::QueuedConnection);
}

void ErrorSurfaceModel::onCurrentRowChanged()
{
    // Only a slice through the current iterate moves with the cursor; a 2-parameter surface is the whole loss.
    const Problem* problem = this->problem();
    if (m_holdMode == HoldMode::CurrentIterate && problem && problem->parameterCount() > 2)
        invalidate();
}

void ErrorSurfaceModel::ensureComputed() const
{
    // A run the grid was not computed for is a stale grid, even before this model's runReset slot has run.
    syncSlice();
    if (m_dirty || m_computedFor.expired() || m_computedFor.lock() != m_model->sharedRun()) {
        m_dirty = false;
        m_computedFor = m_model->sharedRun();
        recompute();
    }
}

void ErrorSurfaceModel::recompute() const
{
    m_grid = SurfaceGrid();
    m_contours.clear();
    m_logarithmic = false;
    m_colourMin = 0;
    m_colourMax = 1;
    m_base = Eigen::VectorXd();
    m_unavailableReason.clear();

    const Problem* problem = this->problem();
    if (!problem) {
        m_unavailableReason = tr("No data loaded.");
        return;
    }
    const Eigen::Index count = problem->parameterCount();
    if (count < 2) {
        m_unavailableReason = tr("The error surface needs at least two parameters; this model has only %1 (%2).")
                                  .arg(count)
                                  .arg(axisTitle(0));
        return;
    }
    const Eigen::Index px = m_xParameter;
    const Eigen::Index py = m_yParameter;
    if (px < 0 || py < 0 || px >= count || py >= count || px == py) {
        m_unavailableReason = tr("Choose two different parameters for the error surface.");
        return;
    }

    const IterationModel* model = m_model;
    const auto fits
        = [model, count](int row) { return model->theta(row).size() == count && model->theta(row).allFinite(); };
    const Eigen::VectorXd& optimum = problem->leastSquaresTheta();
    m_base = optimum;
    if (m_holdMode == HoldMode::CurrentIterate && !model->isEmpty() && fits(model->currentRow()))
        m_base = model->theta(model->currentRow());

    Interval xRange;
    Interval yRange;
    xRange.include(optimum(px));
    yRange.include(optimum(py));
    if (!model->isEmpty() && fits(0)) {
        xRange.include(model->theta(0)(px));
        yRange.include(model->theta(0)(py));
        const double limit = pathLossFactor * model->loss(0);
        for (int row = 0; row <= model->lastRow(); ++row) {
            if (fits(row) && model->loss(row) <= limit) {
                xRange.include(model->theta(row)(px));
                yRange.include(model->theta(row)(py));
            }
        }
    }

    // The loss doubles from its minimum at a distance sqrt(SSE*/Gii) along parameter i: at least that much on
    // each side keeps a start at the optimum inside a visible bowl. The relative floor covers an exact fit.
    const double minimumSse = std::max(0.0, problem->minimumSumOfSquares());
    const auto minHalfSpan = [&](Eigen::Index p) {
        const double curvature = problem->gram()(p, p);
        const double doubling = curvature > 0 ? std::sqrt(minimumSse / curvature) : 0.0;
        const double scale = std::max(std::abs(optimum(p)), 1e-3 * (1.0 + optimum.cwiseAbs().maxCoeff()));
        return std::max(doubling, 0.05 * scale);
    };
    SurfaceAxis xAxis = axisOver(xRange, minHalfSpan(px), px, m_resolution);
    SurfaceAxis yAxis = axisOver(yRange, minHalfSpan(py), py, m_resolution);
    keepAwayFromEdges(xAxis, optimum(px), optimumEdgeFraction);
    keepAwayFromEdges(yAxis, optimum(py), optimumEdgeFraction);

    try {
        m_grid = computeSurface(*problem, m_model->run()->settings.loss, m_base, xAxis, yAxis);
    } catch (const InputError& error) {
        m_grid = SurfaceGrid();
        m_unavailableReason = tr("The error surface cannot be computed: %1").arg(QString::fromStdString(error.what()));
        return;
    }
    if (!(m_grid.maxValue > m_grid.minValue)) {
        // A flat grid (all zero, or not finite) has no colours or contours to show.
        m_colourMin = m_grid.minValue;
        m_colourMax = m_grid.minValue + 1;
        return;
    }

    // Log when the loss spans more than two decades, which includes a minimum of (nearly) zero.
    m_logarithmic = m_grid.maxValue > 0 && m_grid.minValue <= m_grid.maxValue * 1e-2;
    m_colourMax = m_grid.maxValue;
    m_colourMin = m_logarithmic ? std::max(m_grid.minValue, m_grid.maxValue * logColourDecades) : m_grid.minValue;

    for (const double level : contourLevels(m_grid, contourCount, m_logarithmic)) {
        std::vector<ContourLine> lines = contourLines(m_grid, level);
        m_contours.insert(
            m_contours.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    }
}

} // namespace gdlab
