#include "views/fit_point_gestures.h"

#include "support/prepared_runs.h"
#include "views/fit_points.h"

#include <qcustomplot.h>

#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace tst_fit_point_gestures {

using gdlab::FitPointGestures;
using gdlab::FitPoints;
using gdlab::test::preparedRun;

namespace {

/** Points (1, 1), (2, 3), (3, 3), (4, 3), (5, 5) on a shown plot over [0, 6] × [0, 6], gestures on. */
struct Fixture {
    Fixture()
        : run(preparedRun({ "x", "y" }, (Eigen::MatrixXd(5, 2) << 1, 1, 2, 3, 3, 3, 4, 3, 5, 5).finished()))
    {
        points.reset(run.get());
        points.arrange(true, 0);
        plot.xAxis->setRange(0, 6);
        plot.yAxis->setRange(0, 6);
        plot.legend->setVisible(false);
        plot.resize(480, 400);
        gestures = std::make_unique<FitPointGestures>(&plot, &points);
        gestures->setEnabled(true);
    }

    bool show()
    {
        plot.show();
        const bool exposed = QTest::qWaitForWindowExposed(&plot);
        plot.replot();
        return exposed;
    }

    QPoint pixel(double x, double y) const
    {
        return QPoint(qRound(plot.xAxis->coordToPixel(x)), qRound(plot.yAxis->coordToPixel(y)));
    }

    /** Data units per pixel on x and y: the precision of a mouse gesture. */
    QPointF precision() const
    {
        return QPointF(plot.xAxis->pixelToCoord(1) - plot.xAxis->pixelToCoord(0),
            plot.yAxis->pixelToCoord(0) - plot.yAxis->pixelToCoord(1));
    }

    std::shared_ptr<const gdlab::Run> run;
    FitPoints points;
    QCustomPlot plot;
    std::unique_ptr<FitPointGestures> gestures;
};

} // namespace

class TestFitPointGestures : public QObject {
    Q_OBJECT

private slots:
    void pointAtFindsTheNearest();
    void onlyADoubleClickOnEmptySpaceAsksToAdd();
    void pressOnAPointSelectsIt();
    void dragPreviewsThenAsksToMove();
    void dragStaysInsideTheAxes();
    void rightClickAsksToRemove();
    void deleteAsksToRemoveTheSelected();
    void escapeDropsTheSelection();
    void offDoesNothingAndDropsTheSelection();
    void selectValidatesTheRow();
};

void TestFitPointGestures::pointAtFindsTheNearest()
{
    Fixture f;
    QVERIFY(f.show());
    QCOMPARE(f.gestures->pointAt(f.pixel(2, 3)), 1);
    QCOMPARE(f.gestures->pointAt(f.pixel(2, 3) + QPoint(4, -4)), 1);
    QCOMPARE(f.gestures->pointAt(f.pixel(2.5, 1.5)), -1);
    // A larger grab distance in presentation mode.
    const QPoint near = f.pixel(2, 3) + QPoint(10, 0);
    QCOMPARE(f.gestures->pointAt(near), -1);
    f.gestures->setScale(1.5);
    QCOMPARE(f.gestures->pointAt(near), 1);
    f.points.arrange(false, 0);
    QCOMPARE(f.gestures->pointAt(f.pixel(2, 3)), -1); // by actual value a point is no data row
}

