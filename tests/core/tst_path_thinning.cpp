#include "path_thinning.h"

#include <QtTest>

#include <utility>
#include <vector>

namespace tst_path_thinning {

using gdlab::PathThinning;

using Points = std::vector<std::pair<double, double>>;
using Kept = std::vector<int>;

} // namespace tst_path_thinning
Q_DECLARE_METATYPE(tst_path_thinning::Points)
Q_DECLARE_METATYPE(tst_path_thinning::Kept)
namespace tst_path_thinning {

class TestPathThinning : public QObject {
    Q_OBJECT

private slots:
    void keeps_data();
    void keeps();
    void resumesWhereAnEarlierPassStopped();
};

void TestPathThinning::keeps_data()
{
    QTest::addColumn<double>("stepX");
    QTest::addColumn<double>("stepY");
    QTest::addColumn<Points>("points");
    QTest::addColumn<Kept>("kept");

    QTest::addRow("first point always") << 10.0 << 10.0 << Points { { 3, 4 } } << Kept { 0 };
    QTest::addRow("zero step keeps every point")
        << 0.0 << 0.0 << Points { { 0, 0 }, { 0, 0 }, { 1, 1 } } << Kept { 0, 1, 2 };
    QTest::addRow("small moves dropped") << 1.0 << 1.0 << Points { { 0, 0 }, { 0.5, 0.5 }, { 0.9, 0.2 }, { 1.0, 0.0 } }
                                         << Kept { 0, 3 };
    // Measured from the last point kept, not the last point seen: a slow drift is kept once it adds up.
    QTest::addRow("drift adds up") << 1.0 << 1.0 << Points { { 0, 0 }, { 0.4, 0 }, { 0.8, 0 }, { 1.2, 0 }, { 1.6, 0 } }
                                   << Kept { 0, 3 };
    // Each axis has its own step: a move of a whole step in y alone is kept.
    QTest::addRow("either axis") << 1.0 << 0.01 << Points { { 0, 0 }, { 0.5, 0 }, { 0.5, 0.02 }, { -0.6, 0.02 } }
                                 << Kept { 0, 2, 3 };
}

void TestPathThinning::keeps()
{
    QFETCH(double, stepX);
    QFETCH(double, stepY);
    QFETCH(Points, points);
    QFETCH(Kept, kept);
    PathThinning thinning(stepX, stepY);
    Kept actual;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (thinning.keep(points[i].first, points[i].second))
            actual.push_back(static_cast<int>(i));
    QCOMPARE(actual, kept);
}

void TestPathThinning::resumesWhereAnEarlierPassStopped()
{
    PathThinning whole(1.0, 1.0);
    QVERIFY(whole.keep(0, 0));
    QVERIFY(!whole.keep(0.5, 0.5));
    QVERIFY(whole.keep(1.5, 0));
    // A second pass over the rows that arrived later, resumed from the last point kept, decides alike.
    PathThinning resumed(1.0, 1.0);
    resumed.resumeFrom(1.5, 0);
    for (const auto& [x, y] : Points { { 2.0, 0.2 }, { 2.6, 0 }, { 2.7, 0.9 } })
        QCOMPARE(resumed.keep(x, y), whole.keep(x, y));
}

} // namespace tst_path_thinning

QTEST_APPLESS_MAIN(tst_path_thinning::TestPathThinning)
#include "tst_path_thinning.moc"
