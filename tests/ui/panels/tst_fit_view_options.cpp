#include "panels/fit_view_options.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/fit_plot.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QtTest>

#include <memory>

namespace tst_fit_view_options {

using namespace gdlab;

namespace {

/** The options bar over its plot, its intents routed to the plot as the main window routes them. */
struct Fixture {
    std::unique_ptr<SessionController> controller;
    std::unique_ptr<QWidget> window;
    FitPlot* plot = nullptr;
    FitViewOptions* options = nullptr;
};

Fixture makeFixture(const char* lesson)
{
    Fixture fixture;
    fixture.controller = std::make_unique<SessionController>();
    if (!fixture.controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return fixture;
    fixture.controller->waitForComputation();
    fixture.window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(fixture.window.get());
    fixture.plot = new FitPlot(fixture.controller->model());
    fixture.options = new FitViewOptions(fixture.controller->model(), fixture.plot);
    FitPlot* plot = fixture.plot;
    QObject::connect(fixture.options, &FitViewOptions::fitModeChosen, plot, &FitPlot::setFitMode);
    QObject::connect(fixture.options, &FitViewOptions::featureChosen, plot, &FitPlot::setFeature);
    QObject::connect(fixture.options, &FitViewOptions::showLeastSquaresChosen, plot, &FitPlot::setShowLeastSquares);
    QObject::connect(fixture.options, &FitViewOptions::editingChosen, plot, &FitPlot::setEditable);
    layout->addWidget(fixture.options);
    layout->addWidget(fixture.plot);
    fixture.window->resize(640, 460);
    return fixture;
}

QStringList itemTexts(const QComboBox* combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
}

} // namespace

class TestFitViewOptions : public QObject {
    Q_OBJECT

private slots:
    void choicesNameTheFeatures();
    void comboSwitchesFeatureAndMode();
    void comboFollowsThePlot();
    void choicesFollowANewLesson();
    void leastSquaresCheckBox();
    void logisticChoicesSayWhatIsDrawn();
    void editingHintAndCheckBox();
    void editingUnavailableSaysWhy();
    void choicesAreIntents();
    void oneChoiceRedrawsThePlotOnce();
    void oneRunResetRefreshesOnce();
    void sameChoicesAreLeftAlone();
};

void TestFitViewOptions::choicesNameTheFeatures()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.options);
    QCOMPARE(itemTexts(f.options->viewCombo()),
        QStringList({ QStringLiteral("y against x"), QStringLiteral("predicted against actual y") }));
    QCOMPARE(f.options->viewCombo()->currentIndex(), 0);

    // With several features, predicted against actual comes first and is chosen; each feature has its partial
    // residual plot, and its tooltip says what that is.
    Fixture two = makeFixture("two_features_n100");
    QCOMPARE(itemTexts(two.options->viewCombo()),
        QStringList({ QStringLiteral("predicted against actual y"), QStringLiteral("partial residual against x1"),
            QStringLiteral("partial residual against x2") }));
    QCOMPARE(two.options->viewCombo()->currentIndex(), 0);
    QCOMPARE(two.plot->fitMode(), FitPlot::PredictedVsActual);
    QVERIFY(two.options->viewCombo()->itemData(2, Qt::ToolTipRole).toString().contains(QStringLiteral("residuals")));
}

void TestFitViewOptions::comboSwitchesFeatureAndMode()
{
    Fixture f = makeFixture("two_features_n100");
    QComboBox* combo = f.options->viewCombo();
    combo->setCurrentIndex(2);
    QCOMPARE(f.plot->fitMode(), FitPlot::FeatureVsTarget);
    QCOMPARE(f.plot->feature(), 1);
    QCOMPARE(f.plot->plot()->xAxis->label(), QStringLiteral("x2"));
    QCOMPARE(f.plot->plot()->yAxis->label(), QStringLiteral("y − θ1·x1"));
    QVERIFY(f.plot->currentLineGraph()->visible());

    combo->setCurrentIndex(0);
    QCOMPARE(f.plot->fitMode(), FitPlot::PredictedVsActual);
    QVERIFY(f.plot->identityGraph()->visible());
    QVERIFY(!f.plot->currentLineGraph()->visible());
    QCOMPARE(f.plot->leastSquaresPredictionGraph()->data()->size(), 100);
    QVERIFY(f.plot->plot()->xAxis->label().startsWith(QStringLiteral("actual")));

    combo->setCurrentIndex(1);
    QCOMPARE(f.plot->fitMode(), FitPlot::FeatureVsTarget);
    QCOMPARE(f.plot->feature(), 0);
    QCOMPARE(f.plot->plot()->xAxis->label(), QStringLiteral("x1"));
    QVERIFY(!f.plot->identityGraph()->visible());
    QCOMPARE(f.plot->ghostGraphs().size(), std::size_t(3));
}

