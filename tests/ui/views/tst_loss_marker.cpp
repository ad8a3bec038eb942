#include "support/lesson_session.h"
#include "views/loss_marker.h"

#include "session/iteration_model.h"
#include "views/loss_curve.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>

using gdlab::IterationModel;
using gdlab::LossCurve;
using gdlab::LossMarker;
using gdlab::PlotStyle;

Q_DECLARE_METATYPE(Qt::Alignment)

namespace {

/** A loss plot's axes over the model's whole curve, as the loss view sets them. */
void showWhole(QCustomPlot& plot, const IterationModel& model)
{
    plot.xAxis->setRange(0, double(model.iteration(model.lastRow())));
    PlotStyle::setLogarithmicRange(plot.yAxis, model.loss(model.lastRow()), model.loss(0));
}

} // namespace

class TestLossMarker : public QObject {
    Q_OBJECT

private slots:
    void standsAtTheCurrentRow();
    void hiddenWithoutRows();
    void labelStaysInside_data();
    void labelStaysInside();
    void presentationMovesTheLabelFurther();
};

void TestLossMarker::standsAtTheCurrentRow()
{
    auto session = gdlab::test::sessionWith("five_points");
    IterationModel& model = *session->model();
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(model, true);
    LossMarker marker(&plot);
    for (int row : { 0, 10, 700 }) {
        model.setCurrentRow(row);
        marker.update(model, curve.graph(), true);
        QCOMPARE(marker.iteration(), double(row));
        QCOMPARE(marker.line()->point2->key(), double(row));
        QVERIFY(marker.line()->visible() && marker.tracer()->visible() && marker.label()->visible());
        QCOMPARE(marker.tracer()->position->key(), double(row));
        QCOMPARE(marker.tracer()->position->value(), model.loss(row));
        QCOMPARE(marker.label()->text(),
            QStringLiteral("k = %1, loss = %2").arg(row).arg(QString::number(model.loss(row), 'g', 4)));
    }
}

void TestLossMarker::hiddenWithoutRows()
{
    IterationModel model;
    QCustomPlot plot;
    LossCurve curve(&plot);
    LossMarker marker(&plot);
    marker.update(model, curve.graph(), true);
    QVERIFY(!marker.line()->visible());
    QVERIFY(!marker.tracer()->visible());
    QVERIFY(!marker.label()->visible());
}

void TestLossMarker::labelStaysInside_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<Qt::Alignment>("alignment");
    // At the start the loss is high: right of the dot and below it. At the end, low: left of it and above.
    QTest::addRow("start") << 0 << Qt::Alignment(Qt::AlignLeft | Qt::AlignTop);
    QTest::addRow("end") << 1000 << Qt::Alignment(Qt::AlignRight | Qt::AlignBottom);
}

void TestLossMarker::labelStaysInside()
{
    QFETCH(int, row);
    QFETCH(Qt::Alignment, alignment);
    auto session = gdlab::test::sessionWith("five_points");
    IterationModel& model = *session->model();
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(model, true);
    showWhole(plot, model);
    LossMarker marker(&plot);
    model.setCurrentRow(row);
    marker.update(model, curve.graph(), true);
    QCOMPARE(marker.label()->positionAlignment(), alignment);
}

void TestLossMarker::presentationMovesTheLabelFurther()
{
    auto session = gdlab::test::sessionWith("five_points");
    IterationModel& model = *session->model();
    QCustomPlot plot;
    LossCurve curve(&plot);
    curve.rebuild(model, true);
    showWhole(plot, model);
    LossMarker marker(&plot);
    marker.applyStyle(PlotStyle(plot, false));
    marker.update(model, curve.graph(), true);
    const double offset = std::abs(marker.label()->position->key());
    const double size = marker.tracer()->size();
    marker.applyStyle(PlotStyle(plot, true));
    marker.update(model, curve.graph(), true);
    QCOMPARE(std::abs(marker.label()->position->key()), offset * PlotStyle::presentationScale);
    QCOMPARE(marker.tracer()->size(), size * PlotStyle::presentationScale);
    QCOMPARE(marker.tracer()->brush().color(), gdlab::ViewPalette::current());
}

QTEST_MAIN(TestLossMarker)
#include "tst_loss_marker.moc"
