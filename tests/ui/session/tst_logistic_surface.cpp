// The error surface of the logistic lessons: the log loss over the slice (not the quadratic), held at Newton's
// optimum (or at the current θ when separable data has none), framed on the optimum with the start and the path.
#include "session/error_surface_model.h"

#include "history.h"
#include "logistic_loss.h"
#include "problem.h"
#include "run.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QtTest>

#include <Eigen/Core>

#include <cmath>
#include <memory>

namespace tst_logistic_surface {

using gdlab::ErrorSurfaceModel;
using gdlab::SessionController;
using HoldMode = gdlab::ErrorSurfaceModel::HoldMode;

namespace {

bool closeRelative(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(std::abs(expected), 1e-300);
}

bool inside(const gdlab::SurfaceGrid& grid, double a, double b)
{
    return grid.x.min < a && a < grid.x.max && grid.y.min < b && b < grid.y.max;
}

} // namespace

class TestLogisticSurface : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void gridIsTheLogLoss();
    void heldAtNewtonsOptimum();
    void frameHoldsStartPathAndOptimum();
    void separableHasNoOptimumAndHoldsThePath();
    void switchingModelRecomputes();

private:
    void load(const char* lesson);
    const gdlab::Run& run() const { return *m_controller->model()->run(); }

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<ErrorSurfaceModel> m_surface;
};

void TestLogisticSurface::init()
{
    m_controller = std::make_unique<SessionController>();
    m_surface = std::make_unique<ErrorSurfaceModel>(m_controller->model());
}

void TestLogisticSurface::cleanup()
{
    m_surface.reset();
    m_controller.reset();
}

void TestLogisticSurface::load(const char* lesson)
{
    QVERIFY(m_controller->loadLesson(QString::fromLatin1(lesson)).isEmpty());
    m_controller->waitForComputation();
}

void TestLogisticSurface::gridIsTheLogLoss()
{
    load("exam_hours");
    QVERIFY(run().isLogistic());
    QVERIFY(m_surface->isValid());
    QCOMPARE(m_surface->lossTitle(), QStringLiteral("logloss"));
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    QCOMPARE(grid.x.steps, 160); // 20 rows: far below the cap
    const gdlab::LogisticLoss loss(*run().problem);
    for (const auto& [ix, iy] : { std::pair { 0, 0 }, { 159, 0 }, { 80, 41 }, { 17, 123 }, { 159, 159 } }) {
        Eigen::VectorXd theta(2);
        theta << grid.x.valueAt(ix), grid.y.valueAt(iy);
        QVERIFY2(closeRelative(grid.at(ix, iy), loss.value(theta), 1e-12),
            qPrintable(QStringLiteral("cell (%1, %2): %3 against %4")
                           .arg(ix)
                           .arg(iy)
                           .arg(grid.at(ix, iy), 0, 'g', 17)
                           .arg(loss.value(theta), 0, 'g', 17)));
    }
    // Two parameters: the slice is the whole loss, so every state is drawn at its own log loss.
    const gdlab::History& history = *run().history;
    for (const std::size_t row : { std::size_t(0), std::size_t(10), history.size() - 1 })
        QVERIFY(closeRelative(m_surface->sliceLoss(history.theta(row)), history.loss(row), 1e-12));
    QVERIFY(closeRelative(m_surface->sliceMinimumLoss(), run().logistic->loss, 1e-12));
    QVERIFY(m_surface->heights().low <= run().logistic->loss);
    QCOMPARE(m_surface->heights().high, grid.maxValue);
    QVERIFY(!m_surface->contours().empty());
}

void TestLogisticSurface::heldAtNewtonsOptimum()
{
    load("logistic_homework");
    QCOMPARE(run().problem->parameterCount(), Eigen::Index(3));
    const Eigen::VectorXd* optimum = run().optimum();
    QVERIFY(optimum);
    QCOMPARE(m_surface->basePoint(), *optimum);
    QVERIFY(m_surface->sliceDescription().contains(QStringLiteral("Newton's optimum")));
    QVERIFY(!m_surface->sliceDescription().contains(QStringLiteral("least")));
    // Through the optimum the slice's lowest loss is the optimum's.
    QVERIFY(closeRelative(m_surface->sliceMinimumLoss(), run().logistic->loss, 1e-12));
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    const gdlab::LogisticLoss loss(*run().problem);
    Eigen::VectorXd theta = *optimum;
    theta(1) = grid.x.valueAt(33);
    theta(2) = grid.y.valueAt(101);
    QVERIFY(closeRelative(grid.at(33, 101), loss.value(theta), 1e-12));

    m_surface->setHoldMode(HoldMode::CurrentIterate);
    const Eigen::VectorXd current = m_controller->model()->theta(m_controller->model()->currentRow());
    QCOMPARE(m_surface->basePoint(), current);
    QVERIFY(closeRelative(m_surface->sliceLoss(current), loss.value(current), 1e-12));
}

void TestLogisticSurface::frameHoldsStartPathAndOptimum()
{
    for (const char* lesson : { "exam_hours", "logistic_homework" }) {
        load(lesson);
        const gdlab::SurfaceGrid& grid = m_surface->grid();
        const QPointF optimum = m_surface->slicePoint(*run().optimum());
        QVERIFY2(inside(grid, optimum.x(), optimum.y()), lesson);
        const gdlab::History& history = *run().history;
        for (std::size_t row = 0; row < history.size(); row += 7) {
            const QPointF point = m_surface->slicePoint(history.theta(row));
            QVERIFY2(inside(grid, point.x(), point.y()), qPrintable(QStringLiteral("%1 row %2").arg(lesson).arg(row)));
        }
        // Centred on the optimum, up to the rounding of the edges.
        QVERIFY(std::abs((grid.x.min + grid.x.max) / 2 - optimum.x()) <= 0.1 * (grid.x.max - grid.x.min));
        QVERIFY(std::abs((grid.y.min + grid.y.max) / 2 - optimum.y()) <= 0.1 * (grid.y.max - grid.y.min));
    }
}

void TestLogisticSurface::separableHasNoOptimumAndHoldsThePath()
{
    load("separable_hours");
    QVERIFY(run().logistic && run().logistic->separable);
    QVERIFY(!run().optimum());
    QVERIFY(m_surface->isValid());
    const gdlab::SurfaceGrid& grid = m_surface->grid();
    const gdlab::History& history = *run().history;
    for (const std::size_t row : { std::size_t(0), history.size() / 2, history.size() - 1 }) {
        const QPointF point = m_surface->slicePoint(history.theta(row));
        QVERIFY(inside(grid, point.x(), point.y()));
    }
    // The loss falls for ever: the lowest point drawn is the grid's, below the last state's loss.
    QVERIFY(m_surface->sliceMinimumLoss() <= history.loss(history.size() - 1));
    QVERIFY(std::isfinite(m_surface->heights().low));
}

void TestLogisticSurface::switchingModelRecomputes()
{
    load("exam_hours");
    const double logistic = m_surface->grid().at(5, 5);
    const int revision = m_surface->revision();
    gdlab::SolverSettings settings = run().settings;
    settings.model = gdlab::ModelKind::Linear;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(!run().isLogistic());
    QVERIFY(m_surface->revision() > revision);
    QVERIFY(m_surface->lossTitle().startsWith(QStringLiteral("loss (")));
    QVERIFY(m_surface->grid().at(5, 5) != logistic);
}

} // namespace tst_logistic_surface

QTEST_MAIN(tst_logistic_surface::TestLogisticSurface)
#include "tst_logistic_surface.moc"
