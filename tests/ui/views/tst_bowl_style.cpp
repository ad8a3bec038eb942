#include "views/bowl_style.h"
#include "views/plot_style.h"

#include <QtDataVisualization/Q3DTheme>

#include <QWidget>
#include <QtTest>

namespace tst_bowl_style {

using gdlab::BowlStyle;

class TestBowlStyle : public QObject {
    Q_OBJECT

private slots:
    void presentationScalesEverything_data();
    void presentationScalesEverything();
    void labelsKeepTheirSizeWhateverTheWidgetsFont();
    void themeFollowsThePalette();
};

void TestBowlStyle::presentationScalesEverything_data()
{
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<double>("scale");
    QTest::addRow("normal") << false << 1.0;
    QTest::addRow("presentation") << true << gdlab::PlotStyle::presentationScale();
}

void TestBowlStyle::presentationScalesEverything()
{
    QFETCH(bool, presentation);
    QFETCH(double, scale);
    QWidget widget;
    const BowlStyle style(widget, presentation);
    QCOMPARE(style.scale(), scale);
    QCOMPARE(style.labelFont().pointSizeF(), BowlStyle::labelPointSize * scale);
    QCOMPARE(style.messageFont().pointSizeF(), widget.font().pointSizeF() * scale);
    QCOMPARE(style.markerSize(0.1f), static_cast<float>(0.1 * scale));
}

void TestBowlStyle::labelsKeepTheirSizeWhateverTheWidgetsFont()
{
    // The labels are textures sized with the scene: a larger window font does not make them larger, presentation
    // mode does. The family is the widget's.
    QWidget widget;
    QFont font(QStringLiteral("Serif"));
    font.setPointSizeF(widget.font().pointSizeF() * 1.35);
    widget.setFont(font);
    const BowlStyle style(widget, false);
    QCOMPARE(style.labelFont().pointSizeF(), BowlStyle::labelPointSize);
    QCOMPARE(style.labelFont().family(), widget.font().family());
}

void TestBowlStyle::themeFollowsThePalette()
{
    QWidget widget;
    QPalette palette = widget.palette();
    // A dark theme, as the desktop may set it.
    palette.setColor(QPalette::Window, QColor(30, 30, 34));
    palette.setColor(QPalette::Text, QColor(230, 230, 230));
    palette.setColor(QPalette::Base, QColor(20, 20, 24));
    palette.setColor(QPalette::Mid, QColor(90, 90, 95));
    widget.setPalette(palette);
    Q3DTheme theme(Q3DTheme::ThemeQt);
    BowlStyle(widget, true).apply(&theme);
    QCOMPARE(theme.backgroundColor(), palette.color(QPalette::Window));
    QCOMPARE(theme.windowColor(), palette.color(QPalette::Window));
    QCOMPARE(theme.labelTextColor(), palette.color(QPalette::Text));
    QCOMPARE(theme.labelBackgroundColor(), palette.color(QPalette::Base));
    QCOMPARE(theme.gridLineColor(), palette.color(QPalette::Mid));
    QCOMPARE(theme.font().pointSizeF(), BowlStyle::labelPointSize * gdlab::PlotStyle::presentationScale());
    // Light labels on dark are bold (thin light strokes scaled down turn grey); dark ones on light are not.
    QVERIFY(theme.font().bold());
    QWidget light;
    BowlStyle(light, false).apply(&theme);
    QVERIFY(!theme.font().bold());
}

} // namespace tst_bowl_style

QTEST_MAIN(tst_bowl_style::TestBowlStyle)
#include "tst_bowl_style.moc"
