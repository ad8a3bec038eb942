// The loss along one parameter: the parabola is core's loss at every θ it draws, the ball sits on it at the
// current θj, the tangent's slope is ∂L/∂θj (the update's own gradient when the others are held at the current
// step or there are none), and the frame holds the start and the path.
#include "support/lesson_session.h"
#include "views/parameter_loss_plot.h"

#include "problem.h"
#include "quadratic_loss.h"
#include "run.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/off_frame_indicator.h"
#include "views/tangent_marker.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_parameter_loss_plot {

using namespace gdlab;

namespace {

struct Fixture {
    std::unique_ptr<SessionController> session;
    std::unique_ptr<ErrorSurfaceModel> surface;
    std::unique_ptr<ParameterLossPlot> view;
};

Fixture fixture(const char* lesson)
{
    Fixture f;
    f.session = test::sessionWith(lesson);
    f.surface = std::make_unique<ErrorSurfaceModel>(f.session->model());
    f.view = std::make_unique<ParameterLossPlot>(f.session->model(), f.surface.get());
    f.view->resize(640, 400);
    return f;
}

/** five_points without an intercept: one parameter, the slope through the origin. */
void dropIntercept(SessionController& session)
{
    ProblemSpec spec = session.model()->run()->problem->spec();
    spec.intercept = false;
    QVERIFY(session.setProblemSpec(spec).isEmpty());
    session.waitForComputation();
    QCOMPARE(session.model()->run()->problem->parameterCount(), 1);
}

bool close(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

/** Every point of the curve is core's loss at base with θj = the point's key. */
void verifyCurveIsTheLoss(const ParameterLossPlot& view, const Run& run, const Eigen::VectorXd& base)
{
    const QuadraticLoss loss(*run.problem, run.settings.loss);
    const auto data = view.curve()->data();
    QCOMPARE(data->size(), ParameterLossPlot::samples);
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        Eigen::VectorXd theta = base;
        theta(view.parameter()) = it->key;
        QVERIFY2(close(it->value, loss.value(theta.data()), 1e-12),
            qPrintable(QStringLiteral("at %1: %2 against %3")
                           .arg(it->key)
                           .arg(it->value, 0, 'g', 17)
                           .arg(loss.value(theta.data()), 0, 'g', 17)));
    }
}

double tangentSlope(const ParameterLossPlot& view)
{
    const QCPItemLine* line = view.tangent()->tangent();
    return (line->end->value() - line->start->value()) / (line->end->key() - line->start->key());
}

} // namespace

class TestParameterLossPlot : public QObject {
    Q_OBJECT

private slots:
    void curveIsTheLossWithTheOthersAtLeastSquares();
    void oneParameterBallAndTangentAreTheRunsOwn();
    void heldAtTheCurrentStepTheSlopeIsTheUpdatesGradient();
    void anyParameterCanBeChosen();
    void frameHoldsTheStartAndTheOptimum();
    void divergingBallIsPointedAt();
};

void TestParameterLossPlot::curveIsTheLossWithTheOthersAtLeastSquares()
{
    Fixture f = fixture("five_points");
    const Run& run = *f.session->model()->run();
    QCOMPARE(f.view->parameter(), 1); // the slope, with an intercept
    verifyCurveIsTheLoss(*f.view, run, run.problem->leastSquaresTheta());
    QCOMPARE(f.view->plot()->xAxis->label(), f.surface->axisTitle(1));
    QCOMPARE(f.view->plot()->yAxis->label(), QStringLiteral("loss (mse)"));
    QVERIFY(f.view->heldText().contains(QStringLiteral("least squares")));
    // The ★ is the optimum, the lowest point of the curve.
    const auto star = f.view->optimumMarker()->data()->constBegin();
    QCOMPARE(star->key, run.problem->leastSquaresTheta()(1));
    QVERIFY(close(star->value, run.problem->minimumSumOfSquares() / run.problem->sampleCount(), 1e-12));
}

