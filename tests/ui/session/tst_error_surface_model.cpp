#include "session/error_surface_model.h"
#include "support/model_states.h"

#include "loss.h"
#include "problem.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QSignalSpy>
#include <QtTest>

#include <Eigen/Core>

#include <cmath>
#include <memory>
#include <set>
#include <utility>

namespace tst_error_surface_model {

using gdlab::ErrorSurfaceModel;
using gdlab::IterationModel;
using gdlab::SessionController;
using HoldMode = gdlab::ErrorSurfaceModel::HoldMode;

namespace {

/** The loss written out from its definition over the design matrix: independent of the sufficient statistics. */
double directLoss(const gdlab::Problem& problem, gdlab::LossKind loss, const Eigen::VectorXd& theta)
{
    const double sse = (problem.design() * theta - problem.target()).squaredNorm();
    const double n = static_cast<double>(problem.sampleCount());
    switch (loss) {
    case gdlab::LossKind::Mse:
        return sse / n;
    case gdlab::LossKind::HalfMse:
        return sse / (2 * n);
    case gdlab::LossKind::Sse:
        return sse;
    }
    return 0;
}

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(std::abs(expected), 1e-300);
}

bool inside(const gdlab::SurfaceAxis& axis, double value)
{
    return axis.min < value && value < axis.max;
}

} // namespace

class TestErrorSurfaceModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fivePointsGridIsTheLoss();
    void rangeCoversStartOptimumAndPath();
    void startAtOptimumStillShowsABowl();
    void divergingRunDoesNotStretchTheRange();
    void followingKeepsTheCurrentThetaInTheFrame();
    void contoursLieOnTheirLevels();
    void logarithmicWhenTheLossSpansDecades();
    void colourFraction();
    void axisTitles();
    void twoParametersHaveNoSliceDescription();
    void sliceHeldAtLeastSquares();
    void defaultSlice();
    void optimumIsAwayFromTheEdges();
    void sliceHeldAtCurrentIterate();
    void currentRowDoesNotRecomputeATwoParameterSurface();
    void oneChangeOneNotification();
    void upToDateRightAfterAReset();
    void revisionCountsSurfaces();
    void learningRateChangeKeepsTheGrid();
    void choiceSurvivesTheEndOfAStreamedRun();
    void invalidParametersAreIgnored();
    void oneParameterHasNoSurface();
    void noDataHasNoSurface();

private:
    void load(const char* lesson);

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<ErrorSurfaceModel> m_surface;
};

void TestErrorSurfaceModel::init()
{
    m_controller = std::make_unique<SessionController>();
    m_surface = std::make_unique<ErrorSurfaceModel>(m_controller->model());
}

void TestErrorSurfaceModel::cleanup()
{
    m_surface.reset();
    m_controller.reset();
}

void TestErrorSurfaceModel::load(const char* lesson)
{
    QVERIFY(m_controller->loadLesson(QString::fromLatin1(lesson)).isEmpty());
    m_controller->waitForComputation();
}

void TestErrorSurfaceModel::fivePointsGridIsTheLoss()
{
    load("five_points");
    QVERIFY(m_surface->isValid());
    QVERIFY(m_surface->unavailableReason().isEmpty());
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    QCOMPARE(grid.x.parameter, Eigen::Index(0));
    QCOMPARE(grid.y.parameter, Eigen::Index(1));
    QCOMPARE(grid.x.steps, 160);
    QCOMPARE(grid.y.steps, 160);
    QCOMPARE(grid.values.size(), std::size_t(160 * 160));

    const gdlab::Problem& problem = *m_controller->model()->run()->problem;
    const std::pair<int, int> cells[] = { { 0, 0 }, { 159, 0 }, { 0, 159 }, { 80, 41 }, { 159, 159 }, { 17, 123 } };
    for (const auto& [ix, iy] : cells) {
        Eigen::VectorXd theta(2);
        theta << grid.x.valueAt(ix), grid.y.valueAt(iy);
        const double expected = directLoss(problem, gdlab::LossKind::Mse, theta);
        QVERIFY2(closeRelative(grid.at(ix, iy), expected, 1e-10),
            qPrintable(QStringLiteral("cell (%1, %2): %3 vs %4").arg(ix).arg(iy).arg(grid.at(ix, iy)).arg(expected)));
    }
    // The minimum of mse over five points is SSE*/5 = 1.6/5, reached at (0.6, 0.8) inside the grid.
    QVERIFY(grid.minValue >= 0.32 - 1e-12);
    QVERIFY(grid.minValue < 0.33);
    QVERIFY(grid.maxValue > grid.minValue);
}

