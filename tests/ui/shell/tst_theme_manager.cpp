// View › Theme: each theme sets the application's palette, style and meaning colours together, every plot, the
// history table and the dialogs restyle at once, the menu shows the one applied, and the choice is kept.
#include "shell/theme_manager.h"

#include "compare/race_dialog.h"
#include "compare/sweep_dialog.h"
#include "session/session_controller.h"
#include "shell/main_actions.h"
#include "shell/main_window.h"
#include "shell/race_launcher.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/history_table.h"
#include "views/loss_plot.h"
#include "views/parameter_loss_plot.h"
#include "views/theme_palette.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QtTest>

namespace tst_theme_manager {

using gdlab::PaletteScheme;
using gdlab::ThemeKind;
using gdlab::ThemeManager;
using gdlab::ThemePalette;

class TestThemeManager : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void namesRoundTrip();
    void themeSetsPaletteStyleAndColours();
    void systemPutsThePlatformBack();
    void menuChoosesAndShowsTheTheme();
    void choiceIsKeptApplyIsNot();
    void everyPlotAndTheTableRestyle_data();
    void everyPlotAndTheTableRestyle();
    void dialogsFollow();

private:
    QPalette m_platform;
};

namespace {

/** The plot's look that PlotStyle sets from the palette: background, axis pens and labels. */
void verifyPlotFollows(const QCustomPlot* plot, const QPalette& palette)
{
    QVERIFY(plot);
    // QCustomPlot keeps its background brush to itself: the plot's corner, outside the axes, shows it.
    QCustomPlot* drawn = const_cast<QCustomPlot*>(plot);
    QCOMPARE(drawn->toPixmap(200, 150).toImage().pixelColor(1, 1), palette.color(QPalette::Base));
    QCOMPARE(plot->xAxis->basePen().color(), palette.color(QPalette::Text));
    QCOMPARE(plot->yAxis->tickLabelColor(), palette.color(QPalette::Text));
    QCOMPARE(plot->xAxis->labelColor(), palette.color(QPalette::Text));
}

} // namespace

void TestThemeManager::initTestCase()
{
    // The theme goes to QSettings: keep it out of the user's own configuration.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gdlab-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_theme_manager"));
    m_platform = QApplication::palette();
}

void TestThemeManager::init()
{
    QSettings().clear();
}

void TestThemeManager::cleanup()
{
    QWidget owner;
    ThemeManager(&owner).apply(ThemeKind::System);
    QSettings().clear();
}

void TestThemeManager::namesRoundTrip()
{
    QCOMPARE(ThemeManager::names(), QStringList({ "system", "light", "dark", "high-contrast" }));
    for (const QString& name : ThemeManager::names())
        QCOMPARE(ThemeManager::name(*ThemeManager::parse(name)), name);
    QVERIFY(!ThemeManager::parse(QStringLiteral("High contrast")));
    QVERIFY(!ThemeManager::parse(QString()));
}

void TestThemeManager::themeSetsPaletteStyleAndColours()
{
    QWidget owner;
    ThemeManager themes(&owner);
    QSignalSpy changed(&themes, &ThemeManager::themeChanged);
    themes.apply(ThemeKind::Dark);
    QCOMPARE(themes.theme(), ThemeKind::Dark);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(gdlab::ViewPalette::scheme(), PaletteScheme::Dark);
    QCOMPARE(QApplication::palette().color(QPalette::Base),
        ThemePalette::palette(PaletteScheme::Dark).color(QPalette::Base));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    // A widget made afterwards has it too.
    QWidget later;
    QCOMPARE(
        later.palette().color(QPalette::Window), ThemePalette::palette(PaletteScheme::Dark).color(QPalette::Window));

    themes.apply(ThemeKind::HighContrast);
    QCOMPARE(gdlab::ViewPalette::scheme(), PaletteScheme::HighContrast);
    QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::black));
    QCOMPARE(QApplication::palette().color(QPalette::Text), QColor(Qt::white));
    themes.apply(ThemeKind::Light);
    QCOMPARE(gdlab::ViewPalette::scheme(), PaletteScheme::Light);
    QCOMPARE(QApplication::palette().color(QPalette::Base),
        ThemePalette::palette(PaletteScheme::Light).color(QPalette::Base));
}

void TestThemeManager::systemPutsThePlatformBack()
{
    QWidget owner;
    ThemeManager themes(&owner);
    themes.apply(ThemeKind::HighContrast);
    QVERIFY(QApplication::palette().color(QPalette::Base) != m_platform.color(QPalette::Base)
        || QApplication::palette().color(QPalette::Text) != m_platform.color(QPalette::Text));
    themes.apply(ThemeKind::System);
    QCOMPARE(QApplication::palette().color(QPalette::Base), m_platform.color(QPalette::Base));
    QCOMPARE(QApplication::palette().color(QPalette::Text), m_platform.color(QPalette::Text));
    QCOMPARE(gdlab::ViewPalette::scheme(), ThemePalette::schemeFor(m_platform));
}

