// Placing a label among obstacles: the first free candidate, else the one that covers least.
#include "views/label_placement.h"

#include <QtTest>

namespace tst_label_placement {

using gdlab::LabelPlacement;

class TestLabelPlacement : public QObject {
    Q_OBJECT

private slots:
    void firstFreeCandidateWins();
    void outsideTheBoundsCounts();
    void noFreePlaceTakesTheLeastCovered();
    void noCandidates();
};

void TestLabelPlacement::firstFreeCandidateWins()
{
    const QRectF bounds(0, 0, 100, 100);
    const std::vector<QRectF> taken { QRectF(50, 0, 50, 20) };
    const std::vector<QRectF> candidates { QRectF(60, 0, 30, 10), QRectF(60, 30, 30, 10), QRectF(0, 0, 30, 10) };
    QCOMPARE(LabelPlacement::choose(candidates, taken, bounds), 1);
    QCOMPARE(LabelPlacement::cover(candidates[1], taken, bounds), 0.0);
    QCOMPARE(LabelPlacement::cover(candidates[0], taken, bounds), 300.0);
}

void TestLabelPlacement::outsideTheBoundsCounts()
{
    const QRectF bounds(0, 0, 100, 100);
    QCOMPARE(LabelPlacement::cover(QRectF(90, 0, 20, 10), {}, bounds), 100.0);
    QCOMPARE(LabelPlacement::choose({ QRectF(90, 0, 20, 10), QRectF(70, 0, 20, 10) }, {}, bounds), 1);
}

void TestLabelPlacement::noFreePlaceTakesTheLeastCovered()
{
    const QRectF bounds(0, 0, 100, 100);
    const std::vector<QRectF> taken { QRectF(0, 0, 100, 100) };
    const std::vector<QRectF> candidates { QRectF(0, 0, 20, 20), QRectF(95, 0, 20, 10) };
    // Both covered; the second covers 50 inside the obstacle plus 150 outside: 200 < 400.
    QCOMPARE(LabelPlacement::choose(candidates, taken, bounds), 1);
}

void TestLabelPlacement::noCandidates()
{
    QCOMPARE(LabelPlacement::choose({}, {}, QRectF(0, 0, 10, 10)), -1);
    QCOMPARE(LabelPlacement::around(10, 20, 4), QRectF(8, 18, 4, 4));
}

} // namespace tst_label_placement

QTEST_MAIN(tst_label_placement::TestLabelPlacement)
#include "tst_label_placement.moc"
