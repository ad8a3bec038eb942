// Every meaning colour of every theme against the theme's own backgrounds, as WCAG measures contrast: text at
// 4.5:1 (7:1 in high contrast), marks at 3:1, and the markers on the colour map lifted off every colour of it.
#include "support/contrast_ratio.h"
#include "views/colour_map.h"
#include "views/plot_style.h"
#include "views/theme_palette.h"
#include "views/view_palette.h"

#include <QWidget>
#include <QtTest>

#include <algorithm>
#include <cmath>

namespace tst_view_palette {

using gdlab::PaletteScheme;
namespace ViewPalette = gdlab::ViewPalette;

class TestViewPalette : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void textReadsOnBothBackgrounds_data();
    void textReadsOnBothBackgrounds();
    void marksStandOffThePlot_data();
    void marksStandOffThePlot();
    void markersStandOffEveryMapColour_data();
    void markersStandOffEveryMapColour();
    void eachSchemeHasItsOwnColours();
    void highContrastDrawsThicker();
};

namespace {

using gdlab::test::contrast;

/** A translucent colour as it shows over background. */
QColor over(const QColor& colour, const QColor& background)
{
    const double a = colour.alphaF();
    return QColor::fromRgbF(static_cast<float>(colour.redF() * a + background.redF() * (1 - a)),
        static_cast<float>(colour.greenF() * a + background.greenF() * (1 - a)),
        static_cast<float>(colour.blueF() * a + background.blueF() * (1 - a)));
}

const char* schemeName(PaletteScheme scheme)
{
    return scheme == PaletteScheme::Light ? "light" : scheme == PaletteScheme::Dark ? "dark" : "high contrast";
}

constexpr PaletteScheme schemes[] = { PaletteScheme::Light, PaletteScheme::Dark, PaletteScheme::HighContrast };

using ColourOf = QColor (*)();
struct Meaning {
    const char* name;
    ColourOf colour;
};

} // namespace

void TestViewPalette::cleanup()
{
    ViewPalette::setScheme(PaletteScheme::Light);
}

void TestViewPalette::textReadsOnBothBackgrounds_data()
{
    QTest::addColumn<int>("schemeIndex");
    QTest::addColumn<QColor>("text");
    QTest::addColumn<double>("minimum");
    const Meaning texts[]
        = { { "good", &ViewPalette::good }, { "warning", &ViewPalette::warning }, { "caution", &ViewPalette::caution },
              { "current", &ViewPalette::currentText }, { "leastSquares", &ViewPalette::leastSquares },
              { "accuracy", &ViewPalette::accuracy }, { "data", &ViewPalette::data } };
    for (const PaletteScheme scheme : schemes) {
        ViewPalette::setScheme(scheme);
        for (const Meaning& text : texts)
            QTest::addRow("%s %s", schemeName(scheme), text.name)
                << static_cast<int>(scheme) << text.colour() << (scheme == PaletteScheme::HighContrast ? 7.0 : 4.5);
    }
    ViewPalette::setScheme(PaletteScheme::Light);
}

// The plots are on Base, the status line and the side panel on Window: a text colour reads on both.
void TestViewPalette::textReadsOnBothBackgrounds()
{
    QFETCH(int, schemeIndex);
    const auto scheme = static_cast<PaletteScheme>(schemeIndex);
    QFETCH(QColor, text);
    QFETCH(double, minimum);
    const QPalette palette = gdlab::ThemePalette::palette(scheme);
    for (const QPalette::ColorRole role : { QPalette::Base, QPalette::Window }) {
        const double ratio = contrast(text, palette.color(role));
        QVERIFY2(ratio >= minimum,
            qPrintable(QStringLiteral("%1 on %2: %3:1").arg(text.name(), palette.color(role).name()).arg(ratio)));
    }
}

void TestViewPalette::marksStandOffThePlot_data()
{
    QTest::addColumn<int>("schemeIndex");
    QTest::addColumn<QColor>("mark");
    const Meaning marks[] = { { "current", &ViewPalette::current }, { "leastSquares", &ViewPalette::leastSquares },
        { "data", &ViewPalette::data }, { "ghost", &ViewPalette::ghost }, { "gradient", &ViewPalette::gradient },
        { "classZero", &ViewPalette::classZero }, { "classOne", &ViewPalette::classOne } };
    for (const PaletteScheme scheme : schemes) {
        ViewPalette::setScheme(scheme);
        for (const Meaning& mark : marks)
            QTest::addRow("%s %s", schemeName(scheme), mark.name) << static_cast<int>(scheme) << mark.colour();
        for (int index = 0; index < ViewPalette::seriesCount; ++index)
            QTest::addRow("%s series %d", schemeName(scheme), index)
                << static_cast<int>(scheme) << ViewPalette::series(index);
        // The residuals are translucent: what counts is how they show on the plot.
        QTest::addRow("%s residual", schemeName(scheme)) << static_cast<int>(
            scheme) << over(ViewPalette::residual(), gdlab::ThemePalette::palette(scheme).color(QPalette::Base));
    }
    ViewPalette::setScheme(PaletteScheme::Light);
}

