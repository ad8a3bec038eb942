#include "session/error_surface_model.h"
#include "session/core_text.h"

#include "history.h"
#include "input_error.h"
#include "loss.h"
#include "problem.h"
#include "session/iteration_model.h"
#include "surface_frame.h"

#include <QMetaObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr int contourCount = 12;

/**
 * weak.lock() == shared, without lock(): this runs for every row of every path the views draw (slicePoint(),
 * sliceLoss()), and lock() costs two atomic operations each time. A live weak pointer keeps its control block, so
 * sharing its owner means being the same object.
 */
template <typename T> bool sameObject(const std::weak_ptr<T>& weak, const std::shared_ptr<T>& shared)
{
    if (weak.expired())
        return !shared;
    return !weak.owner_before(shared) && !shared.owner_before(weak);
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
    connect(m_model, &IterationModel::runReset, this, [this] { m_dirty = true; });
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
    if (!m_sliceFor.expired() && sameObject(m_sliceFor, run))
        return;
    // A streamed run that finishes is published again with its outcome: the same history, the same slice.
    const bool finishedRun = run && run->history && m_sliceHistory.lock() == run->history;
    const bool first = !m_sliceSynced;
    m_sliceSynced = true;
    m_sliceFor = run;
    m_sliceHistory = run ? run->history : nullptr;
    if (finishedRun)
        return;
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
    return m_colours.logarithmic;
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

void ErrorSurfaceModel::setFollowCurrent(bool on)
{
    if (on == m_followCurrent)
        return;
    m_followCurrent = on;
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
    const bool atIterate = holdsAtIterate() && !model->isEmpty();
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
    if (m_model->run()->isLogistic())
        return one ? tr("%1, held at its value at Newton's optimum").arg(parts.front())
                   : tr("%1, held at their values at Newton's optimum").arg(parts.join(QStringLiteral(", ")));
    return one ? tr("%1, held at its least-squares value").arg(parts.front())
               : tr("%1, held at their least-squares values").arg(parts.join(QStringLiteral(", ")));
}

QString ErrorSurfaceModel::holdAtOptimumText() const
{
    const Run* run = m_model->run();
    if (!run || !run->isLogistic())
        return tr("others at least squares");
    return run->optimum() ? tr("others at Newton's optimum") : tr("others at the current step (no optimum)");
}

QString ErrorSurfaceModel::lossTitle() const
{
    if (m_model->run() && m_model->run()->isLogistic())
        return QStringLiteral("logloss");
    return QStringLiteral("loss (%1)")
        .arg(CoreText::loss(m_model->run() ? m_model->run()->settings.loss : LossKind::Mse));
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

double ErrorSurfaceModel::sliceLoss(const Eigen::Ref<const Eigen::VectorXd>& theta) const
{
    ensureComputed();
    if (m_xParameter >= theta.size() || m_yParameter >= theta.size())
        return std::numeric_limits<double>::quiet_NaN();
    if (m_logisticSlice)
        return m_logisticSlice->lossAt(theta);
    return m_slice ? m_lossWeight * m_slice->sumOfSquaresAt(theta) : std::numeric_limits<double>::quiet_NaN();
}

double ErrorSurfaceModel::sliceMinimumLoss() const
{
    ensureComputed();
    if (m_logisticSlice) {
        // The log loss's slice has no closed-form minimum: the optimum's, when the slice passes through it, is.
        const Run* run = m_model->run();
        const double atOptimum = run && run->optimum() ? m_logisticSlice->lossAt(*run->optimum()) : m_grid.maxValue;
        return std::min(m_grid.minValue, atOptimum);
    }
    return m_slice ? m_lossWeight * m_slice->minimumSumOfSquares() : std::numeric_limits<double>::quiet_NaN();
}

SurfaceHeights ErrorSurfaceModel::heights() const
{
    ensureComputed();
    if (m_logisticSlice) {
        const double low = sliceMinimumLoss();
        return { low, m_grid.maxValue > low ? m_grid.maxValue : low + 1 };
    }
    return m_slice ? surfaceHeights(m_grid, *m_slice, m_lossWeight) : SurfaceHeights { 0.0, 1.0 };
}

double ErrorSurfaceModel::colourMin() const
{
    ensureComputed();
    return m_colours.min;
}

double ErrorSurfaceModel::colourMax() const
{
    ensureComputed();
    return m_colours.max;
}

double ErrorSurfaceModel::colourFraction(double loss) const
{
    ensureComputed();
    return m_colours.fraction(loss);
}

int ErrorSurfaceModel::revision() const
{
    ensureComputed();
    return m_revision;
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
    // Only a slice through the current iterate, or a frame that follows it, moves with the cursor; a 2-parameter
    // surface is the whole loss.
    const Problem* problem = this->problem();
    if ((holdsAtIterate() && problem && problem->parameterCount() > 2) || m_followCurrent)
        invalidate();
}

bool ErrorSurfaceModel::Inputs::operator==(const Inputs& other) const
{
    const auto sameAxis = [](const SurfaceAxis& a, const SurfaceAxis& b) {
        return a.parameter == b.parameter && a.min == b.min && a.max == b.max && a.steps == b.steps;
    };
    return problem == other.problem && loss == other.loss && logistic == other.logistic
        && sameAxis(frame.x, other.frame.x) && sameAxis(frame.y, other.frame.y) && base.size() == other.base.size()
        && base == other.base;
}

ErrorSurfaceModel::Inputs ErrorSurfaceModel::inputs() const
{
    // What the grid is a function of: the problem, the loss, the slice and its frame. A new run of the same
    // problem whose path keeps the frame (an lr change with the same start, most often) keeps the grid.
    Inputs inputs;
    const Run* run = m_model->run();
    if (!run || !whyUnavailable().isEmpty())
        return inputs;
    inputs.problem = run->problem;
    inputs.loss = run->settings.loss;
    inputs.logistic = run->isLogistic();
    inputs.base = heldBase();
    // The log loss costs a pass over the rows per cell: fewer cells for many rows.
    inputs.frame = inputs.logistic
        ? frameLogisticSurface(*run->problem, m_xParameter, m_yParameter, run->optimum(), path(),
            logisticSurfaceSteps(run->problem->sampleCount(), m_resolution))
        : frameSurface(*run->problem, m_xParameter, m_yParameter, inputs.base, path(), m_resolution, pathRiseCache());
    if (m_followCurrent && !m_model->isEmpty()) {
        const auto theta = m_model->theta(m_model->currentRow());
        if (theta.size() == run->problem->parameterCount())
            inputs.frame = frameHolding(inputs.frame, theta(m_xParameter), theta(m_yParameter));
    }
    return inputs;
}

void ErrorSurfaceModel::ensureComputed() const
{
    // A run the grid was not computed for is a stale grid, even before this model's runReset slot has run.
    syncSlice();
    const bool sameRun = m_computed && sameObject(m_computedFor, m_model->sharedRun());
    if (!m_dirty && sameRun)
        return;
    m_dirty = false;
    m_computedFor = m_model->sharedRun();
    // A notice or a run that changed nothing the surface depends on keeps the surface and its revision, so that
    // a view that drew it already need not draw it again.
    Inputs current = inputs();
    if (m_computed && current == m_computedInputs)
        return;
    m_computed = true;
    m_computedInputs = std::move(current);
    ++m_revision;
    recompute();
}

QString ErrorSurfaceModel::whyUnavailable() const
{
    const Problem* problem = this->problem();
    if (!problem)
        return tr("No data loaded.");
    const Eigen::Index count = problem->parameterCount();
    if (count < 2)
        return tr("The error surface needs at least two parameters; this model has only %1 (%2).")
            .arg(count)
            .arg(axisTitle(0));
    if (m_xParameter < 0 || m_yParameter < 0 || m_xParameter >= count || m_yParameter >= count
        || m_xParameter == m_yParameter)
        return tr("Choose two different parameters for the error surface.");
    return {};
}

bool ErrorSurfaceModel::holdsAtIterate() const
{
    const Run* run = m_model->run();
    return m_holdMode == HoldMode::CurrentIterate || (run && !run->optimum());
}

Eigen::VectorXd ErrorSurfaceModel::heldBase() const
{
    const Problem& problem = *this->problem();
    if (holdsAtIterate() && !m_model->isEmpty()) {
        const auto theta = m_model->theta(m_model->currentRow());
        if (theta.size() == problem.parameterCount() && theta.allFinite())
            return theta;
    }
    const Eigen::VectorXd* optimum = m_model->run()->optimum();
    return optimum ? *optimum : Eigen::VectorXd(Eigen::VectorXd::Zero(problem.parameterCount()));
}

PathRiseCache* ErrorSurfaceModel::pathRiseCache() const
{
    // Another history may be allocated where a freed one was: the cache belongs to this one only.
    const std::shared_ptr<const History>& history = m_model->run()->history;
    if (m_pathRiseHistory.lock() != history) {
        m_pathRise = PathRiseCache();
        m_pathRiseHistory = history;
    }
    return &m_pathRise;
}

SurfacePath ErrorSurfaceModel::path() const
{
    SurfacePath path;
    if (!m_model->isEmpty()) {
        path.history = &m_model->history();
        path.rows = static_cast<std::size_t>(m_model->lastRow() + 1);
    }
    return path;
}

void ErrorSurfaceModel::recompute() const
{
    m_grid = SurfaceGrid();
    m_contours.clear();
    m_colours = SurfaceColourScale();
    m_base = Eigen::VectorXd();
    m_slice.reset();
    m_logisticSlice.reset();
    m_unavailableReason = whyUnavailable();
    if (m_unavailableReason.isEmpty())
        computeGrid(*problem());
}

void ErrorSurfaceModel::computeGrid(const Problem& problem) const
{
    const Inputs& inputs = m_computedInputs;
    m_base = inputs.base;
    m_lossWeight = lossWeight(inputs.loss, problem.sampleCount());
    try {
        if (inputs.logistic) {
            m_grid = computeLogisticSurface(problem, m_base, inputs.frame.x, inputs.frame.y);
            m_logisticSlice.emplace(problem, m_xParameter, m_yParameter, m_base);
        } else {
            m_slice.emplace(problem, m_xParameter, m_yParameter, m_base);
            m_grid = computeSurface(problem, inputs.loss, m_base, inputs.frame.x, inputs.frame.y);
        }
    } catch (const InputError& error) {
        m_grid = SurfaceGrid();
        m_slice.reset();
        m_logisticSlice.reset();
        m_unavailableReason = tr("The error surface cannot be computed: %1").arg(CoreText::message(error));
        return;
    }
    m_colours = SurfaceColourScale::of(m_grid);
    if (!(m_grid.maxValue > m_grid.minValue))
        return; // a flat grid (all zero, or not finite) has no contours
    for (const double level : contourLevels(m_grid, contourCount, m_colours.logarithmic)) {
        std::vector<ContourLine> lines = contourLines(m_grid, level);
        m_contours.insert(
            m_contours.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    }
}

} // namespace gdlab