void TestParameterLossPlot::oneParameterBallAndTangentAreTheRunsOwn()
{
    Fixture f = fixture("five_points");
    dropIntercept(*f.session);
    IterationModel& model = *f.session->model();
    QCOMPARE(f.view->parameter(), 0);
    QVERIFY(f.view->heldText().isEmpty()); // nothing is held
    verifyCurveIsTheLoss(*f.view, *model.run(), model.run()->problem->leastSquaresTheta());
    for (const int row : { 0, 1, 5, model.lastRow() }) {
        model.setCurrentRow(row);
        const auto ball = f.view->ball()->data()->constBegin();
        QCOMPARE(ball->key, model.theta(row)(0));
        QVERIFY(close(ball->value, model.loss(row), 1e-12));
        QVERIFY(close(f.view->tangent()->slope(), model.gradient(row)(0), 1e-12));
        QVERIFY(close(tangentSlope(*f.view), model.gradient(row)(0), 1e-9));
        QCOMPARE(f.view->steps()->data()->size(), std::min(row, 200));
    }
}

void TestParameterLossPlot::heldAtTheCurrentStepTheSlopeIsTheUpdatesGradient()
{
    Fixture f = fixture("three_features_ints_n20");
    f.surface->setHoldMode(ErrorSurfaceModel::HoldMode::CurrentIterate);
    QCoreApplication::processEvents(); // the surface's notice
    IterationModel& model = *f.session->model();
    QVERIFY(f.view->heldText().contains(QStringLiteral("current step")));
    for (const int row : { 3, 40 }) {
        model.setCurrentRow(row);
        const Eigen::VectorXd theta = model.theta(row);
        verifyCurveIsTheLoss(*f.view, *model.run(), theta);
        QVERIFY(close(f.view->ball()->data()->constBegin()->value, model.loss(row), 1e-12));
        QVERIFY(close(f.view->tangent()->slope(), model.gradient(row)(f.view->parameter()), 1e-12));
    }
}

void TestParameterLossPlot::anyParameterCanBeChosen()
{
    Fixture f = fixture("three_features_ints_n20");
    const Run& run = *f.session->model()->run();
    QSignalSpy changed(f.view.get(), &ParameterLossPlot::parameterChanged);
    for (int p = 0; p < 3; ++p) {
        f.view->setParameter(p);
        QCOMPARE(f.view->parameter(), p);
        verifyCurveIsTheLoss(*f.view, run, run.problem->leastSquaresTheta());
        QCOMPARE(f.view->plot()->xAxis->label(), f.surface->axisTitle(p));
    }
    QCOMPARE(changed.count(), 2); // it opened on θ0: no intercept
    f.view->setParameter(7);
    QCOMPARE(f.view->parameter(), 2);
    // Another lesson starts on its own default parameter.
    QVERIFY(f.session->loadLesson(QStringLiteral("five_points")).isEmpty());
    f.session->waitForComputation();
    QCOMPARE(f.view->parameter(), 1);
}

void TestParameterLossPlot::frameHoldsTheStartAndTheOptimum()
{
    Fixture f = fixture("five_points_rss");
    const IterationModel& model = *f.session->model();
    const QCPRange x = f.view->plot()->xAxis->range();
    const double optimum = model.run()->problem->leastSquaresTheta()(1);
    QVERIFY(x.contains(model.theta(0)(1)));
    QVERIFY(x.contains(optimum));
    QVERIFY(std::abs(x.center() - optimum) < 1e-9 * x.size());
    // The whole parabola over the frame is in sight.
    const QCPRange y = f.view->plot()->yAxis->range();
    for (auto it = f.view->curve()->data()->constBegin(); it != f.view->curve()->data()->constEnd(); ++it)
        QVERIFY(y.contains(it->value));
}

void TestParameterLossPlot::divergingBallIsPointedAt()
{
    Fixture f = fixture("five_points");
    QVERIFY(f.session->setLearningRate(0.5).isEmpty());
    f.session->waitForComputation();
    IterationModel& model = *f.session->model();
    model.setCurrentRow(model.lastRow());
    QVERIFY(!f.view->plot()->xAxis->range().contains(model.theta(model.lastRow())(1)));
    QVERIFY(f.view->tangent()->offFrame()->isShown());
    model.setCurrentRow(0);
    QVERIFY(f.view->plot()->xAxis->range().contains(model.theta(0)(1)));
    QVERIFY(!f.view->tangent()->offFrame()->isShown());
}

} // namespace tst_parameter_loss_plot

QTEST_MAIN(tst_parameter_loss_plot::TestParameterLossPlot)
#include "tst_parameter_loss_plot.moc"
