#include "views/loss_extent.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

namespace tst_loss_extent {

using gdlab::LossExtent;

using Losses = std::vector<double>;
} // namespace tst_loss_extent
Q_DECLARE_METATYPE(tst_loss_extent::Losses)
namespace tst_loss_extent {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();

} // namespace

class TestLossExtent : public QObject {
    Q_OBJECT

private slots:
    void empty();
    void include_data();
    void include();
    void merge();
};

void TestLossExtent::empty()
{
    const LossExtent extent;
    QCOMPARE(extent.lastIteration, 0.0);
    QCOMPARE(extent.maxLoss, 0.0);
    QVERIFY(std::isinf(extent.minPositiveLoss));
}

void TestLossExtent::include_data()
{
    QTest::addColumn<Losses>("losses");
    QTest::addColumn<double>("cap");
    QTest::addColumn<double>("maxLoss");
    QTest::addColumn<double>("minPositive");

    QTest::addRow("descending") << Losses { 4, 2, 1, 0.5 } << infinity << 4.0 << 0.5;
    // A loss of zero (an exact fit) has no place on a log axis: it is not the lowest positive loss.
    QTest::addRow("reaches zero") << Losses { 3, 1, 0 } << infinity << 3.0 << 1.0;
    // A diverging run's losses beyond the last finite one do not count.
    QTest::addRow("not finite") << Losses { 2, 8, infinity, notANumber } << infinity << 8.0 << 2.0;
    QTest::addRow("capped") << Losses { 2, 8, 1e12 } << 10.0 << 10.0 << 2.0;
}

void TestLossExtent::include()
{
    QFETCH(Losses, losses);
    QFETCH(double, cap);
    QFETCH(double, maxLoss);
    QFETCH(double, minPositive);
    LossExtent extent;
    for (std::size_t k = 0; k < losses.size(); ++k)
        extent.include(static_cast<double>(k), losses[k], cap);
    QCOMPARE(extent.maxLoss, maxLoss);
    QCOMPARE(extent.minPositiveLoss, minPositive);
    QCOMPARE(extent.lastIteration, static_cast<double>(losses.size() - 1));
}

void TestLossExtent::merge()
{
    LossExtent live;
    live.include(0, 5);
    live.include(1000, 0.25);
    LossExtent pinned;
    pinned.include(0, 9);
    pinned.include(2500, 1);
    live.merge(pinned);
    QCOMPARE(live.lastIteration, 2500.0);
    QCOMPARE(live.maxLoss, 9.0);
    QCOMPARE(live.minPositiveLoss, 0.25);
}

} // namespace tst_loss_extent

QTEST_APPLESS_MAIN(tst_loss_extent::TestLossExtent)
#include "tst_loss_extent.moc"
