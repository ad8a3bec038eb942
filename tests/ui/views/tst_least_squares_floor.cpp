#include "support/lesson_session.h"
#include "views/least_squares_floor.h"

#include "csv_reader.h"
#include "problem.h"
#include "session/iteration_model.h"
#include "views/plot_style.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QtTest>

#include <cmath>

namespace tst_least_squares_floor {

using gdlab::IterationModel;
using gdlab::LeastSquaresFloor;

class TestLeastSquaresFloor : public QObject {
    Q_OBJECT

private slots:
    void atTheLeastSquaresLoss_data();
    void atTheLeastSquaresLoss();
    void noneWithoutARun();
    void exactFitHasNoFloorOnALogAxis();
};

void TestLeastSquaresFloor::atTheLeastSquaresLoss_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<double>("expected");
    // Residuals at (0.6, 0.8): 0.4, -0.8, 0, 0.8, -0.4, so SSE 1.6; mse is that over 5.
    QTest::addRow("mse") << QStringLiteral("five_points") << 0.32;
    QTest::addRow("sse") << QStringLiteral("five_points_rss") << 1.6;
}

void TestLeastSquaresFloor::atTheLeastSquaresLoss()
{
    QFETCH(QString, lesson);
    QFETCH(double, expected);
    auto session = gdlab::test::sessionWith(qPrintable(lesson));
    QCustomPlot plot;
    LeastSquaresFloor floor(&plot);
    floor.applyStyle(gdlab::PlotStyle(plot, false));
    floor.update(*session->model(), true);
    QVERIFY(std::abs(floor.value() - expected) < 1e-12);
    QVERIFY(std::abs(LeastSquaresFloor::minimumLoss(*session->model()) - expected) < 1e-12);
    QVERIFY(floor.line()->visible());
    QCOMPARE(floor.line()->point1->value(), floor.value());
    QCOMPARE(floor.line()->point2->value(), floor.value());
    QCOMPARE(floor.label()->text(), QStringLiteral("least squares: %1").arg(QString::number(floor.value(), 'g', 4)));
    QCOMPARE(floor.line()->pen().color(), gdlab::ViewPalette::leastSquares());
}

void TestLeastSquaresFloor::noneWithoutARun()
{
    IterationModel model;
    QCustomPlot plot;
    LeastSquaresFloor floor(&plot);
    floor.update(model, false);
    QVERIFY(std::isnan(floor.value()));
    QVERIFY(!floor.line()->visible());
    QVERIFY(!floor.label()->visible());
}

void TestLeastSquaresFloor::exactFitHasNoFloorOnALogAxis()
{
    gdlab::SessionController controller;
    const gdlab::Dataset line = gdlab::CsvReader::parse("x,y\n1,3\n2,5\n3,7\n4,9\n", "line");
    QVERIFY(controller.openDataset(line, gdlab::ProblemSpec {}, QStringLiteral("line")).isEmpty());
    controller.waitForComputation();
    QCustomPlot plot;
    LeastSquaresFloor floor(&plot);
    // A minimum of rounding noise is no floor: it is drawn as zero, and only where zero has a place.
    floor.update(*controller.model(), true);
    QCOMPARE(floor.value(), 0.0);
    QVERIFY(!floor.line()->visible());
    floor.update(*controller.model(), false);
    QVERIFY(floor.line()->visible());
    QCOMPARE(floor.line()->point1->value(), 0.0);
}

} // namespace tst_least_squares_floor

QTEST_MAIN(tst_least_squares_floor::TestLeastSquaresFloor)
#include "tst_least_squares_floor.moc"
