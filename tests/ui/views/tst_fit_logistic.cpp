#include "dataset.h"
#include "run.h"
#include "views/fit_class_map.h"
#include "views/fit_plot.h"
#include "views/fit_points.h"
#include "views/fit_threshold_layer.h"

#include "session/iteration_model.h"
#include "session/point_editor.h"
#include "session/session_controller.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_fit_logistic {

using namespace gdlab;

namespace {

struct Fixture {
    std::unique_ptr<SessionController> controller;
    std::unique_ptr<PointEditor> editor;
    std::unique_ptr<FitPlot> view;
    IterationModel* model() const { return controller->model(); }
};

Fixture makeFixture(const char* lesson, QSize size = QSize(640, 420))
{
    Fixture fixture;
    fixture.controller = std::make_unique<SessionController>();
    if (!fixture.controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return {};
    fixture.controller->waitForComputation();
    fixture.editor = std::make_unique<PointEditor>(fixture.controller.get());
    fixture.view = std::make_unique<FitPlot>(fixture.controller->model());
    QObject::connect(fixture.view.get(), &FitPlot::pointMoveRequested, fixture.editor.get(), &PointEditor::movePoint);
    QObject::connect(fixture.view.get(), &FitPlot::pointAddRequested, fixture.editor.get(), &PointEditor::addPoint);
    fixture.view->resize(size);
    fixture.view->show();
    if (!QTest::qWaitForWindowExposed(fixture.view.get()))
        return {};
    fixture.view->plot()->replot();
    fixture.view->plot()->replot(); // labels are placed once the layout is known
    return fixture;
}

double sigma(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

/** θ of the model's current row in the data's own units, computed here from the problem's scaling. */
Eigen::VectorXd originalTheta(const IterationModel& model, int row)
{
    return model.run()->problem->toOriginalUnits(model.theta(row));
}

/** The largest distance between a graph's points and σ(θ0 + θ1·x). */
double worstOffCurve(const QCPGraph* graph, const Eigen::VectorXd& theta)
{
    double worst = 0;
    for (const auto& point : *graph->data())
        worst = std::max(worst, std::abs(point.value - sigma(theta[0] + theta[1] * point.key)));
    return worst;
}

QRectF textRect(const QCPItemText* label)
{
    return QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition());
}

QStringList legendNames(const QCustomPlot* plot)
{
    QStringList names;
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

} // namespace

class TestFitLogistic : public QObject {
    Q_OBJECT

private slots:
    void pointsSitAtTheirClassesJittered();
    void curveIsTheSigmoidOfTheCurrentTheta();
    void optimumCurveIsDashedAndAbsentWhenSeparable();
    void thresholdAndDecisionPoint();
    void ghostCurvesWithLabelsApart();
    void axesSayProbability();
    void legendSaysWhatEachCurveIs();
    void draggedPointGoesToTheNearestClass();
    void twoFeaturesMapTheClasses();
    void classMapBoundariesAreWhereTheLogOddsAreZero();
    void shadingFollowsTheCurrentTheta();
    void predictedAgainstActualShowsProbabilities();
};

void TestFitLogistic::pointsSitAtTheirClassesJittered()
{
    Fixture f = makeFixture("exam_hours");
    QVERIFY(f.view);
    const Dataset& data = *f.model()->run()->dataset;
    const auto points = f.view->dataGraph()->data();
    QCOMPARE(points->size(), int(data.rowCount()));
    int moved = 0;
    for (int i = 0; i < int(data.rowCount()); ++i) {
        const double y = data.values()(i, 1);
        QVERIFY(std::abs(FitPoints::jitter(i)) <= FitPoints::maxJitter);
        moved += FitPoints::jitter(i) != 0 ? 1 : 0;
        // The point of row i is at its x and within the jitter of its class.
        bool found = false;
        for (const auto& point : *points)
            found = found || (point.key == data.values()(i, 0) && std::abs(point.value - y) <= FitPoints::maxJitter);
        QVERIFY(found);
    }
    QCOMPARE(moved, int(data.rowCount()));
    QCOMPARE(FitPoints::jitter(3), FitPoints::jitter(3)); // seeded by the row: the same every time
    QVERIFY(FitPoints::jitter(3) != FitPoints::jitter(4));
}

void TestFitLogistic::curveIsTheSigmoidOfTheCurrentTheta()
{
    Fixture f = makeFixture("exam_hours");
    for (int row : { 0, 10, f.model()->lastRow() }) {
        f.model()->setCurrentRow(row);
        const Eigen::VectorXd theta = originalTheta(*f.model(), row);
        const QCPGraph* curve = f.view->currentLineGraph();
        QVERIFY(worstOffCurve(curve, theta) < 1e-12);
        QVERIFY(std::abs(f.view->currentLineY(2.0) - sigma(theta[0] + 2.0 * theta[1])) < 2e-4);
        // Across the whole view, and smooth: no two neighbouring samples more than 0.05 apart in p.
        QVERIFY(curve->data()->constBegin()->key <= f.view->plot()->xAxis->range().lower);
        QVERIFY((curve->data()->constEnd() - 1)->key >= f.view->plot()->xAxis->range().upper);
        for (auto it = curve->data()->constBegin(); it + 1 != curve->data()->constEnd(); ++it)
            QVERIFY(std::abs((it + 1)->value - it->value) < 0.05);
    }
}

void TestFitLogistic::optimumCurveIsDashedAndAbsentWhenSeparable()
{
    Fixture f = makeFixture("exam_hours");
    const Eigen::VectorXd& optimum = *f.model()->run()->optimumOriginal();
    QVERIFY(worstOffCurve(f.view->leastSquaresGraph(), optimum) < 1e-12);
    QCOMPARE(f.view->leastSquaresGraph()->pen().style(), Qt::DashLine);
    QVERIFY(f.view->plot()->legend->hasItemWithPlottable(f.view->leastSquaresGraph()));

    Fixture separable = makeFixture("separable_hours");
    QVERIFY(separable.model()->run()->optimum() == nullptr);
    QVERIFY(separable.view->leastSquaresGraph()->data()->isEmpty());
    QVERIFY(!separable.view->plot()->legend->hasItemWithPlottable(separable.view->leastSquaresGraph()));
}

void TestFitLogistic::thresholdAndDecisionPoint()
{
    Fixture f = makeFixture("exam_hours");
    const FitThresholdLayer& threshold = f.view->threshold();
    QVERIFY(threshold.threshold()->visible());
    for (const auto& point : *threshold.threshold()->data())
        QCOMPARE(point.value, 0.5);
    f.model()->setCurrentRow(f.model()->lastRow());
    const Eigen::VectorXd theta = originalTheta(*f.model(), f.model()->lastRow());
    QCOMPARE(threshold.decision()->data()->size(), 1);
    const double x = -theta[0] / theta[1];
    QVERIFY(std::abs(threshold.decision()->data()->at(0)->key - x) < 1e-12);
    QVERIFY(std::abs(x - 2.71) < 0.01); // the published fit: 50 % at 2.71 hours
    QVERIFY(threshold.label()->visible());
    QVERIFY(threshold.label()->text().contains(QStringLiteral("2.71")));
    // At θ = 0 the curve is flat at 0.5: no decision point.
    f.model()->setCurrentRow(0);
    if (originalTheta(*f.model(), 0)[1] == 0) {
        QVERIFY(threshold.decision()->data()->isEmpty());
        QVERIFY(!threshold.label()->visible());
    }
    // Not for the linear model.
    Fixture linear = makeFixture("five_points");
    QVERIFY(!linear.view->threshold().threshold()->visible());
    QVERIFY(!linear.view->threshold().label()->visible());
}

void TestFitLogistic::ghostCurvesWithLabelsApart()
{
    for (const QSize size : { QSize(380, 260), QSize(640, 420) }) {
        Fixture f = makeFixture("exam_hours", size);
        QCOMPARE(f.view->ghostGraphs().size(), std::size_t(3));
        const IterationModel& model = *f.model();
        for (std::size_t g = 0; g < 3; ++g) {
            const int row = model.rowForIteration(f.model()->run()->ghostIterations[g]);
            QVERIFY(worstOffCurve(f.view->ghostGraphs()[g], originalTheta(model, row)) < 1e-12);
        }
        for (int row : { 0, 10, model.lastRow() }) {
            f.model()->setCurrentRow(row);
            f.view->plot()->replot();
            f.view->plot()->replot();
            std::vector<QRectF> labels;
            for (const QCPItemText* label : f.view->ghostLabels())
                if (label->visible())
                    labels.push_back(textRect(label));
            for (std::size_t i = 0; i < labels.size(); ++i)
                for (std::size_t j = i + 1; j < labels.size(); ++j)
                    QVERIFY2(!labels[i].intersects(labels[j]), qPrintable(QStringLiteral("row %1").arg(row)));
        }
    }
}

void TestFitLogistic::axesSayProbability()
{
    Fixture f = makeFixture("exam_hours");
    QCOMPARE(f.view->plot()->xAxis->label(), QStringLiteral("hours"));
    QCOMPARE(f.view->plot()->yAxis->label(), QStringLiteral("P(pass = 1)"));
    const QCPRange y = f.view->plot()->yAxis->range();
    QVERIFY(y.lower < -0.05 && y.lower > -0.2);
    QVERIFY(y.upper > 1.05 && y.upper < 1.2);
}

void TestFitLogistic::legendSaysWhatEachCurveIs()
{
    Fixture f = makeFixture("exam_hours");
    f.model()->setCurrentRow(10);
    f.view->plot()->replot();
    const QStringList names = legendNames(f.view->plot());
    QVERIFY2(names.contains(QStringLiteral("current fit (iteration 10)")), qPrintable(names.join('|')));
    QVERIFY(names.contains(QStringLiteral("optimum (Newton)")));
    QVERIFY(names.contains(QStringLiteral("p = 0.5 threshold")));
    QVERIFY(names.contains(QStringLiteral("decision point (p = 0.5)")));
    QVERIFY(!names.contains(QStringLiteral("least squares")));
}

void TestFitLogistic::draggedPointGoesToTheNearestClass()
{
    Fixture f = makeFixture("exam_hours");
    QVERIFY(f.view->isEditable());
    QSignalSpy moves(f.view.get(), &FitPlot::pointMoveRequested);
    // Row 0 (0.5 hours, failed) dragged to a height of 0.8: it passes.
    const Dataset& before = *f.model()->run()->dataset;
    const double x = before.values()(0, 0);
    const double y = before.values()(0, 1) + FitPoints::jitter(0);
    const QCPAxis* xAxis = f.view->plot()->xAxis;
    const QCPAxis* yAxis = f.view->plot()->yAxis;
    const QPoint from(qRound(xAxis->coordToPixel(x)), qRound(yAxis->coordToPixel(y)));
    const QPoint to(qRound(xAxis->coordToPixel(x + 0.5)), qRound(yAxis->coordToPixel(0.8)));
    QTest::mousePress(f.view->plot(), Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(f.view->plot(), (from + to) / 2);
    QTest::mouseMove(f.view->plot(), to);
    QTest::mouseRelease(f.view->plot(), Qt::LeftButton, Qt::NoModifier, to);
    QCOMPARE(moves.size(), 1);
    QCOMPARE(moves.at(0).at(2).toDouble(), 1.0);
    f.controller->waitForComputation();
    const Dataset& after = *f.model()->run()->dataset;
    QVERIFY(f.model()->run()->isLogistic());
    QCOMPARE(after.values()(0, 1), 1.0);
}

void TestFitLogistic::twoFeaturesMapTheClasses()
{
    Fixture f = makeFixture("logistic_homework");
    QCOMPARE(f.view->fitMode(), FitPlot::FeatureVsTarget);
    const FitClassMap& map = f.view->classMap();
    QVERIFY(map.isShown());
    QCOMPARE(f.view->plot()->xAxis->label(), QStringLiteral("x1"));
    QCOMPARE(f.view->plot()->yAxis->label(), QStringLiteral("x2"));
    const Dataset& data = *f.model()->run()->dataset;
    int ones = 0;
    for (Eigen::Index i = 0; i < data.rowCount(); ++i)
        ones += data.values()(i, 2) == 1 ? 1 : 0;
    QCOMPARE(map.classGraph(1)->data()->size(), ones);
    QCOMPARE(map.classGraph(0)->data()->size(), int(data.rowCount()) - ones);
    // Each class graph holds its rows at (x1, x2).
    for (const auto& point : *map.classGraph(1)->data()) {
        bool found = false;
        for (Eigen::Index i = 0; i < data.rowCount() && !found; ++i)
            found = data.values()(i, 0) == point.key && data.values()(i, 1) == point.value && data.values()(i, 2) == 1;
        QVERIFY(found);
    }
    // Told apart by colour and by shape.
    QVERIFY(map.classGraph(0)->scatterStyle().shape() != map.classGraph(1)->scatterStyle().shape());
    QVERIFY(map.classGraph(0)->pen().color() != map.classGraph(1)->pen().color());
    QVERIFY(!f.view->dataGraph()->visible());
    QVERIFY(!f.view->currentLineGraph()->visible());
    const QStringList names = legendNames(f.view->plot());
    QVERIFY2(names.contains(QStringLiteral("y = 1 (shaded where p > 0.5)")), qPrintable(names.join('|')));
    QVERIFY(names.contains(QStringLiteral("optimum's boundary")));
    // The linear model on the same data still opens on predicted against actual.
    Fixture linear = makeFixture("two_features_n100");
    if (linear.view)
        QVERIFY(!linear.view->classMap().isShown());
}

void TestFitLogistic::classMapBoundariesAreWhereTheLogOddsAreZero()
{
    Fixture f = makeFixture("logistic_homework");
    for (int row : { 10, f.model()->lastRow() }) {
        f.model()->setCurrentRow(row);
        const Eigen::VectorXd theta = originalTheta(*f.model(), row);
        const auto boundary = f.view->classMap().currentBoundary()->data();
        QCOMPARE(boundary->size(), 2);
        for (const auto& point : *boundary) {
            const double z = theta[0] + theta[1] * point.key + theta[2] * point.value;
            QVERIFY2(std::abs(z) < 1e-9 * (1 + std::abs(theta[1] * point.key)), qPrintable(QString::number(z)));
        }
    }
    const Eigen::VectorXd& optimum = *f.model()->run()->optimumOriginal();
    const auto dashed = f.view->classMap().optimumBoundary();
    QCOMPARE(dashed->pen().style(), Qt::DashLine);
    for (const auto& point : *dashed->data())
        QVERIFY(std::abs(optimum[0] + optimum[1] * point.key + optimum[2] * point.value) < 1e-9);
}

void TestFitLogistic::shadingFollowsTheCurrentTheta()
{
    Fixture f = makeFixture("logistic_homework");
    QCPColorMapData* data = f.view->classMap().shading()->data();
    for (int row : { 0, f.model()->lastRow() }) {
        f.model()->setCurrentRow(row);
        const Eigen::VectorXd theta = originalTheta(*f.model(), row);
        for (const auto& [i, j] : { std::pair { 0, 0 }, std::pair { 40, 100 }, std::pair { 159, 159 } }) {
            double x1 = 0;
            double x2 = 0;
            data->cellToCoord(i, j, &x1, &x2);
            QVERIFY(std::abs(data->cell(i, j) - sigma(theta[0] + theta[1] * x1 + theta[2] * x2)) < 1e-12);
        }
    }
}

void TestFitLogistic::predictedAgainstActualShowsProbabilities()
{
    Fixture f = makeFixture("logistic_homework");
    f.view->setFitMode(FitPlot::PredictedVsActual);
    QVERIFY(!f.view->classMap().isShown());
    QCOMPARE(f.view->plot()->yAxis->label(), QStringLiteral("P(y = 1)"));
    const int row = f.model()->lastRow();
    f.model()->setCurrentRow(row);
    const Eigen::VectorXd theta = originalTheta(*f.model(), row);
    const Dataset& data = *f.model()->run()->dataset;
    // Each point is (y, p) of a row: its p is σ of the row's log-odds, computed here from the data.
    for (const auto& point : *f.view->dataGraph()->data()) {
        bool found = false;
        for (Eigen::Index i = 0; i < data.rowCount() && !found; ++i) {
            const double p = sigma(theta[0] + theta[1] * data.values()(i, 0) + theta[2] * data.values()(i, 1));
            found = point.key == data.values()(i, 2) && std::abs(point.value - p) < 1e-12;
        }
        QVERIFY(found);
    }
    f.view->setFitMode(FitPlot::FeatureVsTarget);
    QVERIFY(f.view->classMap().isShown());
}

} // namespace tst_fit_logistic

QTEST_MAIN(tst_fit_logistic::TestFitLogistic)
#include "tst_fit_logistic.moc"
