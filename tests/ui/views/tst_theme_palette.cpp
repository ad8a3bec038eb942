// The explicit themes' palettes: text that reads on them, selections that show, and the meaning colours that go
// with a desktop's own palette.
#include "support/contrast_ratio.h"
#include "views/theme_palette.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

namespace tst_theme_palette {

using gdlab::PaletteScheme;
using gdlab::ThemePalette;

class TestThemePalette : public QObject {
    Q_OBJECT

private slots:
    void textReads_data();
    void textReads();
    void eachPaletteIsItsSchemes();
    void desktopPaletteChoosesTheColours();
};

namespace {

using gdlab::test::contrast;

} // namespace

void TestThemePalette::textReads_data()
{
    QTest::addColumn<int>("schemeIndex");
    QTest::addColumn<double>("minimum");
    QTest::newRow("light") << static_cast<int>(PaletteScheme::Light) << 7.0;
    QTest::newRow("dark") << static_cast<int>(PaletteScheme::Dark) << 7.0;
    QTest::newRow("high contrast") << static_cast<int>(PaletteScheme::HighContrast) << 12.0;
}

void TestThemePalette::textReads()
{
    QFETCH(int, schemeIndex);
    QFETCH(double, minimum);
    const QPalette palette = ThemePalette::palette(static_cast<PaletteScheme>(schemeIndex));
    const std::pair<QPalette::ColorRole, QPalette::ColorRole> pairs[]
        = { { QPalette::Text, QPalette::Base }, { QPalette::WindowText, QPalette::Window },
              { QPalette::ButtonText, QPalette::Button }, { QPalette::HighlightedText, QPalette::Highlight } };
    for (const auto& [text, background] : pairs) {
        const double ratio = contrast(palette.color(text), palette.color(background));
        // A selection's colours are the desktop convention (white on blue) in light and dark: 4.5:1 is enough.
        const double needed = text == QPalette::HighlightedText ? std::min(minimum, 4.5) : minimum;
        QVERIFY2(ratio >= needed,
            qPrintable(QStringLiteral("%1 on %2: %3:1")
                           .arg(palette.color(text).name(), palette.color(background).name())
                           .arg(ratio)));
    }
    // Greyed-out text is still there to read, and placeholders are apart from what was typed.
    QVERIFY(contrast(palette.color(QPalette::Disabled, QPalette::WindowText), palette.color(QPalette::Window)) >= 3.0);
    QVERIFY(contrast(palette.color(QPalette::PlaceholderText), palette.color(QPalette::Base)) >= 3.0);
    QVERIFY(palette.color(QPalette::PlaceholderText) != palette.color(QPalette::Text));
}

void TestThemePalette::eachPaletteIsItsSchemes()
{
    for (const PaletteScheme scheme : { PaletteScheme::Light, PaletteScheme::Dark }) {
        QCOMPARE(ThemePalette::schemeFor(ThemePalette::palette(scheme)), scheme);
    }
    // High contrast's palette is dark: a desktop palette like it takes the dark colours.
    QCOMPARE(ThemePalette::schemeFor(ThemePalette::palette(PaletteScheme::HighContrast)), PaletteScheme::Dark);
    QCOMPARE(ThemePalette::palette(PaletteScheme::HighContrast).color(QPalette::Base), QColor(Qt::black));
}

void TestThemePalette::desktopPaletteChoosesTheColours()
{
    QPalette desktop;
    desktop.setColor(QPalette::Base, QColor(0x24, 0x24, 0x24));
    QCOMPARE(ThemePalette::schemeFor(desktop), PaletteScheme::Dark);
    desktop.setColor(QPalette::Base, QColor(0xFA, 0xFA, 0xFA));
    QCOMPARE(ThemePalette::schemeFor(desktop), PaletteScheme::Light);
}

} // namespace tst_theme_palette

QTEST_MAIN(tst_theme_palette::TestThemePalette)
#include "tst_theme_palette.moc"