void TestFitViewOptions::comboFollowsThePlot()
{
    Fixture f = makeFixture("two_features_n100");
    f.plot->setFitMode(FitPlot::FeatureVsTarget);
    QCOMPARE(f.options->viewCombo()->currentIndex(), 1);
    f.plot->setFeature(1);
    QCOMPARE(f.options->viewCombo()->currentIndex(), 2);
    f.plot->setFitMode(FitPlot::PredictedVsActual);
    QCOMPARE(f.options->viewCombo()->currentIndex(), 0);
}

void TestFitViewOptions::choicesFollowANewLesson()
{
    Fixture f = makeFixture("two_features_n100");
    f.options->viewCombo()->setCurrentIndex(1);
    QVERIFY(f.controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.options->viewCombo()->count(), 2);
    QCOMPARE(f.options->viewCombo()->currentIndex(), 0);
    QCOMPARE(f.plot->feature(), 0);
    QCOMPARE(f.plot->plot()->xAxis->label(), QStringLiteral("x"));
}

void TestFitViewOptions::leastSquaresCheckBox()
{
    Fixture f = makeFixture("five_points");
    QCheckBox* check = f.options->leastSquaresCheck();
    QVERIFY(check->isChecked());
    QVERIFY(f.plot->leastSquaresGraph()->visible());
    check->setChecked(false);
    QVERIFY(!f.plot->showLeastSquares());
    QVERIFY(!f.plot->leastSquaresGraph()->visible());
    QVERIFY(!f.plot->plot()->legend->hasItemWithPlottable(f.plot->leastSquaresGraph()));
    check->setChecked(true);
    QVERIFY(f.plot->leastSquaresGraph()->visible());
}

// A logistic run draws a probability curve (one feature) or the classes over two features, and its optimum is
// Newton's; separable data has none to show.
void TestFitViewOptions::logisticChoicesSayWhatIsDrawn()
{
    Fixture one = makeFixture("exam_hours");
    QCOMPARE(itemTexts(one.options->viewCombo()),
        QStringList(
            { QStringLiteral("P(pass = 1) against hours"), QStringLiteral("predicted p against actual pass") }));
    QCOMPARE(one.options->leastSquaresCheck()->text(), QStringLiteral("optimum"));
    QVERIFY(one.options->leastSquaresCheck()->isEnabled());
    Fixture two = makeFixture("logistic_homework");
    QCOMPARE(itemTexts(two.options->viewCombo()),
        QStringList({ QStringLiteral("classes over x1 and x2"), QStringLiteral("predicted p against actual y") }));
    QCOMPARE(two.plot->fitMode(), FitPlot::FeatureVsTarget);
    QCOMPARE(two.options->viewCombo()->currentIndex(), 0);
    Fixture separable = makeFixture("separable_hours");
    QVERIFY(!separable.options->leastSquaresCheck()->isEnabled());
    Fixture linear = makeFixture("five_points");
    QCOMPARE(linear.options->leastSquaresCheck()->text(), QStringLiteral("least squares"));
}

void TestFitViewOptions::editingHintAndCheckBox()
{
    Fixture f = makeFixture("five_points");
    f.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    QCheckBox* check = f.options->editCheck();
    QVERIFY(check->isEnabled());
    QVERIFY(check->isChecked());
    QVERIFY(f.options->editHint()->isVisible());
    QVERIFY(f.options->editHint()->toolTip().contains(QStringLiteral("double-click to add")));

    check->setChecked(false);
    QVERIFY(!f.plot->isEditable());
    QVERIFY(!f.options->editHint()->isVisible());
    check->setChecked(true);
    QVERIFY(f.plot->isEditable());
    QVERIFY(f.options->editHint()->isVisible());

    // Predicted against actual: no editing, and the check box says why.
    f.options->viewCombo()->setCurrentIndex(1);
    QVERIFY(!f.plot->isEditable());
    QVERIFY(!check->isEnabled());
    QVERIFY(!f.options->editHint()->isVisible());
    QVERIFY(check->toolTip().contains(QStringLiteral("predicted")));
    f.options->viewCombo()->setCurrentIndex(0);
    QVERIFY(check->isEnabled());
    QVERIFY(check->isChecked());
    QVERIFY(f.options->editHint()->isVisible());
}