void TestThemeManager::menuChoosesAndShowsTheTheme()
{
    QWidget owner;
    ThemeManager themes(&owner);
    const QList<QAction*> actions = themes.menu()->actions();
    QCOMPARE(actions.size(), 4);
    for (QAction* action : actions) {
        QVERIFY(action->isCheckable());
        QVERIFY(action->actionGroup() && action->actionGroup()->isExclusive());
    }
    QVERIFY(themes.action(ThemeKind::System)->isChecked());
    themes.action(ThemeKind::Dark)->trigger();
    QCOMPARE(themes.theme(), ThemeKind::Dark);
    QVERIFY(themes.action(ThemeKind::Dark)->isChecked());
    QVERIFY(!themes.action(ThemeKind::System)->isChecked());
    // Applied from elsewhere (--theme), the menu shows it too.
    themes.apply(ThemeKind::HighContrast);
    QVERIFY(themes.action(ThemeKind::HighContrast)->isChecked());
    QVERIFY(!themes.action(ThemeKind::Dark)->isChecked());
}

void TestThemeManager::choiceIsKeptApplyIsNot()
{
    QCOMPARE(ThemeManager::stored(QSettings()), ThemeKind::System);
    QWidget owner;
    ThemeManager themes(&owner);
    themes.choose(ThemeKind::HighContrast);
    QCOMPARE(QSettings().value(ThemeManager::settingsKey).toString(), QStringLiteral("high-contrast"));
    QCOMPARE(ThemeManager::stored(QSettings()), ThemeKind::HighContrast);
    themes.apply(ThemeKind::Light); // --theme: this run only
    QCOMPARE(ThemeManager::stored(QSettings()), ThemeKind::HighContrast);
    QSettings().setValue(ThemeManager::settingsKey, QStringLiteral("sepia"));
    QCOMPARE(ThemeManager::stored(QSettings()), ThemeKind::System);
}

void TestThemeManager::everyPlotAndTheTableRestyle_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("schemeIndex");
    QTest::newRow("dark") << static_cast<int>(ThemeKind::Dark) << static_cast<int>(PaletteScheme::Dark);
    QTest::newRow("high contrast") << static_cast<int>(ThemeKind::HighContrast)
                                   << static_cast<int>(PaletteScheme::HighContrast);
}

void TestThemeManager::everyPlotAndTheTableRestyle()
{
    QFETCH(int, kind);
    QFETCH(int, schemeIndex);
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow window(&controller);
    window.resize(1100, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The theme is in the window's View menu.
    QVERIFY(window.actions()->viewMenu()->actions().contains(window.themes()->menu()->menuAction()));

    window.themes()->apply(static_cast<ThemeKind>(kind));
    // Qt tells the widgets of an application palette by events it posts.
    QCoreApplication::processEvents();
    const QPalette palette = ThemePalette::palette(static_cast<PaletteScheme>(schemeIndex));
    verifyPlotFollows(window.fitPlot()->plot(), palette);
    verifyPlotFollows(window.lossPlot()->plot(), palette);
    verifyPlotFollows(window.contourPlot()->plot(), palette);
    verifyPlotFollows(window.parameterLossPlot()->plot(), palette);
    QCOMPARE(window.contourPlot()->colorScale()->axis()->tickLabelColor(), palette.color(QPalette::Text));
    // The meaning colours too: the current fit is drawn in the theme's.
    const QCPGraph* current = nullptr;
    for (int k = 0; k < window.fitPlot()->plot()->graphCount(); ++k)
        if (window.fitPlot()->plot()->graph(k)->pen().color() == gdlab::ViewPalette::current())
            current = window.fitPlot()->plot()->graph(k);
    QVERIFY(current);
    QCOMPARE(window.historyTable()->palette().color(QPalette::Base), palette.color(QPalette::Base));
    QCOMPARE(window.historyTable()->palette().color(QPalette::Text), palette.color(QPalette::Text));

    // And back: nothing of the theme stays.
    window.themes()->apply(ThemeKind::Light);
    QCoreApplication::processEvents();
    verifyPlotFollows(window.fitPlot()->plot(), ThemePalette::palette(PaletteScheme::Light));
    QCOMPARE(window.historyTable()->palette().color(QPalette::Base),
        ThemePalette::palette(PaletteScheme::Light).color(QPalette::Base));
}

void TestThemeManager::dialogsFollow()
{
    gdlab::SessionController controller;
    QVERIFY(controller.loadLesson(QStringLiteral("five_points")).isEmpty());
    gdlab::MainWindow window(&controller);
    gdlab::SweepDialog* sweep = window.sweepDialog();
    window.raceLauncher()->showDialog();
    gdlab::RaceDialog* race = window.raceLauncher()->dialog();
    QVERIFY(sweep && race);
    window.themes()->apply(ThemeKind::Dark);
    QCoreApplication::processEvents();
    const QPalette dark = ThemePalette::palette(PaletteScheme::Dark);
    verifyPlotFollows(sweep->plot(), dark);
    QCOMPARE(race->palette().color(QPalette::Window), dark.color(QPalette::Window));
    // The refusal line keeps the warning colour, the theme's.
    race->showError(QStringLiteral("no"));
    const auto labels = race->findChildren<QLabel*>();
    const bool warned = std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
        return label->text() == QLatin1String("no")
            && label->palette().color(QPalette::WindowText) == gdlab::ViewPalette::warning();
    });
    QVERIFY(warned);
    window.themes()->apply(ThemeKind::HighContrast);
    QCoreApplication::processEvents();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
        return label->text() == QLatin1String("no")
            && label->palette().color(QPalette::WindowText) == gdlab::ViewPalette::warning();
    }));
    race->close();
}

} // namespace tst_theme_manager

QTEST_MAIN(tst_theme_manager::TestThemeManager)
#include "tst_theme_manager.moc"