void TestFitPointGestures::onlyADoubleClickOnEmptySpaceAsksToAdd()
{
    Fixture f;
    QVERIFY(f.show());
    QSignalSpy adds(f.gestures.get(), &FitPointGestures::addRequested);
    const QPoint where = f.pixel(2.5, 1.0);
    // A single click is not deliberate enough: one to focus the window would add a point.
    QTest::mouseClick(&f.plot, Qt::LeftButton, {}, where);
    QCOMPARE(adds.count(), 0);
    QTest::mouseDClick(&f.plot, Qt::LeftButton, {}, where);
    QCOMPARE(adds.count(), 1);
    QVERIFY(std::abs(adds.front()[0].toDouble() - 2.5) <= f.precision().x());
    QVERIFY(std::abs(adds.front()[1].toDouble() - 1.0) <= f.precision().y());
    QCOMPARE(adds.front()[2].toPoint(), where);
    // Outside the axis rectangle is no click on the data.
    QTest::mouseDClick(&f.plot, Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(adds.count(), 1);
    // Nor is a double click on a point: it stays a click on that point.
    QTest::mouseDClick(&f.plot, Qt::LeftButton, {}, f.pixel(4, 3));
    QCOMPARE(adds.count(), 1);
}

void TestFitPointGestures::pressOnAPointSelectsIt()
{
    Fixture f;
    QVERIFY(f.show());
    QSignalSpy selections(f.gestures.get(), &FitPointGestures::selectionChanged);
    QSignalSpy moves(f.gestures.get(), &FitPointGestures::moveRequested);
    QSignalSpy adds(f.gestures.get(), &FitPointGestures::addRequested);
    QTest::mouseClick(&f.plot, Qt::LeftButton, {}, f.pixel(4, 3) + QPoint(2, 1));
    QCOMPARE(f.gestures->selectedRow(), 3);
    QCOMPARE(selections.count(), 1);
    QCOMPARE(moves.count(), 0);
    QCOMPARE(adds.count(), 0);
}

void TestFitPointGestures::dragPreviewsThenAsksToMove()
{
    Fixture f;
    QVERIFY(f.show());
    QSignalSpy previews(f.gestures.get(), &FitPointGestures::previewRequested);
    QSignalSpy moves(f.gestures.get(), &FitPointGestures::moveRequested);
    QTest::mousePress(&f.plot, Qt::LeftButton, {}, f.pixel(3, 3));
    QTest::mouseMove(&f.plot, f.pixel(3, 3.5));
    QTest::mouseMove(&f.plot, f.pixel(3, 4));
    QCOMPARE(moves.count(), 0);
    QVERIFY(previews.count() >= 1);
    QCOMPARE(previews.back()[0].toInt(), 2);
    QVERIFY(std::abs(previews.back()[2].toDouble() - 4) <= f.precision().y());
    QTest::mouseRelease(&f.plot, Qt::LeftButton, {}, f.pixel(3, 4));
    QCOMPARE(moves.count(), 1);
    QCOMPARE(moves.front()[0].toInt(), 2);
    QVERIFY(std::abs(moves.front()[1].toDouble() - 3) <= f.precision().x());
    QVERIFY(std::abs(moves.front()[2].toDouble() - 4) <= f.precision().y());
    QCOMPARE(f.gestures->selectedRow(), 2);
}

void TestFitPointGestures::dragStaysInsideTheAxes()
{
    Fixture f;
    QVERIFY(f.show());
    QSignalSpy moves(f.gestures.get(), &FitPointGestures::moveRequested);
    QTest::mousePress(&f.plot, Qt::LeftButton, {}, f.pixel(5, 5));
    QTest::mouseMove(&f.plot, f.pixel(5.5, 5.5));
    QTest::mouseMove(&f.plot, QPoint(f.plot.width() - 1, 1));
    QTest::mouseRelease(&f.plot, Qt::LeftButton, {}, QPoint(f.plot.width() - 1, 1));
    QCOMPARE(moves.count(), 1);
    const QCPRange x = f.plot.xAxis->range();
    const QCPRange y = f.plot.yAxis->range();
    QVERIFY(x.contains(moves.front()[1].toDouble()));
    QVERIFY(y.contains(moves.front()[2].toDouble()));
    QVERIFY(moves.front()[1].toDouble() > 5.9);
}

void TestFitPointGestures::rightClickAsksToRemove()
{
    Fixture f;
    QVERIFY(f.show());
    QSignalSpy removals(f.gestures.get(), &FitPointGestures::removeRequested);
    QTest::mouseClick(&f.plot, Qt::RightButton, {}, f.pixel(5, 5));
    QCOMPARE(removals.count(), 1);
    QCOMPARE(removals.front()[0].toInt(), 4);
    QTest::mouseClick(&f.plot, Qt::RightButton, {}, f.pixel(4.5, 1.5));
    QCOMPARE(removals.count(), 1);
}

void TestFitPointGestures::deleteAsksToRemoveTheSelected()
{
    Fixture f;
    QVERIFY(f.show());
    QSignalSpy removals(f.gestures.get(), &FitPointGestures::removeRequested);
    QTest::mouseClick(&f.plot, Qt::LeftButton, {}, f.pixel(1, 1));
    QTest::keyClick(&f.plot, Qt::Key_Delete);
    QCOMPARE(removals.count(), 1);
    QCOMPARE(removals.front()[0].toInt(), 0);
    QTest::keyClick(&f.plot, Qt::Key_Backspace);
    QCOMPARE(removals.count(), 2);
    f.gestures->select(-1);
    QTest::keyClick(&f.plot, Qt::Key_Delete); // nothing selected, no point under the mouse
    QCOMPARE(removals.count(), 2);
}

void TestFitPointGestures::escapeDropsTheSelection()
{
    Fixture f;
    QVERIFY(f.show());
    QTest::mouseClick(&f.plot, Qt::LeftButton, {}, f.pixel(2, 3));
    QCOMPARE(f.gestures->selectedRow(), 1);
    QSignalSpy selections(f.gestures.get(), &FitPointGestures::selectionChanged);
    QTest::keyClick(&f.plot, Qt::Key_Escape);
    QCOMPARE(f.gestures->selectedRow(), -1);
    QCOMPARE(selections.count(), 1);
    QCOMPARE(selections.front()[0].toInt(), -1);
}

void TestFitPointGestures::offDoesNothingAndDropsTheSelection()
{
    Fixture f;
    QVERIFY(f.show());
    f.gestures->select(2);
    f.gestures->setEnabled(false);
    QVERIFY(!f.gestures->isEnabled());
    QCOMPARE(f.gestures->selectedRow(), -1);
    QSignalSpy adds(f.gestures.get(), &FitPointGestures::addRequested);
    QSignalSpy removals(f.gestures.get(), &FitPointGestures::removeRequested);
    QTest::mouseDClick(&f.plot, Qt::LeftButton, {}, f.pixel(2.5, 1.0));
    QTest::mouseClick(&f.plot, Qt::RightButton, {}, f.pixel(3, 3));
    QTest::keyClick(&f.plot, Qt::Key_Delete);
    QCOMPARE(adds.count(), 0);
    QCOMPARE(removals.count(), 0);
    QCOMPARE(f.gestures->pointAt(f.pixel(3, 3)), -1);
}

void TestFitPointGestures::selectValidatesTheRow()
{
    Fixture f;
    QSignalSpy selections(f.gestures.get(), &FitPointGestures::selectionChanged);
    f.gestures->select(4);
    QCOMPARE(f.gestures->selectedRow(), 4);
    f.gestures->select(4);
    QCOMPARE(selections.count(), 1);
    f.gestures->select(5);
    QCOMPARE(f.gestures->selectedRow(), -1);
    QCOMPARE(selections.count(), 2);
}

} // namespace tst_fit_point_gestures

QTEST_MAIN(tst_fit_point_gestures::TestFitPointGestures)
#include "tst_fit_point_gestures.moc"