void TestErrorSurfaceModel::rangeCoversStartOptimumAndPath()
{
    load("five_points");
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    QVERIFY(inside(grid.x, 0.6));
    QVERIFY(inside(grid.y, 0.8));
    QVERIFY(inside(grid.x, 0.75));
    QVERIFY(inside(grid.y, 0.48));
    const IterationModel& model = *m_controller->model();
    for (const gdlab::test::State& state : gdlab::test::statesOf(model)) {
        QVERIFY(inside(grid.x, state.theta(0)));
        QVERIFY(inside(grid.y, state.theta(1)));
    }
    // The margin: the extreme points are not on the border.
    const double spanY = grid.y.max - grid.y.min;
    QVERIFY(0.48 - grid.y.min > 0.05 * spanY);
    QVERIFY(grid.y.max - 0.8 > 0.05 * spanY);
}

void TestErrorSurfaceModel::startAtOptimumStillShowsABowl()
{
    load("five_points");
    QVERIFY(m_controller->setStartPoint({ 0.6, 0.8 }).isEmpty());
    m_controller->waitForComputation();
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    QVERIFY(inside(grid.x, 0.6));
    QVERIFY(inside(grid.y, 0.8));
    QVERIFY(grid.x.max - grid.x.min > 0.1);
    QVERIFY(grid.y.max - grid.y.min > 0.1);
    // The rim of the bowl is clearly higher than its bottom: at least twice the minimum loss.
    QVERIFY(grid.maxValue > 2 * grid.minValue);
}

void TestErrorSurfaceModel::divergingRunDoesNotStretchTheRange()
{
    load("five_points");
    const double spanX = m_surface->grid().x.max - m_surface->grid().x.min;
    // lr 0.1 is beyond 2/λmax ≈ 0.085 for these five points: the iterates fly off.
    QVERIFY(m_controller->setLearningRate(0.1).isEmpty());
    m_controller->waitForComputation();
    const IterationModel& model = *m_controller->model();
    const Eigen::VectorXd& last = model.theta(model.lastRow());
    QVERIFY(std::abs(last(0)) > 1e3 || std::abs(last(1)) > 1e3);
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    QVERIFY(!inside(grid.x, last(0)) || !inside(grid.y, last(1)));
    QVERIFY(grid.x.max - grid.x.min < 20 * spanX);
    QVERIFY(inside(grid.x, 0.75));
    QVERIFY(inside(grid.y, 0.48));
}

// "follow θ": the frame grows about its centre to keep the current θ of a diverging run inside, step by step, and
// goes back to the path's frame when stepping back or when following is switched off.
void TestErrorSurfaceModel::followingKeepsTheCurrentThetaInTheFrame()
{
    load("five_points");
    QVERIFY(m_controller->setLearningRate(0.09).isEmpty());
    m_controller->waitForComputation();
    IterationModel& model = *m_controller->model();
    const gdlab::SurfaceGrid unfollowed = m_surface->grid();
    const int far = std::min(model.lastRow(), 60);
    model.setCurrentRow(far);
    QVERIFY(!inside(m_surface->grid().x, model.theta(far)(0)) || !inside(m_surface->grid().y, model.theta(far)(1)));
    QSignalSpy changed(m_surface.get(), &ErrorSurfaceModel::surfaceChanged);
    m_surface->setFollowCurrent(true);
    QVERIFY(m_surface->followsCurrent());
    for (const int row : { 0, 10, 30, far }) {
        model.setCurrentRow(row);
        QCoreApplication::processEvents();
        const gdlab::SurfaceGrid& grid = m_surface->grid();
        QVERIFY2(inside(grid.x, model.theta(row)(0)) && inside(grid.y, model.theta(row)(1)),
            qPrintable(QStringLiteral("row %1").arg(row)));
        // The grid is still the loss, and still holds the optimum and the start.
        QVERIFY(inside(grid.x, 0.75) && inside(grid.y, 0.48));
    }
    QVERIFY(changed.count() > 0);
    m_surface->setFollowCurrent(false);
    QCOMPARE(m_surface->grid().x.max, unfollowed.x.max);
    QCOMPARE(m_surface->grid().y.min, unfollowed.y.min);
}

