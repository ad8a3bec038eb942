#include "support/lesson_session.h"
#include "views/loss_marker.h"

#include "session/iteration_model.h"
#include "support/test_metatypes.h"
#include "views/least_squares_floor.h"
#include "views/loss_curve.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>

namespace tst_loss_marker {

using gdlab::IterationModel;
using gdlab::LeastSquaresFloor;
using gdlab::LossCurve;
using gdlab::LossMarker;
using gdlab::PlotStyle;

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
    void labelKeepsOffTheFloorsLabel_data();
    void labelKeepsOffTheFloorsLabel();
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
    QCOMPARE(std::abs(marker.label()->position->key()), offset * PlotStyle::presentationScale());
    QCOMPARE(marker.tracer()->size(), size * PlotStyle::presentationScale());
    QCOMPARE(marker.tracer()->brush().color(), gdlab::ViewPalette::current());
}

void TestLossMarker::labelKeepsOffTheFloorsLabel_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QSize>("size");
    for (const char* lesson : { "five_points", "five_points_rss", "two_features_n50", "two_features_n100",
             "three_features_ints_n20", "nist_norris" }) {
        QTest::addRow("%s small", lesson) << QString::fromLatin1(lesson) << QSize(380, 240);
        QTest::addRow("%s large", lesson) << QString::fromLatin1(lesson) << QSize(640, 400);
    }
}

// At the end of a converged run the dot sits on the floor, right: "k = …, loss = …" covered "least squares: …".
void TestLossMarker::labelKeepsOffTheFloorsLabel()
{
    QFETCH(QString, lesson);
    QFETCH(QSize, size);
    auto session = gdlab::test::sessionWith(lesson.toLatin1().constData());
    IterationModel& model = *session->model();
    QCustomPlot plot;
    plot.resize(size);
    LossCurve curve(&plot);
    curve.rebuild(model, true);
    LeastSquaresFloor floor(&plot);
    LossMarker marker(&plot);
    marker.avoid(floor.label());
    floor.applyStyle(PlotStyle(plot, false));
    marker.applyStyle(PlotStyle(plot, false));
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    showWhole(plot, model);
    floor.update(model, true);
    plot.yAxis->setRangeLower(std::min(plot.yAxis->range().lower, floor.value() > 0 ? floor.value() / 2 : 1.0));
    for (const int row : { 0, std::min(10, model.lastRow()), model.lastRow() }) {
        model.setCurrentRow(row);
        marker.update(model, curve.graph(), true);
        plot.replot();
        if (!floor.label()->visible())
            continue;
        const QRectF mine(marker.label()->topLeft->pixelPosition(), marker.label()->bottomRight->pixelPosition());
        const QRectF other(floor.label()->topLeft->pixelPosition(), floor.label()->bottomRight->pixelPosition());
        QVERIFY2(!mine.intersects(other), qPrintable(QStringLiteral("row %1").arg(row)));
    }
}

} // namespace tst_loss_marker

QTEST_MAIN(tst_loss_marker::TestLossMarker)
#include "tst_loss_marker.moc"
