#include "support/lesson_session.h"
#include "views/loss_curve.h"

#include "session/iteration_model.h"
#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

namespace tst_loss_curve {

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
    void longStreamedCurveMatchesARebuild();
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
    LossCurve::addRows(graph, model.history(), 0, model.lastRow(), 1, true, extent, cap);
    QCOMPARE(extent.maxLoss, cap);
    // The data are drawn whole; only the extent is capped.
    QCOMPARE(graph->data()->at(0)->value, model.loss(0));
}

// A curve longer than the screen is wide is drawn in columns: every peak and dip, not every row.
void TestLossCurve::longCurvesAreSampled()
{
    auto session = gdlab::test::sessionWith("five_points");
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(*session->model(), true);
    QCOMPARE(curve.columnWidth(), 1LL);
    QCOMPARE(curve.graph()->data()->size(), session->model()->rowCount());
    auto long_ = gdlab::test::sessionWith("two_features_n50"); // 100,000 updates
    const IterationModel& model = *long_->model();
    curve.rebuild(model, true);
    QVERIFY(curve.columnWidth() > 1);
    QVERIFY(curve.graph()->data()->size() <= 4 * LossCurve::columns);
    // The first and last rows are drawn, and the highest and lowest loss of every column.
    QCOMPARE(curve.graph()->data()->at(0)->value, model.loss(0));
    QCOMPARE((curve.graph()->data()->constEnd() - 1)->key, double(model.iteration(model.lastRow())));
    double lowest = model.loss(0);
    for (int row = 0; row <= model.lastRow(); ++row)
        lowest = std::min(lowest, model.loss(row));
    double drawnLowest = lowest + 1;
    for (auto it = curve.graph()->data()->constBegin(); it != curve.graph()->data()->constEnd(); ++it)
        drawnLowest = std::min(drawnLowest, it->value);
    QCOMPARE(drawnLowest, lowest);
}

// Rows streaming in: the decimated curve they build is the one a rebuild of the whole run draws.
void TestLossCurve::longStreamedCurveMatchesARebuild()
{
    auto session = gdlab::test::sessionWith("two_features_n50");
    IterationModel& model = *session->model();
    auto complete = model.sharedRun();
    auto streaming = std::make_shared<gdlab::Run>(*complete);
    streaming->outcome.reset();
    model.setRun(streaming, 0, 1);
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(model, true);
    for (int rows : { 777, 5000, 5001, 33333, 100001 }) {
        const int first = model.lastRow() + 1;
        model.appendRows(rows);
        curve.append(model, first, model.lastRow(), true);
    }
    LossCurve whole(&plot);
    whole.rebuild(model, true);
    QCOMPARE(curve.graph()->data()->size(), whole.graph()->data()->size());
    for (int i = 0; i < whole.graph()->data()->size(); ++i) {
        QCOMPARE(curve.graph()->data()->at(i)->key, whole.graph()->data()->at(i)->key);
        QCOMPARE(curve.graph()->data()->at(i)->value, whole.graph()->data()->at(i)->value);
    }
}

void TestLossCurve::presentationIsThicker()
{
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.applyStyle(PlotStyle(plot, false));
    const double width = curve.graph()->pen().widthF();
    curve.applyStyle(PlotStyle(plot, true));
    QCOMPARE(curve.graph()->pen().widthF(), width * PlotStyle::presentationScale());
}

} // namespace tst_loss_curve

QTEST_MAIN(tst_loss_curve::TestLossCurve)
#include "tst_loss_curve.moc"