void TestErrorSurfaceModel::contoursLieOnTheirLevels()
{
    load("five_points");
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    const std::vector<gdlab::ContourLine>& contours = m_surface->contours();
    QVERIFY(!contours.empty());
    std::set<double> levels;
    const gdlab::Problem& problem = *m_controller->model()->run()->problem;
    const double tolerance = (grid.maxValue - grid.minValue) * 1e-3;
    for (const gdlab::ContourLine& line : contours) {
        levels.insert(line.level);
        QVERIFY(line.level > grid.minValue && line.level < grid.maxValue);
        QVERIFY(line.points.size() >= 2);
        const gdlab::ContourPoint& point = line.points[line.points.size() / 2];
        QVERIFY(point.x >= grid.x.min && point.x <= grid.x.max);
        QVERIFY(point.y >= grid.y.min && point.y <= grid.y.max);
        Eigen::VectorXd theta(2);
        theta << point.x, point.y;
        // Linear interpolation along a cell edge: close to the level, not exact.
        QVERIFY(std::abs(directLoss(problem, gdlab::LossKind::Mse, theta) - line.level) < tolerance);
    }
    QVERIFY(levels.size() >= 8);
    QVERIFY(levels.size() <= 12);
}

void TestErrorSurfaceModel::logarithmicWhenTheLossSpansDecades()
{
    // Started at the optimum, five_points shows the bowl out to where the loss doubles: linear colours.
    load("five_points");
    const Eigen::VectorXd optimum = m_controller->model()->run()->problem->leastSquaresTheta();
    QVERIFY(m_controller->setStartPoint({ optimum(0), optimum(1) }).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(!m_surface->isLogarithmic());
    QCOMPARE(m_surface->colourMin(), m_surface->grid().minValue);
    QCOMPARE(m_surface->colourMax(), m_surface->grid().maxValue);

    // From zeros, y ≈ 2 + 3·x1 + 4·x2 starts at a loss far above the small noise left at the optimum.
    load("two_features_n100");
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    QVERIFY(grid.maxValue > 100 * grid.minValue);
    QVERIFY(m_surface->isLogarithmic());
    QVERIFY(m_surface->colourMin() > 0);
    QVERIFY(m_surface->colourMin() >= grid.minValue);
    QCOMPARE(m_surface->colourMax(), grid.maxValue);
    // Log levels crowd towards the minimum: the lowest is much nearer to it than an even spacing would be.
    std::set<double> levels;
    for (const gdlab::ContourLine& line : m_surface->contours())
        levels.insert(line.level);
    QVERIFY(!levels.empty());
    QVERIFY(*levels.begin() - grid.minValue < (grid.maxValue - grid.minValue) / 13 / 10);
}

void TestErrorSurfaceModel::colourFraction()
{
    load("two_features_n100");
    QCOMPARE(m_surface->colourFraction(m_surface->colourMin()), 0.0);
    QCOMPARE(m_surface->colourFraction(m_surface->colourMax()), 1.0);
    QCOMPARE(m_surface->colourFraction(0.0), 0.0); // below the floor of a log scale: clamped, never NaN
    const double middle = std::sqrt(m_surface->colourMin() * m_surface->colourMax());
    QVERIFY(std::abs(m_surface->colourFraction(middle) - 0.5) < 1e-9);
}

void TestErrorSurfaceModel::axisTitles()
{
    load("five_points");
    QCOMPARE(m_surface->axisTitle(0), QStringLiteral("θ0 (intercept)"));
    QCOMPARE(m_surface->axisTitle(1), QStringLiteral("θ1 (slope of x)"));
    QCOMPARE(m_surface->lossTitle(), QStringLiteral("loss (mse)"));
    load("two_features_n100");
    QCOMPARE(m_surface->axisTitle(2), QStringLiteral("θ2 (slope of x2)"));
    load("five_points_rss");
    QCOMPARE(m_surface->lossTitle(), QStringLiteral("loss (sse)"));
}

void TestErrorSurfaceModel::twoParametersHaveNoSliceDescription()
{
    load("five_points");
    QCOMPARE(m_surface->sliceDescription(), QString());
    m_surface->setHoldMode(HoldMode::CurrentIterate);
    QCOMPARE(m_surface->sliceDescription(), QString());
}

void TestErrorSurfaceModel::sliceHeldAtLeastSquares()
{
    load("two_features_n100");
    const gdlab::Problem& problem = *m_controller->model()->run()->problem;
    QCOMPARE(problem.parameterCount(), Eigen::Index(3));
    const Eigen::VectorXd& optimum = problem.leastSquaresTheta();

    // Chosen: intercept and first slope, θ2 held at its least-squares value.
    QSignalSpy changed(m_surface.get(), &ErrorSurfaceModel::surfaceChanged);
    m_surface->setParameters(0, 1);
    QVERIFY(changed.wait(1000));
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 1);
    QString description = m_surface->sliceDescription();
    QVERIFY2(description.contains(QStringLiteral("θ2 (x2)")), qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("least-squares")), qPrintable(description));
    QVERIFY2(description.contains(QString::number(optimum(2), 'g', 5)), qPrintable(description));

    changed.clear();
    m_surface->setParameters(1, 2);
    QVERIFY(changed.wait(1000));
    QCOMPARE(m_surface->xParameter(), 1);
    QCOMPARE(m_surface->yParameter(), 2);
    description = m_surface->sliceDescription();
    QVERIFY2(description.startsWith(QStringLiteral("θ0 (intercept) = ")), qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("held at its least-squares value")), qPrintable(description));
    QVERIFY2(description.contains(QString::number(optimum(0), 'g', 5)), qPrintable(description));
    QCOMPARE(m_surface->axisTitle(m_surface->xParameter()), QStringLiteral("θ1 (slope of x1)"));

    const gdlab::SurfaceGrid& grid = m_surface->grid();
    QCOMPARE(grid.x.parameter, Eigen::Index(1));
    QCOMPARE(grid.y.parameter, Eigen::Index(2));
    QVERIFY(inside(grid.x, optimum(1)));
    QVERIFY(inside(grid.y, optimum(2)));
    // The start (zeros) is on the map too.
    QVERIFY(inside(grid.x, 0.0));
    QVERIFY(inside(grid.y, 0.0));
    const std::pair<int, int> cells[] = { { 0, 0 }, { 100, 30 }, { 159, 159 } };
    for (const auto& [ix, iy] : cells) {
        Eigen::VectorXd theta = optimum;
        theta(1) = grid.x.valueAt(ix);
        theta(2) = grid.y.valueAt(iy);
        QVERIFY(closeRelative(grid.at(ix, iy), directLoss(problem, gdlab::LossKind::Mse, theta), 1e-9));
    }
    QVERIFY(m_surface->basePoint() == optimum);
    QCOMPARE(m_surface->slicePoint(optimum), QPointF(optimum(1), optimum(2)));
}

