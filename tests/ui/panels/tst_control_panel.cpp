#include "panels/control_panel.h"

#include "dataset.h"
#include "support/model_states.h"
#include "support/panel_routing.h"

#include "lesson.h"
#include "panels/learning_rate_control.h"
#include "panels/learning_rate_scale.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_control_panel {

using gdlab::ControlPanel;
using gdlab::DescentMethod;
using gdlab::InitKind;
using gdlab::LearningRateControl;
using gdlab::LossKind;
using gdlab::SessionController;
using gdlab::SolverSettings;
using gdlab::StopReason;

class TestControlPanel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsTheLessonSettings();
    void typedLearningRateRecomputes();
    void sliderLearningRateRecomputes();
    void sliderDragIsThrottled();
    void invalidTypedRateReverts();
    void marksSitAtTheBounds();
    void warnsAboveTheBound();
    void notesOscillationBetweenOptimalAndBound();
    void fastestButtonSetsOptimalRate();
    void sgdNoteSaysBoundIsForBatch();
    void methodEnablesBatchSizeAndShuffle();
    void lossComboChangesLossAndBounds();
    void iterationsSpinRecomputes();
    void choosingALessonLoadsIt();
    void startSpinBoxesSetInitValues();
    void choosingValuesKeepsTheCurrentStart();
    void customDataEntryAndRejectedSpecReverts();
    void controllerChangesRefreshWithoutEcho();
    void learningRateEditIsNotEchoed_data();
    void learningRateEditIsNotEchoed();
    void editsInTheGroupsAreNotEchoed_data();
    void editsInTheGroupsAreNotEchoed();
    void editsBuildOnEachOtherBeforeTheRunIsBack();
    void choosingALessonIsAnIntent();
    void refusedRateShowsTheRunAgain();
    void nothingLoadedRefusesAndShowsTheDefaults();
    void fitsInANarrowPanel();

private:
    LearningRateControl* rateControl() const { return m_panel->learningRateControl(); }
    const gdlab::Run& run() const { return *m_controller->model()->run(); }
    void typeRate(const QString& text);

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<ControlPanel> m_panel;
    QStringList m_refusals;
};

void TestControlPanel::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_panel = std::make_unique<ControlPanel>(m_controller->model());
    m_refusals.clear();
    gdlab::test::routeIntents(m_panel.get(), m_controller.get(), &m_refusals);
}

void TestControlPanel::cleanup()
{
    m_panel.reset();
    m_controller.reset();
}

