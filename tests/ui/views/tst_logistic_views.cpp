// The window's views on the three logistic lessons: the 1-D loss view draws the log loss with the tangent's slope
// its derivative, the loss view adds the accuracy on a right axis (absent for a linear run) and floors the curve at
// Newton's optimum (none when separable), the contour map names its star, and the status line says accuracy and
// Newton's optimum, or that separable data has none.
#include "support/lesson_session.h"
#include "views/contour_plot.h"
#include "views/loss_plot.h"
#include "views/parameter_loss_plot.h"
#include "views/status_summary.h"

#include "history.h"
#include "logistic_loss.h"
#include "number_format.h"
#include "run.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/tangent_marker.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_logistic_views {

using namespace gdlab;

namespace {

bool close(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

bool legendHas(const QCustomPlot* plot, QCPAbstractPlottable* plottable)
{
    return plot->legend->visible() && plot->legend->hasItemWithPlottable(plottable);
}

} // namespace

class TestLogisticViews : public QObject {
    Q_OBJECT

private slots:
    void lossAlongAParameterIsTheLogLoss();
    void lossViewShowsTheAccuracy();
    void lossViewHasNoAccuracyForALinearRun();
    void separableHasNoFloor();
    void contourStarIsNewtonsOrNone();
    void statusSaysAccuracyAndNewtonsOptimum();
    void statusSaysSeparableDataHasNoOptimum();
};

void TestLogisticViews::lossAlongAParameterIsTheLogLoss()
{
    for (const char* lesson : { "exam_hours", "logistic_homework", "separable_hours" }) {
        const auto session = test::sessionWith(lesson);
        QVERIFY(session);
        ErrorSurfaceModel surface(session->model());
        ParameterLossPlot view(session->model(), &surface);
        view.resize(640, 400);
        IterationModel& model = *session->model();
        const Run& run = *model.run();
        const LogisticLoss loss(*run.problem);
        QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("logloss"));
        for (const int row : { 0, 10, model.lastRow() }) {
            model.setCurrentRow(row);
            // Held at Newton's optimum, or at the current θ when there is none.
            const Eigen::VectorXd base = run.optimum() ? *run.optimum() : Eigen::VectorXd(model.theta(row));
            const QCPGraphDataContainer& curve = *view.curve()->data();
            for (const int i : { 0, ParameterLossPlot::samples / 3, ParameterLossPlot::samples - 1 }) {
                Eigen::VectorXd theta = base;
                theta(view.parameter()) = (curve.constBegin() + i)->key;
                QVERIFY(close((curve.constBegin() + i)->value, loss.value(theta), 1e-12));
            }
            // The tangent's slope is the log loss's derivative, as a central difference gives it.
            Eigen::VectorXd at = base;
            at(view.parameter()) = model.theta(row)(view.parameter());
            const double h = 1e-6;
            Eigen::VectorXd up = at;
            Eigen::VectorXd down = at;
            up(view.parameter()) += h;
            down(view.parameter()) -= h;
            const double difference = (loss.value(up) - loss.value(down)) / (2 * h);
            QVERIFY2(close(view.tangent()->slope(), difference, 1e-6),
                qPrintable(QStringLiteral("%1 row %2: slope %3, difference %4")
                               .arg(QString::fromLatin1(lesson))
                               .arg(row)
                               .arg(view.tangent()->slope())
                               .arg(difference)));
            QVERIFY(close(view.ball()->data()->constBegin()->value, loss.value(at), 1e-12));
        }
        // The ★ at Newton's optimum, none when separable.
        QCOMPARE(view.optimumMarker()->data()->isEmpty(), run.optimum() == nullptr);
    }
}