void TestErrorSurfaceModel::defaultSlice()
{
    // One feature: intercept and slope, the whole loss.
    load("five_points");
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 1);
    // Intercept and more features: the first two coefficients, the intercept held.
    load("two_features_n100");
    QCOMPARE(m_surface->defaultParameters(), std::make_pair(1, 2));
    QCOMPARE(m_surface->xParameter(), 1);
    QCOMPARE(m_surface->yParameter(), 2);
    QCOMPARE(m_surface->grid().x.parameter, Eigen::Index(1));
    QVERIFY(m_surface->sliceDescription().startsWith(QStringLiteral("θ0 (intercept) = ")));
    // Also for a surface made after the data was loaded (gdlab --lesson builds the window afterwards).
    const ErrorSurfaceModel later(m_controller->model());
    QCOMPARE(later.xParameter(), 1);
    QCOMPARE(later.yParameter(), 2);
    // No intercept: θ1 and θ2 are parameters 0 and 1, θ3 held.
    load("three_features_ints_n20");
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 1);
    QVERIFY2(
        m_surface->sliceDescription().startsWith(QStringLiteral("θ3 (")), qPrintable(m_surface->sliceDescription()));
    // A user's choice survives the standardize toggle (the same parameters), not a change of columns.
    load("two_features_n100");
    m_surface->setParameters(0, 2);
    gdlab::ProblemSpec spec = m_controller->model()->run()->problem->spec();
    spec.standardize = true;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 2);
    spec.features = { 1, 0 };
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_surface->xParameter(), 1);
    QCOMPARE(m_surface->yParameter(), 2);
}