void TestFitViewOptions::editingUnavailableSaysWhy()
{
    Fixture f = makeFixture("two_features_n100");
    f.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    QCheckBox* check = f.options->editCheck();
    QVERIFY(!check->isEnabled());
    QVERIFY(!check->isChecked());
    QVERIFY(check->toolTip().contains(QStringLiteral("one feature")));
    QVERIFY(!f.options->editHint()->isVisible());

    QVERIFY(f.controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    f.controller->waitForComputation();
    QVERIFY(check->isEnabled());
    QVERIFY(check->isChecked());
    QVERIFY(f.options->editHint()->isVisible());
}

void TestFitViewOptions::choicesAreIntents()
{
    // Unrouted, the bar only says what the user chose; the plot stays as it is.
    auto controller = std::make_unique<SessionController>();
    QVERIFY(controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    controller->waitForComputation();
    FitPlot plot(controller->model());
    FitViewOptions options(controller->model(), &plot);
    QSignalSpy modes(&options, &FitViewOptions::fitModeChosen);
    QSignalSpy features(&options, &FitViewOptions::featureChosen);
    QSignalSpy leastSquares(&options, &FitViewOptions::showLeastSquaresChosen);
    QSignalSpy editing(&options, &FitViewOptions::editingChosen);

    options.viewCombo()->setCurrentIndex(2);
    QCOMPARE(features.count(), 1);
    QCOMPARE(features.front().front().toInt(), 1);
    QCOMPARE(modes.count(), 1);
    QCOMPARE(modes.front().front().value<FitPlot::FitMode>(), FitPlot::FeatureVsTarget);
    options.viewCombo()->setCurrentIndex(0);
    QCOMPARE(modes.count(), 2);
    QCOMPARE(modes.back().front().value<FitPlot::FitMode>(), FitPlot::PredictedVsActual);
    QCOMPARE(features.count(), 1);
    options.leastSquaresCheck()->setChecked(false);
    QCOMPARE(leastSquares.count(), 1);
    QCOMPARE(leastSquares.front().front().toBool(), false);
    QCOMPARE(plot.feature(), 0);
    QCOMPARE(plot.fitMode(), FitPlot::PredictedVsActual);
    QVERIFY(plot.showLeastSquares());
    QCOMPARE(editing.count(), 0);
}

void TestFitViewOptions::oneChoiceRedrawsThePlotOnce()
{
    Fixture f = makeFixture("two_features_n100");
    QComboBox* combo = f.options->viewCombo();
    QCOMPARE(combo->currentIndex(), 0);
    // From predicted against actual to another feature: the feature first, so the plot redraws once.
    const int before = f.plot->refreshCount();
    combo->setCurrentIndex(2);
    QCOMPARE(f.plot->refreshCount(), before + 1);
    QCOMPARE(f.plot->feature(), 1);
    QCOMPARE(f.plot->fitMode(), FitPlot::FeatureVsTarget);
}

void TestFitViewOptions::oneRunResetRefreshesOnce()
{
    Fixture f = makeFixture("five_points");
    const int before = f.options->refreshCount();
    QVERIFY(f.controller->setLearningRate(0.02).isEmpty());
    QCOMPARE(f.options->refreshCount(), before + 1);
    QVERIFY(f.controller->loadLesson(QStringLiteral("two_features_n100")).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(f.options->refreshCount(), before + 2);
    f.controller->model()->setCurrentRow(3);
    QCOMPARE(f.options->refreshCount(), before + 2);
}

void TestFitViewOptions::sameChoicesAreLeftAlone()
{
    Fixture f = makeFixture("two_features_n100");
    f.options->viewCombo()->setCurrentIndex(1);
    // A mark on an item survives only if the items are left as they are (the user may have the popup open).
    constexpr int markRole = Qt::UserRole + 7;
    f.options->viewCombo()->setItemData(0, true, markRole);
    QSignalSpy changes(f.options->viewCombo(), &QComboBox::currentIndexChanged);
    QSignalSpy modes(f.options, &FitViewOptions::fitModeChosen);
    QVERIFY(f.controller->setLearningRate(0.05).isEmpty());
    f.controller->waitForComputation();
    QCOMPARE(changes.count(), 0);
    QCOMPARE(modes.count(), 0);
    QCOMPARE(f.options->viewCombo()->currentIndex(), 1);
    QCOMPARE(f.options->viewCombo()->count(), 3);
    QVERIFY(f.options->viewCombo()->itemData(0, markRole).toBool());
}

} // namespace tst_fit_view_options

QTEST_MAIN(tst_fit_view_options::TestFitViewOptions)
#include "tst_fit_view_options.moc"