void TestLogisticViews::lossViewShowsTheAccuracy()
{
    const auto session = test::sessionWith("exam_hours");
    LossPlot view(session->model());
    view.resize(640, 360);
    const History& history = *session->model()->run()->history;
    QCPGraph* accuracy = view.accuracyGraph();
    QVERIFY(accuracy->visible());
    QCOMPARE(accuracy->valueAxis(), view.plot()->yAxis2);
    QVERIFY(view.plot()->yAxis2->visible());
    QVERIFY(view.plot()->yAxis2->label().contains(QStringLiteral("accuracy")));
    QVERIFY(legendHas(view.plot(), accuracy));
    QVERIFY(legendHas(view.plot(), view.lossGraph()));
    QVERIFY(accuracy->pen().color() != view.lossGraph()->pen().color());
    // Every row while the run is short: the accuracy in % at its iteration.
    QCOMPARE(accuracy->data()->size(), int(history.size()));
    for (const std::size_t row : { std::size_t(0), std::size_t(10), history.size() - 1 }) {
        const auto point = accuracy->data()->constBegin() + int(row);
        QCOMPARE(point->key, double(history.iteration(row)));
        QCOMPARE(point->value, 100 * history.accuracy(row));
    }
    QVERIFY(view.plot()->yAxis->label().contains(QStringLiteral("logloss")));
    // The floor is Newton's optimum's loss.
    QVERIFY(view.minimumLine()->visible());
    QCOMPARE(view.minimumLine()->point1->coords().y(), session->model()->run()->logistic->loss);
}

void TestLogisticViews::lossViewHasNoAccuracyForALinearRun()
{
    const auto session = test::sessionWith("exam_hours");
    LossPlot view(session->model());
    SolverSettings settings = session->model()->run()->settings;
    settings.model = ModelKind::Linear;
    QVERIFY(session->setSettings(settings).isEmpty());
    session->waitForComputation();
    QVERIFY(!view.accuracyGraph()->visible());
    QVERIFY(view.accuracyGraph()->data()->isEmpty());
    QVERIFY(!view.plot()->yAxis2->visible());
    QVERIFY(!view.plot()->legend->hasItemWithPlottable(view.accuracyGraph()));
    QVERIFY(!view.plot()->legend->visible()); // nothing to tell apart
    QVERIFY(!view.plot()->yAxis->label().contains(QStringLiteral("logloss")));
}

void TestLogisticViews::separableHasNoFloor()
{
    const auto session = test::sessionWith("separable_hours");
    LossPlot view(session->model());
    QVERIFY(!view.minimumLine()->visible());
    QVERIFY(view.accuracyGraph()->visible());
}

void TestLogisticViews::contourStarIsNewtonsOrNone()
{
    for (const char* lesson : { "exam_hours", "separable_hours" }) {
        const auto session = test::sessionWith(lesson);
        ErrorSurfaceModel surface(session->model());
        ContourPlot view(session->model(), &surface);
        view.resize(640, 480);
        const Run& run = *session->model()->run();
        QCPCurve* star = view.optimumMarker();
        if (run.optimum()) {
            QCOMPARE(star->data()->size(), 1);
            QCOMPARE(star->data()->constBegin()->key, (*run.optimum())(0));
            QCOMPARE(star->name(), QStringLiteral("optimum"));
            QVERIFY(view.plot()->legend->hasItemWithPlottable(star));
        } else {
            QVERIFY(star->data()->isEmpty());
            QVERIFY(!view.plot()->legend->hasItemWithPlottable(star));
        }
    }
}

void TestLogisticViews::statusSaysAccuracyAndNewtonsOptimum()
{
    const auto session = test::sessionWith("exam_hours");
    StatusSummary status(session->model());
    session->model()->setCurrentRow(10);
    const double accuracy = session->model()->history().accuracy(10);
    const QString text = status.text();
    QVERIFY2(
        text.contains(QStringLiteral("accuracy %1 %").arg(QString::number(100 * accuracy, 'g', 4))), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("distance to Newton's optimum")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("RMSE")));
    QVERIFY(!text.contains(QStringLiteral("least squares")));
    const double distance = (session->model()->theta(10) - *session->model()->run()->optimum()).norm();
    QVERIFY(text.contains(QString::fromStdString(formatForReading(distance, SignificantDigits::status))));
}

void TestLogisticViews::statusSaysSeparableDataHasNoOptimum()
{
    const auto session = test::sessionWith("separable_hours");
    StatusSummary status(session->model());
    const QString text = status.text();
    QVERIFY2(text.contains(QStringLiteral("no optimum: the data is linearly separable")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("distance")));
    QVERIFY(text.contains(QStringLiteral("accuracy")));
}

} // namespace tst_logistic_views

QTEST_MAIN(tst_logistic_views::TestLogisticViews)
#include "tst_logistic_views.moc"
