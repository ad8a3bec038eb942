#include "views/colour_map.h"

#include <QtTest>

#include <limits>

namespace tst_colour_map {

using gdlab::ColourMap;

class TestColourMap : public QObject {
    Q_OBJECT

private slots:
    void endsAreViridis();
    void brightensMonotonically();
    void outOfRangeIsClamped();
    void stopsMatchTheInterpolation();
};

void TestColourMap::endsAreViridis()
{
    QCOMPARE(ColourMap::at(0.0), QColor(0x44, 0x01, 0x54));
    QCOMPARE(ColourMap::at(1.0), QColor(0xFD, 0xE7, 0x25));
}

// Perceptually uniform maps brighten monotonically (luma, the brightness the eye reads).
void TestColourMap::brightensMonotonically()
{
    const auto luma = [](const QColor& c) { return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF(); };
    for (int k = 1; k <= 40; ++k)
        QVERIFY(luma(ColourMap::at(k / 40.0)) > luma(ColourMap::at((k - 1) / 40.0)));
}

void TestColourMap::outOfRangeIsClamped()
{
    QCOMPARE(ColourMap::at(-3.0), ColourMap::at(0.0));
    QCOMPARE(ColourMap::at(7.0), ColourMap::at(1.0));
    QCOMPARE(ColourMap::at(std::numeric_limits<double>::quiet_NaN()), ColourMap::at(0.0));
}

void TestColourMap::stopsMatchTheInterpolation()
{
    const auto stops = ColourMap::stops();
    QCOMPARE(stops.front().first, 0.0);
    QCOMPARE(stops.back().first, 1.0);
    for (const auto& stop : stops)
        QCOMPARE(ColourMap::at(stop.first).rgb(), stop.second.rgb());
}

} // namespace tst_colour_map

QTEST_APPLESS_MAIN(tst_colour_map::TestColourMap)
#include "tst_colour_map.moc"