void TestControlPanel::typeRate(const QString& text)
{
    QLineEdit* edit = rateControl()->rateEdit();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void TestControlPanel::showsTheLessonSettings()
{
    QCOMPARE(m_panel->lessonCombo()->currentData().toString(), QStringLiteral("five_points"));
    QCOMPARE(m_panel->lessonDescriptionLabel()->text(),
        QString::fromStdString(gdlab::findLesson("five_points")->description));
    QCOMPARE(rateControl()->learningRate(), 0.01);
    QCOMPARE(rateControl()->rateEdit()->text(), QStringLiteral("0.01"));
    QCOMPARE(m_panel->iterationsSpin()->value(), 1000);
    QCOMPARE(m_panel->methodCombo()->currentData().toInt(), int(DescentMethod::Batch));
    QCOMPARE(m_panel->lossCombo()->currentData().toInt(), int(LossKind::Mse));
    QCOMPARE(m_panel->lossCombo()->currentText(), QStringLiteral("MSE — (1/n) Σ r²"));
    QCOMPARE(m_panel->initCombo()->currentData().toInt(), int(InitKind::Values));
    QVERIFY(!m_panel->standardizeCheck()->isChecked());
    QVERIFY(m_panel->interceptCheck()->isChecked());
    QCOMPARE(m_panel->initValueSpins().size(), 2);
    QCOMPARE(m_panel->initValueSpins()[0]->value(), 0.75);
    QCOMPARE(m_panel->initValueSpins()[1]->value(), 0.48);
}

void TestControlPanel::typedLearningRateRecomputes()
{
    QSignalSpy emitted(rateControl(), &LearningRateControl::learningRateEdited);
    typeRate(QStringLiteral("0.02"));
    QCOMPARE(emitted.count(), 1);
    QCOMPARE(run().settings.learningRate, 0.02);
    // The history was recomputed with the new rate: θ1 = θ0 − 0.02·∇.
    const gdlab::IterationModel* model = m_controller->model();
    const Eigen::VectorXd expected = model->theta(0) - 0.02 * gdlab::test::stateAt(*model, 0).gradient;
    QVERIFY((model->theta(1) - expected).norm() < 1e-12);
}

void TestControlPanel::sliderLearningRateRecomputes()
{
    QSlider* slider = rateControl()->slider();
    const int before = slider->value();
    slider->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QCOMPARE(slider->value(), before + 1);
    // One step of 400 per decade above 0.01, rounded to four significant digits.
    QCOMPARE(run().settings.learningRate, 0.01006);
    QCOMPARE(rateControl()->rateEdit()->text(), QStringLiteral("0.01006"));
    const gdlab::IterationModel* model = m_controller->model();
    const Eigen::VectorXd expected = model->theta(0) - 0.01006 * gdlab::test::stateAt(*model, 0).gradient;
    QVERIFY((model->theta(1) - expected).norm() < 1e-12);

    // A decade up is exactly kStepsPerDecade steps.
    slider->setValue(before + gdlab::LearningRateScale::kStepsPerDecade);
    QCOMPARE(run().settings.learningRate, 0.1);
}

// A drag recomputes continuously: the moves queued in one turn of the event loop go out as the latest one.
void TestControlPanel::sliderDragIsThrottled()
{
    QSlider* slider = rateControl()->slider();
    QSignalSpy emitted(rateControl(), &LearningRateControl::learningRateEdited);
    const int start = slider->value();
    slider->setSliderDown(true);
    slider->setValue(start + 10);
    slider->setValue(start + 20);
    // The field follows the drag at once; the controller hears the latest position in the next turn.
    QCOMPARE(rateControl()->rateEdit()->text(), QStringLiteral("0.01122"));
    QCOMPARE(emitted.count(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(emitted.count(), 1);
    QCOMPARE(run().settings.learningRate, 0.01122);
    slider->setValue(start + 30);
    slider->setSliderDown(false); // the release sends the last value without waiting
    QCOMPARE(emitted.count(), 2);
    QCOMPARE(run().settings.learningRate, 0.01189);
}

void TestControlPanel::invalidTypedRateReverts()
{
    QSignalSpy emitted(rateControl(), &LearningRateControl::learningRateEdited);
    for (const QString& text : { QStringLiteral("-1"), QStringLiteral("0"), QStringLiteral("abc") }) {
        typeRate(text);
        QCOMPARE(rateControl()->rateEdit()->text(), QStringLiteral("0.01"));
    }
    QCOMPARE(emitted.count(), 0);
    QCOMPARE(run().settings.learningRate, 0.01);
}

void TestControlPanel::marksSitAtTheBounds()
{
    const gdlab::StabilityBounds& bounds = run().stability;
    QVERIFY(bounds.divergenceBound > 0);
    QCOMPARE(rateControl()->bounds().divergenceBound, bounds.divergenceBound);
    const double bound = rateControl()->scale()->boundFraction();
    const double optimal = rateControl()->scale()->optimalFraction();
    QVERIFY(optimal > 0 && optimal < bound && bound < 1);
    // The five-point bound (about 0.08) lies on the default scale 1e-6 … 10.
    QVERIFY(std::abs(bound - (std::log10(bounds.divergenceBound) + 6) / 7) < 1e-12);
    QVERIFY(std::abs(optimal - (std::log10(bounds.optimalRate) + 6) / 7) < 1e-12);
    QVERIFY(std::abs(rateControl()->scale()->rateFraction() - 4.0 / 7) < 1e-12);
}

void TestControlPanel::warnsAboveTheBound()
{
    const double bound = run().stability.divergenceBound;
    QCOMPARE(rateControl()->zone(), LearningRateControl::Zone::Stable);
    typeRate(QString::number(bound * 1.5, 'g', 6));
    QCOMPARE(rateControl()->zone(), LearningRateControl::Zone::Diverging);
    const QLabel* note = rateControl()->noteLabel();
    QVERIFY(note->isVisibleTo(m_panel.get()));
    QVERIFY2(note->text().startsWith(QStringLiteral("Above the stability bound %1: batch descent will diverge")
                                         .arg(QString::number(bound, 'g', 3))),
        qPrintable(note->text()));
    QCOMPARE(note->palette().color(QPalette::WindowText), gdlab::ViewPalette::warning());
    // And the descent does diverge: the warning was right.
    QCOMPARE(run().outcome->reason, StopReason::Diverged);

    typeRate(QStringLiteral("0.01"));
    QCOMPARE(rateControl()->zone(), LearningRateControl::Zone::Stable);
    QVERIFY(!note->text().contains(QStringLiteral("diverge")));
}

void TestControlPanel::notesOscillationBetweenOptimalAndBound()
{
    const gdlab::StabilityBounds& bounds = run().stability;
    const double between = std::sqrt(bounds.optimalRate * bounds.divergenceBound);
    m_controller->setLearningRate(between);
    QCOMPARE(rateControl()->zone(), LearningRateControl::Zone::Oscillating);
    QVERIFY2(rateControl()->noteText().contains(QStringLiteral("oscillates")), qPrintable(rateControl()->noteText()));
    QVERIFY(rateControl()->noteLabel()->palette().color(QPalette::WindowText) != gdlab::ViewPalette::warning());
}

void TestControlPanel::fastestButtonSetsOptimalRate()
{
    rateControl()->fastestButton()->click();
    QCOMPARE(run().settings.learningRate, run().stability.optimalRate);
    QCOMPARE(rateControl()->zone(), LearningRateControl::Zone::Stable);
}

void TestControlPanel::sgdNoteSaysBoundIsForBatch()
{
    QVERIFY(rateControl()->methodIsBatch());
    m_panel->methodCombo()->setCurrentIndex(m_panel->methodCombo()->findData(int(DescentMethod::Sgd)));
    QCOMPARE(run().settings.method, DescentMethod::Sgd);
    QVERIFY(!rateControl()->methodIsBatch());
    m_controller->setLearningRate(run().stability.divergenceBound * 2);
    QVERIFY2(rateControl()->noteText().contains(
                 QStringLiteral("the bound is for batch descent; SGD is noisier"), Qt::CaseInsensitive),
        qPrintable(rateControl()->noteText()));
}

void TestControlPanel::methodEnablesBatchSizeAndShuffle()
{
    QComboBox* method = m_panel->methodCombo();
    QVERIFY(!m_panel->batchSizeSpin()->isEnabled());
    QVERIFY(!m_panel->shuffleCheck()->isEnabled());

    method->setCurrentIndex(method->findData(int(DescentMethod::MiniBatch)));
    QCOMPARE(run().settings.method, DescentMethod::MiniBatch);
    QVERIFY(m_panel->batchSizeSpin()->isEnabled());
    QVERIFY(m_panel->shuffleCheck()->isEnabled());
    QVERIFY(!m_panel->seedSpin()->isEnabled());

    m_panel->batchSizeSpin()->setValue(2);
    QCOMPARE(run().settings.batchSize, 2LL);
    m_panel->shuffleCheck()->setChecked(true);
    QVERIFY(run().settings.shuffle);
    QVERIFY(m_panel->seedSpin()->isEnabled());
    m_panel->seedSpin()->setValue(7);
    QCOMPARE(run().settings.seed, std::uint64_t(7));

    method->setCurrentIndex(method->findData(int(DescentMethod::Batch)));
    QCOMPARE(run().settings.method, DescentMethod::Batch);
    QVERIFY(!m_panel->batchSizeSpin()->isEnabled());
    QVERIFY(!m_panel->shuffleCheck()->isEnabled());
}

void TestControlPanel::lossComboChangesLossAndBounds()
{
    const double mseBound = rateControl()->bounds().divergenceBound;
    QComboBox* loss = m_panel->lossCombo();
    loss->setCurrentIndex(loss->findData(int(LossKind::Sse)));
    QCOMPARE(run().settings.loss, LossKind::Sse);
    QCOMPARE(loss->currentText(), QStringLiteral("SSE (RSS) — Σ r²"));
    // The Hessian of Σ r² is n = 5 times that of the mean: the bound is five times smaller.
    QVERIFY(std::abs(rateControl()->bounds().divergenceBound * 5 / mseBound - 1) < 1e-12);
}

void TestControlPanel::iterationsSpinRecomputes()
{
    m_panel->iterationsSpin()->setValue(250);
    QCOMPARE(run().settings.iterations, 250LL);
    QCOMPARE(m_controller->model()->iteration(m_controller->model()->lastRow()), 250LL);
    QCOMPARE(m_panel->iterationsSpin()->maximum(), 1000000);
    QVERIFY(m_panel->iterationsSpin()->isGroupSeparatorShown());
}

void TestControlPanel::choosingALessonLoadsIt()
{
    QComboBox* lessons = m_panel->lessonCombo();
    QCOMPARE(lessons->count(), int(gdlab::lessonCatalog().size()));
    lessons->setCurrentIndex(lessons->findData(QStringLiteral("five_points_rss")));
    QCOMPARE(QString::fromStdString(run().lessonName), QStringLiteral("five_points_rss"));
    QCOMPARE(run().settings.loss, LossKind::Sse);
    QCOMPARE(m_panel->lossCombo()->currentData().toInt(), int(LossKind::Sse));
    QCOMPARE(rateControl()->learningRate(), 0.0001);
    QCOMPARE(m_panel->initCombo()->currentData().toInt(), int(InitKind::Zeros));
    QCOMPARE(m_panel->iterationsSpin()->value(), 5000);
    QCOMPARE(m_panel->lessonDescriptionLabel()->text(),
        QString::fromStdString(gdlab::findLesson("five_points_rss")->description));

    // A lesson without an intercept: the start boxes are rebuilt for θ1, θ2, θ3.
    lessons->setCurrentIndex(lessons->findData(QStringLiteral("three_features_ints_n20")));
    m_controller->waitForComputation();
    QVERIFY(!m_panel->interceptCheck()->isChecked());
    QCOMPARE(m_panel->methodCombo()->currentData().toInt(), int(DescentMethod::Sgd));
    QCOMPARE(m_panel->initValueSpins().size(), 3);
    QVERIFY(m_panel->batchSizeSpin()->isEnabled() == false);
    QVERIFY(m_panel->shuffleCheck()->isEnabled());
}

void TestControlPanel::startSpinBoxesSetInitValues()
{
    const QList<QDoubleSpinBox*>& spins = m_panel->initValueSpins();
    QVERIFY(spins[0]->isVisibleTo(m_panel.get()));
    spins[1]->setValue(0.5);
    QCOMPARE(run().settings.init, InitKind::Values);
    QCOMPARE(run().settings.initValues, (std::vector<double> { 0.75, 0.5 }));
    QCOMPARE(m_controller->model()->theta(0)[0], 0.75);
    QCOMPARE(m_controller->model()->theta(0)[1], 0.5);

    QComboBox* init = m_panel->initCombo();
    init->setCurrentIndex(init->findData(int(InitKind::Zeros)));
    QCOMPARE(run().settings.init, InitKind::Zeros);
    QVERIFY(!spins[0]->isVisibleTo(m_panel.get()));
    QCOMPARE(m_controller->model()->theta(0).norm(), 0.0);
}

void TestControlPanel::choosingValuesKeepsTheCurrentStart()
{
    QComboBox* init = m_panel->initCombo();
    init->setCurrentIndex(init->findData(int(InitKind::Random)));
    QVERIFY(m_panel->seedSpin()->isEnabled());
    const Eigen::VectorXd randomStart = m_controller->model()->theta(0);
    QVERIFY(randomStart.norm() > 0);
    init->setCurrentIndex(init->findData(int(InitKind::Values)));
    QCOMPARE(run().settings.init, InitKind::Values);
    QCOMPARE(m_controller->model()->theta(0), randomStart);
    QCOMPARE(m_panel->initValueSpins()[0]->value(), std::round(randomStart[0] * 1e4) / 1e4);
}

void TestControlPanel::customDataEntryAndRejectedSpecReverts()
{
    // Data with the target only: the model is the intercept alone, which cannot be switched off.
    Eigen::MatrixXd values(4, 1);
    values << 1, 2, 4, 3;
    QVERIFY(m_controller->openDataset(gdlab::Dataset({ "y" }, values, "mine.csv"), {}, QStringLiteral("mine.csv"))
                .isEmpty());
    QComboBox* lessons = m_panel->lessonCombo();
    QCOMPARE(lessons->count(), int(gdlab::lessonCatalog().size()) + 1);
    QCOMPARE(lessons->currentData().toString(), QString());
    QVERIFY(lessons->currentText().contains(QStringLiteral("Custom data")));
    QVERIFY(m_panel->lessonDescriptionLabel()->text().contains(QStringLiteral("4 rows")));
    QCOMPARE(m_panel->initValueSpins().size(), 1);

    const int refreshes = m_panel->refreshCount();
    m_panel->interceptCheck()->setChecked(false);
    QCOMPARE(m_refusals.size(), 1);
    QVERIFY(run().problem->spec().intercept);
    QVERIFY(m_panel->interceptCheck()->isChecked());
    // No new run: the refusal alone brought the panel back.
    QCOMPARE(m_panel->refreshCount(), refreshes + 1);

    // Back to a lesson: the custom entry goes away.
    lessons->setCurrentIndex(lessons->findData(QStringLiteral("five_points")));
    QCOMPARE(QString::fromStdString(run().lessonName), QStringLiteral("five_points"));
    QCOMPARE(lessons->count(), int(gdlab::lessonCatalog().size()));
    QCOMPARE(lessons->findData(QString()), -1);
}

void TestControlPanel::controllerChangesRefreshWithoutEcho()
{
    QSignalSpy rateEdits(rateControl(), &LearningRateControl::learningRateEdited);
    QSignalSpy edits(m_panel.get(), &ControlPanel::settingsEdited);
    QSignalSpy resets(m_controller->model(), &gdlab::IterationModel::runReset);
    const int refreshes = m_panel->refreshCount();
    gdlab::SolverSettings settings = run().settings;
    settings.learningRate = 0.05;
    settings.method = DescentMethod::MiniBatch;
    settings.batchSize = 3;
    settings.iterations = 321;
    settings.loss = LossKind::HalfMse;
    settings.tolerance = 1e-6;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    // One reset, one refresh, and no edit echoed back from the refreshed widgets.
    QCOMPARE(resets.count(), 1);
    QCOMPARE(m_panel->refreshCount(), refreshes + 1);
    QCOMPARE(edits.count(), 0);
    QCOMPARE(rateEdits.count(), 0);
    QCOMPARE(rateControl()->rateEdit()->text(), QStringLiteral("0.05"));
    QCOMPARE(m_panel->methodCombo()->currentData().toInt(), int(DescentMethod::MiniBatch));
    QCOMPARE(m_panel->batchSizeSpin()->value(), 3);
    QCOMPARE(m_panel->iterationsSpin()->value(), 321);
    QCOMPARE(m_panel->lossCombo()->currentData().toInt(), int(LossKind::HalfMse));
    QCOMPARE(m_panel->toleranceEdit()->text(), QStringLiteral("1e-06"));

    gdlab::ProblemSpec spec = run().problem->spec();
    spec.standardize = true;
    QVERIFY(m_controller->setProblemSpec(spec).isEmpty());
    QVERIFY(m_panel->standardizeCheck()->isChecked());
    QCOMPARE(resets.count(), 2);
    QCOMPARE(m_panel->refreshCount(), refreshes + 2);
    QCOMPARE(edits.count(), 0);
}

void TestControlPanel::learningRateEditIsNotEchoed_data()
{
    QTest::addColumn<QString>("how");
    QTest::addRow("typed") << QStringLiteral("typed");
    QTest::addRow("slider step") << QStringLiteral("slider");
    QTest::addRow("fastest button") << QStringLiteral("fastest");
}

// The rate chosen in the control's own widgets goes out once, comes back as the run's rate, and is not written
// into the control again; the panel refreshes once for the one new run.
void TestControlPanel::learningRateEditIsNotEchoed()
{
    QFETCH(QString, how);
    QSignalSpy rateEdits(rateControl(), &LearningRateControl::learningRateEdited);
    QSignalSpy settingsEdits(m_panel.get(), &ControlPanel::settingsEdited);
    QSignalSpy resets(m_controller->model(), &gdlab::IterationModel::runReset);
    QSignalSpy sliderMoves(rateControl()->slider(), &QSlider::valueChanged);
    QSignalSpy textChanges(rateControl()->rateEdit(), &QLineEdit::textChanged);
    const int refreshes = m_panel->refreshCount();
    const int controlRefreshes = rateControl()->refreshCount();
    const int rateSets = rateControl()->rateSetCount();
    const int iterations = m_panel->iterationsSpin()->value();

    if (how == QLatin1String("typed"))
        typeRate(QStringLiteral("0.02"));
    else if (how == QLatin1String("slider"))
        rateControl()->slider()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    else
        rateControl()->fastestButton()->click();
    const double chosen = rateControl()->learningRate();
    const int sliderAfterEdit = sliderMoves.count();
    const int textAfterEdit = textChanges.count();

    QCOMPARE(rateEdits.count(), 1);
    QCOMPARE(rateEdits.first().first().toDouble(), chosen);
    QCOMPARE(settingsEdits.count(), 1);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(run().settings.learningRate, chosen);
    // Nothing was written back: no setter call, and neither the slider nor the field moved after the edit.
    QCOMPARE(rateControl()->rateSetCount(), rateSets);
    QCOMPARE(sliderMoves.count(), sliderAfterEdit);
    QCOMPARE(textChanges.count(), textAfterEdit);
    QCOMPARE(rateControl()->learningRate(), chosen);
    QCOMPARE(m_panel->refreshCount(), refreshes + 1);
    QCOMPARE(rateControl()->refreshCount(), controlRefreshes + 1);
    QCOMPARE(m_panel->iterationsSpin()->value(), iterations);
}

void TestControlPanel::editsInTheGroupsAreNotEchoed_data()
{
    QTest::addColumn<QString>("what");
    for (const char* what : { "iterations", "method", "loss", "tolerance", "start value", "standardize" })
        QTest::addRow("%s", what) << QString::fromLatin1(what);
}

// Whichever widget sends the edit: one intent, one run, one refresh, and the widget keeps what the user left in
// it (a spin box being typed in, a tolerance written "1e-6" rather than the run's "1e-06").
void TestControlPanel::editsInTheGroupsAreNotEchoed()
{
    QFETCH(QString, what);
    QSignalSpy settingsEdits(m_panel.get(), &ControlPanel::settingsEdited);
    QSignalSpy specEdits(m_panel.get(), &ControlPanel::problemSpecEdited);
    QSignalSpy resets(m_controller->model(), &gdlab::IterationModel::runReset);
    const int refreshes = m_panel->refreshCount();
    QWidget* edited = nullptr;
    if (what == QLatin1String("iterations")) {
        m_panel->iterationsSpin()->setValue(345);
        edited = m_panel->iterationsSpin();
    } else if (what == QLatin1String("method")) {
        m_panel->methodCombo()->setCurrentIndex(m_panel->methodCombo()->findData(int(DescentMethod::Sgd)));
        edited = m_panel->methodCombo();
    } else if (what == QLatin1String("loss")) {
        m_panel->lossCombo()->setCurrentIndex(m_panel->lossCombo()->findData(int(LossKind::HalfMse)));
        edited = m_panel->lossCombo();
    } else if (what == QLatin1String("tolerance")) {
        m_panel->toleranceEdit()->setText(QStringLiteral("1e-6"));
        emit m_panel->toleranceEdit()->editingFinished();
        edited = m_panel->toleranceEdit();
    } else if (what == QLatin1String("start value")) {
        m_panel->initValueSpins()[1]->setValue(0.25);
        edited = m_panel->initValueSpins()[1];
    } else {
        m_panel->standardizeCheck()->setChecked(true);
        edited = m_panel->standardizeCheck();
    }
    QVERIFY(m_refusals.isEmpty());
    QCOMPARE(settingsEdits.count() + specEdits.count(), 1);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(m_panel->refreshCount(), refreshes + 1);
    QVERIFY(edited);
    if (what == QLatin1String("iterations"))
        QCOMPARE(run().settings.iterations, 345LL);
    else if (what == QLatin1String("method"))
        QCOMPARE(run().settings.method, DescentMethod::Sgd);
    else if (what == QLatin1String("loss"))
        QCOMPARE(run().settings.loss, LossKind::HalfMse);
    else if (what == QLatin1String("tolerance")) {
        QCOMPARE(run().settings.tolerance, 1e-6);
        QCOMPARE(m_panel->toleranceEdit()->text(), QStringLiteral("1e-6"));
    } else if (what == QLatin1String("start value"))
        QCOMPARE(run().settings.initValues, (std::vector<double> { 0.75, 0.25 }));
    else
        QVERIFY(run().problem->spec().standardize);
}

// A long run computes on a worker and the panel shows the old run meanwhile: a second edit must still carry the
// first one.
void TestControlPanel::editsBuildOnEachOtherBeforeTheRunIsBack()
{
    ControlPanel panel(m_controller->model()); // nothing routed: no run comes back
    QSignalSpy edits(&panel, &ControlPanel::settingsEdited);
    panel.iterationsSpin()->setValue(5000);
    panel.lossCombo()->setCurrentIndex(panel.lossCombo()->findData(int(LossKind::Sse)));
    panel.learningRateControl()->fastestButton()->click();
    QCOMPARE(edits.count(), 3);
    const auto last = edits.last().first().value<SolverSettings>();
    QCOMPARE(last.iterations, 5000LL);
    QCOMPARE(last.loss, LossKind::Sse);
    QCOMPARE(last.learningRate, run().stability.optimalRate);
    QCOMPARE(last.initValues, run().settings.initValues);
    // The run itself is untouched, and the panel has not been refreshed by anything.
    QCOMPARE(run().settings.iterations, 1000LL);
    QCOMPARE(panel.refreshCount(), 1);
}

void TestControlPanel::choosingALessonIsAnIntent()
{
    ControlPanel panel(m_controller->model());
    QSignalSpy chosen(&panel, &ControlPanel::lessonChosen);
    QComboBox* lessons = panel.lessonCombo();
    lessons->setCurrentIndex(lessons->findData(QStringLiteral("nist_norris")));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().first().toString(), QStringLiteral("nist_norris"));
    QCOMPARE(run().lessonName, std::string("five_points"));
    // Shown the run again (as after a refusal), the chooser is back on the lesson the run has.
    panel.refresh();
    QCOMPARE(lessons->currentData().toString(), QStringLiteral("five_points"));
    QCOMPARE(chosen.count(), 1);
}

// A refused rate leaves the run as it was; refresh() puts the run's rate back into the slider and the field.
void TestControlPanel::refusedRateShowsTheRunAgain()
{
    ControlPanel panel(m_controller->model());
    int refused = 0;
    connect(&panel, &ControlPanel::settingsEdited, &panel, [&panel, &refused] {
        ++refused;
        panel.refresh();
    });
    LearningRateControl* control = panel.learningRateControl();
    const int rateSets = control->rateSetCount();
    const int sliderBefore = control->slider()->value();
    control->slider()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QCOMPARE(refused, 1);
    QCOMPARE(control->learningRate(), 0.01);
    QCOMPARE(control->slider()->value(), sliderBefore);
    QCOMPARE(control->rateEdit()->text(), QStringLiteral("0.01"));
    QCOMPARE(control->rateSetCount(), rateSets + 1);
    QCOMPARE(control->zone(), LearningRateControl::Zone::Stable);
}

void TestControlPanel::nothingLoadedRefusesAndShowsTheDefaults()
{
    SessionController empty;
    ControlPanel panel(empty.model());
    QStringList refusals;
    gdlab::test::routeIntents(&panel, &empty, &refusals);
    QCOMPARE(panel.lessonCombo()->currentData().toString(), QString());
    QVERIFY(panel.lessonDescriptionLabel()->text().contains(QStringLiteral("Nothing loaded")));
    QVERIFY(!panel.learningRateControl()->fastestButton()->isEnabled());
    QCOMPARE(panel.initValueSpins().size(), 0);

    panel.iterationsSpin()->setValue(77);
    QCOMPARE(refusals.size(), 1);
    QCOMPARE(panel.iterationsSpin()->value(), int(SolverSettings().iterations));
    QLineEdit* rate = panel.learningRateControl()->rateEdit();
    rate->setText(QStringLiteral("0.5"));
    emit rate->editingFinished();
    QCOMPARE(refusals.size(), 2);
    QCOMPARE(panel.learningRateControl()->learningRate(), SolverSettings().learningRate);
}

void TestControlPanel::fitsInANarrowPanel()
{
    m_panel->resize(300, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QScrollArea* area = m_panel->scrollArea();
    QVERIFY2(area->widget()->minimumSizeHint().width() <= area->viewport()->width(),
        qPrintable(QStringLiteral("content needs %1 px, has %2")
                       .arg(area->widget()->minimumSizeHint().width())
                       .arg(area->viewport()->width())));
    QVERIFY(!area->horizontalScrollBar()->isVisible());
}

} // namespace tst_control_panel

QTEST_MAIN(tst_control_panel::TestControlPanel)
#include "tst_control_panel.moc"
