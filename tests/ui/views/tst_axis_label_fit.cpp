// AxisLabelFit, as TickDensity applies it: a vertical axis's label never runs past its axis (over the text above a
// short plot), and comes back whole once there is room.
#include "views/axis_label_fit.h"
#include "views/tick_density.h"

#include <qcustomplot.h>

#include <QTest>

namespace tst_axis_label_fit {

using namespace gdlab;

class TestAxisLabelFit : public QObject {
    Q_OBJECT

private slots:
    void fittedShortensInSteps();
    void shortPlotShortensTheLabelAndTallGivesItBack();
};

void TestAxisLabelFit::fittedShortensInSteps()
{
    const QFontMetricsF metrics(QApplication::font());
    const QString label = QStringLiteral("θ2 (slope of x2)");
    const double whole = metrics.horizontalAdvance(label);
    QCOMPARE(AxisLabelFit::fitted(label, whole + 1, metrics), label);
    QCOMPARE(AxisLabelFit::fitted(label, whole - 1, metrics), QStringLiteral("θ2"));
    QCOMPARE(AxisLabelFit::fitted(label, 3 * metrics.height(), metrics), QStringLiteral("θ2"));
    QCOMPARE(AxisLabelFit::fitted(label, 0.5 * metrics.height(), metrics), QStringLiteral("θ2")); // a sliver of a plot
    QCOMPARE(AxisLabelFit::fitted(label, 0, metrics), label); // not laid out yet
    // Without a parenthesis, or too short even for the name: elided, never longer than the room.
    const QString plain = QStringLiteral("loss (mse) over the whole data set");
    const double room = 3 * metrics.height();
    const QString elided = AxisLabelFit::fitted(QStringLiteral("a label with no name part at all"), room, metrics);
    QVERIFY(elided.endsWith(QChar(0x2026)));
    QVERIFY(metrics.horizontalAdvance(elided) <= room);
    QCOMPARE(AxisLabelFit::fitted(plain, 1e6, metrics), plain);
}

void TestAxisLabelFit::shortPlotShortensTheLabelAndTallGivesItBack()
{
    QCustomPlot plot;
    new TickDensity(&plot); // fits the labels before each replot
    const QString label = QStringLiteral("θ2 (slope of x2), held nowhere in particular");
    plot.yAxis->setLabel(label);
    plot.xAxis->setLabel(QStringLiteral("a horizontal label is left as it is, however long it gets"));
    plot.resize(400, 150);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.replot();
    plot.replot();
    QCOMPARE(plot.yAxis->label(), QStringLiteral("θ2"));
    QVERIFY(plot.xAxis->label().startsWith(QStringLiteral("a horizontal label")));
    QVERIFY(QFontMetricsF(plot.yAxis->labelFont()).horizontalAdvance(plot.yAxis->label())
        <= plot.yAxis->axisRect()->height());

    plot.resize(400, 700);
    QCoreApplication::processEvents();
    plot.replot();
    QCOMPARE(plot.yAxis->label(), label);

    // A label the view sets anew replaces the remembered one.
    plot.yAxis->setLabel(QStringLiteral("θ1 (slope of x1)"));
    plot.replot();
    QCOMPARE(plot.yAxis->label(), QStringLiteral("θ1 (slope of x1)"));
}

} // namespace tst_axis_label_fit

QTEST_MAIN(tst_axis_label_fit::TestAxisLabelFit)
#include "tst_axis_label_fit.moc"