void TestErrorSurfaceModel::optimumIsAwayFromTheEdges()
{
    const char* lessons[] = { "five_points", "five_points_rss", "two_features_n100", "two_features_n50",
        "three_features_ints_n20", "nist_norris" };
    for (const char* lesson : lessons) {
        load(lesson);
        const Eigen::VectorXd& optimum = m_controller->model()->run()->problem->leastSquaresTheta();
        const gdlab::SurfaceGrid& grid = m_surface->grid();
        const double u = (optimum(m_surface->xParameter()) - grid.x.min) / (grid.x.max - grid.x.min);
        const double v = (optimum(m_surface->yParameter()) - grid.y.min) / (grid.y.max - grid.y.min);
        const QString where
            = QStringLiteral("%1: star at (%2, %3) of the map").arg(QString::fromLatin1(lesson)).arg(u).arg(v);
        QVERIFY2(u >= 0.149 && u <= 0.851, qPrintable(where));
        QVERIFY2(v >= 0.149 && v <= 0.851, qPrintable(where));
    }
}

void TestErrorSurfaceModel::sliceHeldAtCurrentIterate()
{
    load("two_features_n100");
    m_surface->setParameters(1, 2);
    m_surface->setHoldMode(HoldMode::CurrentIterate);
    IterationModel& model = *m_controller->model();
    model.setCurrentRow(7);
    const Eigen::VectorXd theta7 = model.theta(7);

    QString description = m_surface->sliceDescription();
    QVERIFY2(description.contains(QStringLiteral("current iterate (iteration 7)")), qPrintable(description));
    QVERIFY2(description.contains(QString::number(theta7(0), 'g', 5)), qPrintable(description));
    QVERIFY(!description.contains(QStringLiteral("least-squares")));
    QVERIFY(m_surface->basePoint() == theta7);

    // The slice passes through the current iterate, so the surface there is the current loss.
    const gdlab::Problem& problem = *m_controller->model()->run()->problem;
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    Eigen::VectorXd cell = theta7;
    cell(1) = grid.x.valueAt(40);
    cell(2) = grid.y.valueAt(90);
    QVERIFY(closeRelative(grid.at(40, 90), directLoss(problem, gdlab::LossKind::Mse, cell), 1e-9));

    // Stepping moves the slice: one (queued) notification, and a new base.
    QSignalSpy changed(m_surface.get(), &ErrorSurfaceModel::surfaceChanged);
    QCoreApplication::processEvents();
    changed.clear();
    model.setCurrentRow(30);
    QVERIFY(changed.wait(1000));
    QVERIFY(m_surface->basePoint() == model.theta(30));
    QVERIFY(m_surface->sliceDescription().contains(QStringLiteral("iteration 30")));

    m_surface->setHoldMode(HoldMode::LeastSquares);
    QVERIFY(m_surface->basePoint() == problem.leastSquaresTheta());
    QVERIFY(m_surface->sliceDescription().contains(QStringLiteral("least-squares")));
}