void TestViewPalette::marksStandOffThePlot()
{
    QFETCH(int, schemeIndex);
    const auto scheme = static_cast<PaletteScheme>(schemeIndex);
    QFETCH(QColor, mark);
    const QColor base = gdlab::ThemePalette::palette(scheme).color(QPalette::Base);
    const double ratio = contrast(mark, base);
    // The light scheme's residuals are faint on purpose (they sit under the points); elsewhere 3:1 for every mark.
    const bool faintResidual = QByteArray(QTest::currentDataTag()) == "light residual";
    QVERIFY2(ratio >= (faintResidual ? 1.5 : 3.0),
        qPrintable(QStringLiteral("%1 on %2: %3:1").arg(mark.name(), base.name()).arg(ratio)));
}

void TestViewPalette::markersStandOffEveryMapColour_data()
{
    QTest::addColumn<int>("schemeIndex");
    QTest::addColumn<QColor>("fill");
    // The light scheme keeps the white outline it always had; its mid-bright fills cannot stand off the map's
    // green-yellow by either, which the dark and high-contrast schemes fix with lighter fills and a black outline.
    for (const PaletteScheme scheme : { PaletteScheme::Dark, PaletteScheme::HighContrast }) {
        ViewPalette::setScheme(scheme);
        QTest::addRow("%s current", schemeName(scheme)) << static_cast<int>(scheme) << ViewPalette::current();
        QTest::addRow("%s optimum", schemeName(scheme)) << static_cast<int>(scheme) << ViewPalette::leastSquares();
    }
    ViewPalette::setScheme(PaletteScheme::Light);
}

// The current point and the ★ are a fill in an outline: at every colour of the map one of them stands off it.
void TestViewPalette::markersStandOffEveryMapColour()
{
    QFETCH(int, schemeIndex);
    const auto scheme = static_cast<PaletteScheme>(schemeIndex);
    QFETCH(QColor, fill);
    ViewPalette::setScheme(scheme);
    for (int k = 0; k <= 20; ++k) {
        const QColor map = gdlab::ColourMap::at(k / 20.0);
        const double ratio = std::max(contrast(fill, map), contrast(ViewPalette::outline(), map));
        QVERIFY2(ratio >= 3.0,
            qPrintable(QStringLiteral("%1 / %2 on %3: %4:1")
                           .arg(fill.name(), ViewPalette::outline().name(), map.name())
                           .arg(ratio)));
    }
}

void TestViewPalette::eachSchemeHasItsOwnColours()
{
    QList<QColor> currents;
    for (const PaletteScheme scheme : schemes) {
        ViewPalette::setScheme(scheme);
        QCOMPARE(ViewPalette::scheme(), scheme);
        currents << ViewPalette::current();
        // The series stay apart from one another within a scheme.
        for (int a = 0; a < ViewPalette::seriesCount; ++a)
            for (int b = a + 1; b < ViewPalette::seriesCount; ++b)
                QVERIFY(ViewPalette::series(a) != ViewPalette::series(b));
        QCOMPARE(ViewPalette::series(ViewPalette::seriesCount + 1), ViewPalette::series(1));
    }
    QVERIFY(currents[0] != currents[1] && currents[1] != currents[2] && currents[0] != currents[2]);
}

void TestViewPalette::highContrastDrawsThicker()
{
    QWidget widget;
    const double normal = gdlab::PlotStyle(widget, false).scaled(2.0);
    ViewPalette::setScheme(PaletteScheme::HighContrast);
    const gdlab::PlotStyle style(widget, false);
    QVERIFY(style.scaled(2.0) > normal);
    QCOMPARE(style.scaled(2.0), 2.0 * ViewPalette::lineScale());
    // Fonts are not lines: they keep their size.
    QCOMPARE(style.scale(), 1.0);
}

} // namespace tst_view_palette

QTEST_MAIN(tst_view_palette::TestViewPalette)
#include "tst_view_palette.moc"
