#include "support/lesson_session.h"
#include "views/loss_curve.h"

#include "session/iteration_model.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

using gdlab::IterationModel;
using gdlab::LossCurve;
using gdlab::LossExtent;
using gdlab::PlotStyle;

class TestLossCurve : public QObject {
    Q_OBJECT

private slots:
    void rebuildDrawsEveryRow();
    void extentOfTheRows();
    void appendExtends();
    void appendElsewhereRebuilds();
    void plotted_data();
    void plotted();
    void capLimitsTheMaximum();
    void longCurvesAreSampled();
    void presentationIsThicker();
};

void TestLossCurve::rebuildDrawsEveryRow()
{
    auto session = gdlab::test::sessionWith("five_points");
    const IterationModel& model = *session->model();
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(model, true);
    QCOMPARE(curve.graph()->data()->size(), model.rowCount());
    for (int row : { 0, 1, 999, 1000 }) {
        QCOMPARE(curve.graph()->data()->at(row)->key, double(model.iteration(row)));
        QCOMPARE(curve.graph()->data()->at(row)->value, model.loss(row));
    }
    // A rebuild replaces, never adds.
    curve.rebuild(model, true);
    QCOMPARE(curve.graph()->data()->size(), model.rowCount());
}

void TestLossCurve::extentOfTheRows()
{
    auto session = gdlab::test::sessionWith("five_points");
    const IterationModel& model = *session->model();
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(model, false);
    double highest = 0;
    double lowest = std::numeric_limits<double>::infinity();
    for (int row = 0; row <= model.lastRow(); ++row) {
        highest = std::max(highest, model.loss(row));
        lowest = std::min(lowest, model.loss(row));
    }
    QCOMPARE(curve.extent().maxLoss, highest);
    QCOMPARE(curve.extent().minPositiveLoss, lowest);
    QCOMPARE(curve.extent().lastIteration, double(model.iteration(model.lastRow())));
}

void TestLossCurve::appendExtends()
{
    auto session = gdlab::test::sessionWith("five_points");
    IterationModel& model = *session->model();
    auto streaming = std::make_shared<gdlab::Run>(*model.run());
    streaming->outcome.reset();
    model.setRun(streaming, 0, 1);
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(model, true);
    QCOMPARE(curve.graph()->data()->size(), 1);
    model.appendRows(300);
    curve.append(model, 1, 299, true);
    QCOMPARE(curve.graph()->data()->size(), 300);
    QCOMPARE(curve.graph()->data()->at(299)->value, model.loss(299));
    QCOMPARE(curve.extent().lastIteration, 299.0);
    QCOMPARE(curve.extent().minPositiveLoss, model.loss(299));
}

void TestLossCurve::appendElsewhereRebuilds()
{
    auto session = gdlab::test::sessionWith("five_points");
    const IterationModel& model = *session->model();
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(model, true);
    // Rows that do not continue the curve (here: rows it already has) start it over.
    curve.append(model, 10, 20, true);
    QCOMPARE(curve.graph()->data()->size(), model.rowCount());
    QCOMPARE(curve.graph()->data()->at(20)->key, 20.0);
}

void TestLossCurve::plotted_data()
{
    QTest::addColumn<double>("loss");
    QTest::addColumn<bool>("logarithmic");
    QTest::addColumn<double>("expected");
    QTest::addRow("positive, log") << 0.25 << true << 0.25;
    QTest::addRow("zero, log") << 0.0 << true << LossCurve::logFloor;
    QTest::addRow("negative, log") << -1.0 << true << LossCurve::logFloor;
    QTest::addRow("zero, linear") << 0.0 << false << 0.0;
    QTest::addRow("negative, linear") << -1.0 << false << -1.0;
}

void TestLossCurve::plotted()
{
    QFETCH(double, loss);
    QFETCH(bool, logarithmic);
    QFETCH(double, expected);
    QCOMPARE(LossCurve::plotted(loss, logarithmic), expected);
    // Not a number stays one: the curve has a gap there rather than a point at the floor.
    QVERIFY(std::isnan(LossCurve::plotted(std::nan(""), logarithmic)));
}

void TestLossCurve::capLimitsTheMaximum()
{
    auto session = gdlab::test::sessionWith("five_points");
    const IterationModel& model = *session->model();
    QCustomPlot plot;
    QCPGraph* graph = plot.addGraph();
    LossExtent extent;
    const double cap = model.loss(500);
    LossCurve::addRows(graph, model.history(), 0, model.lastRow(), true, extent, cap);
    QCOMPARE(extent.maxLoss, cap);
    // The data are drawn whole; only the extent is capped.
    QCOMPARE(graph->data()->at(0)->value, model.loss(0));
}

void TestLossCurve::longCurvesAreSampled()
{
    auto session = gdlab::test::sessionWith("five_points");
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(*session->model(), true);
    QVERIFY(!curve.graph()->adaptiveSampling());
    auto long_ = gdlab::test::sessionWith("two_features_n50"); // 100,000 updates
    curve.rebuild(*long_->model(), true);
    QVERIFY(curve.graph()->adaptiveSampling());
}

void TestLossCurve::presentationIsThicker()
{
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.applyStyle(PlotStyle(plot, false));
    const double width = curve.graph()->pen().widthF();
    curve.applyStyle(PlotStyle(plot, true));
    QCOMPARE(curve.graph()->pen().widthF(), width * PlotStyle::presentationScale);
}

QTEST_MAIN(TestLossCurve)
#include "tst_loss_curve.moc"