void TestErrorSurfaceModel::currentRowDoesNotRecomputeATwoParameterSurface()
{
    load("five_points");
    m_surface->setHoldMode(HoldMode::CurrentIterate);
    (void)m_surface->grid();
    QSignalSpy changed(m_surface.get(), &ErrorSurfaceModel::surfaceChanged);
    QCoreApplication::processEvents();
    changed.clear();
    m_controller->model()->setCurrentRow(12);
    m_controller->model()->setCurrentRow(500);
    QCoreApplication::processEvents();
    QCOMPARE(changed.count(), 0);

    load("two_features_n100");
    QCoreApplication::processEvents();
    changed.clear();
    m_surface->setHoldMode(HoldMode::LeastSquares);
    QCoreApplication::processEvents();
    changed.clear();
    m_controller->model()->setCurrentRow(12);
    QCoreApplication::processEvents();
    QCOMPARE(changed.count(), 0);
}

void TestErrorSurfaceModel::oneChangeOneNotification()
{
    load("two_features_n100");
    QSignalSpy changed(m_surface.get(), &ErrorSurfaceModel::surfaceChanged);
    QCoreApplication::processEvents();
    changed.clear();
    // Several changes in one turn of the event loop: one recomputation, one (queued) signal.
    m_surface->setParameters(0, 2);
    m_surface->setHoldMode(HoldMode::CurrentIterate);
    m_surface->setResolution(80);
    QCOMPARE(changed.count(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_surface->grid().x.steps, 80);
    QCOMPARE(m_surface->grid().y.parameter, Eigen::Index(2));
}

void TestErrorSurfaceModel::upToDateRightAfterAReset()
{
    load("five_points");
    (void)m_surface->grid();
    // A new start resets the run: whoever reads the surface in a runReset slot gets the new one, without waiting
    // for any notification.
    bool covered = false;
    connect(m_controller->model(), &IterationModel::runReset, this,
        [this, &covered] { covered = inside(m_surface->grid().x, 0.0) && inside(m_surface->grid().y, 0.0); });
    QVERIFY(m_controller->setStartPoint({ 0.0, 0.0 }).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(covered);
}

void TestErrorSurfaceModel::revisionCountsSurfaces()
{
    load("two_features_n100");
    const int first = m_surface->revision();
    QCoreApplication::processEvents();
    // Nothing the surface depends on changed: the same surface, the same revision.
    QCOMPARE(m_surface->revision(), first);
    m_controller->model()->setCurrentRow(12);
    QCoreApplication::processEvents();
    QCOMPARE(m_surface->revision(), first);

    m_surface->setParameters(0, 1);
    QCOMPARE(m_surface->revision(), first + 1);
    m_surface->setParameters(0, 1); // no change
    m_surface->setHoldMode(HoldMode::CurrentIterate);
    QCOMPARE(m_surface->revision(), first + 2);
    m_controller->model()->setCurrentRow(30); // the slice moves with the cursor
    QCOMPARE(m_surface->revision(), first + 3);

    // A new run is a new surface, read in the reset or after it: one revision either way.
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    m_controller->waitForComputation();
    const int afterReset = m_surface->revision();
    QVERIFY(afterReset > first + 3);
    QCoreApplication::processEvents();
    QCOMPARE(m_surface->revision(), afterReset);
}

void TestErrorSurfaceModel::learningRateChangeKeepsTheGrid()
{
    // The grid is a function of the problem, the loss, the slice and its frame; a run from the same start whose
    // path stays inside the start's level set keeps the frame, so dragging the rate does not re-grid the surface.
    load("five_points");
    const int first = m_surface->revision();
    const gdlab::SurfaceGrid before = m_surface->grid();
    for (const double rate : { 0.02, 0.005, 0.05 }) {
        QVERIFY(m_controller->setLearningRate(rate).isEmpty());
        m_controller->waitForComputation();
        QCoreApplication::processEvents();
        QCOMPARE(m_surface->revision(), first);
    }
    QCOMPARE(m_surface->grid().x.min, before.x.min);
    QCOMPARE(m_surface->grid().y.max, before.y.max);
    // Another start is another frame: a new surface.
    QVERIFY(m_controller->setStartPoint({ 4.0, -3.0 }).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(m_surface->revision() > first);
    // So is another loss, even with the same frame (sse is five times mse here).
    const int second = m_surface->revision();
    gdlab::SolverSettings settings = m_controller->model()->run()->settings;
    settings.loss = gdlab::LossKind::Sse;
    settings.learningRate = 0.002;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(m_surface->revision() > second);
}

void TestErrorSurfaceModel::choiceSurvivesTheEndOfAStreamedRun()
{
    load("two_features_n100");
    gdlab::SolverSettings settings = m_controller->model()->run()->settings;
    settings.iterations = 3'000'000; // long enough to stream in from the worker
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QCoreApplication::processEvents();
    QVERIFY(m_controller->model()->run()->isComplete());

    // Other columns: the default slice for the new run, then the user's choice while its rows stream in.
    const QMetaObject::Connection choose
        = connect(m_controller->model(), &IterationModel::runReset, this, [this](gdlab::RunCause cause) {
              QCOMPARE(cause, gdlab::RunCause::NewColumns);
              QVERIFY(m_controller->model()->isComputing());
              m_surface->setParameters(0, 2);
          });
    gdlab::ProblemSpec spec = m_controller->model()->run()->problem->spec();
    spec.features = { 1, 0 };
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QTRY_VERIFY(m_controller->model()->run()->isComplete());
    disconnect(choose);
    // The finished run is the same run with its outcome: the choice stays.
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 2);
}

void TestErrorSurfaceModel::invalidParametersAreIgnored()
{
    load("five_points");
    m_surface->setParameters(1, 1);
    m_surface->setParameters(0, 2);
    m_surface->setParameters(-1, 0);
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 1);
    m_surface->setParameters(1, 0); // swapped axes are a valid choice
    QCOMPARE(m_surface->xParameter(), 1);
    QCOMPARE(m_surface->grid().x.parameter, Eigen::Index(1));

    // A problem with fewer parameters than the chosen slice falls back to the first two.
    load("two_features_n100");
    m_surface->setParameters(2, 1);
    QCOMPARE(m_surface->xParameter(), 2);
    load("five_points");
    QCOMPARE(m_surface->xParameter(), 0);
    QCOMPARE(m_surface->yParameter(), 1);
    QVERIFY(m_surface->isValid());
}

void TestErrorSurfaceModel::oneParameterHasNoSurface()
{
    load("five_points");
    gdlab::ProblemSpec spec = m_controller->model()->run()->problem->spec();
    spec.intercept = false;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(m_controller->model()->run()->problem->parameterCount(), Eigen::Index(1));
    QVERIFY(!m_surface->isValid());
    QVERIFY(m_surface->contours().empty());
    QVERIFY2(m_surface->unavailableReason().contains(QStringLiteral("at least two parameters")),
        qPrintable(m_surface->unavailableReason()));
    QCOMPARE(m_surface->sliceDescription(), QString());
}

void TestErrorSurfaceModel::noDataHasNoSurface()
{
    QVERIFY(!m_surface->isValid());
    QVERIFY(!m_surface->unavailableReason().isEmpty());
    QCOMPARE(m_surface->sliceDescription(), QString());
}

} // namespace tst_error_surface_model

QTEST_MAIN(tst_error_surface_model::TestErrorSurfaceModel)
#include "tst_error_surface_model.moc"
