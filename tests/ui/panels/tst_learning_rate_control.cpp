// The learning-rate control on its own: it shows the run's rate, bounds and method, sends the user's choice once,
// and never writes a rate back into the slider being dragged, the field being typed in, or the control that
// chose it.
#include "panels/learning_rate_control.h"

#include "panels/learning_rate_scale.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QToolButton>
#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_learning_rate_control {

using gdlab::IterationModel;
using gdlab::LearningRateControl;
using gdlab::SessionController;

class TestLearningRateControl : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsTheRun();
    void oneResetOneRefresh();
    void typedRateIsSentOnceAndNotEchoed();
    void draggedSliderIsNeverMovedUnderTheHand();
    void rateFromElsewhereIsShown();
    void fieldBeingTypedInKeepsItsText();
    void refusedRateComesBackOnRefresh();
    void zones_data();
    void zones();
    void stochasticMethodsSayTheBoundIsForBatch();
    void nothingLoaded();
    void boundsFollowTheOptimizer_data();
    void boundsFollowTheOptimizer();
    void fastestSetsHeavyBallsRateAndMomentum();

private:
    const gdlab::Run& run() const { return *m_controller->model()->run(); }
    void typeRate(const QString& text);

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<LearningRateControl> m_control;
    int m_refusals = 0;
};

void TestLearningRateControl::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_control = std::make_unique<LearningRateControl>(m_controller->model());
    m_refusals = 0;
    connect(m_control.get(), &LearningRateControl::learningRateEdited, m_controller.get(), [this](double rate) {
        if (!m_controller->setLearningRate(rate).isEmpty()) {
            ++m_refusals;
            m_control->refresh();
        }
    });
}

void TestLearningRateControl::cleanup()
{
    m_control.reset();
    m_controller.reset();
}

void TestLearningRateControl::typeRate(const QString& text)
{
    QLineEdit* edit = m_control->rateEdit();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void TestLearningRateControl::showsTheRun()
{
    QCOMPARE(m_control->learningRate(), run().settings.learningRate);
    QCOMPARE(m_control->rateEdit()->text(), QStringLiteral("0.01"));
    QCOMPARE(m_control->bounds().divergenceBound, run().stability.divergenceBound);
    QCOMPARE(m_control->bounds().optimalRate, run().stability.optimalRate);
    QCOMPARE(m_control->scale()->rate(), run().settings.learningRate);
    QVERIFY(m_control->fastestButton()->isEnabled());
    QVERIFY(m_control->methodIsBatch());
    QVERIFY(m_control->fastestButton()->toolTip().contains(QString::number(run().stability.optimalRate, 'g', 6)));
}

void TestLearningRateControl::oneResetOneRefresh()
{
    QSignalSpy resets(m_controller->model(), &IterationModel::runReset);
    const int refreshes = m_control->refreshCount();
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    gdlab::SolverSettings settings = run().settings;
    settings.loss = gdlab::LossKind::Sse;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    QCOMPARE(resets.count(), 2);
    QCOMPARE(m_control->refreshCount(), refreshes + 2);
    // The sum of squares has other bounds: they came with the run.
    QCOMPARE(m_control->bounds().divergenceBound, run().stability.divergenceBound);
}

void TestLearningRateControl::typedRateIsSentOnceAndNotEchoed()
{
    QSignalSpy edits(m_control.get(), &LearningRateControl::learningRateEdited);
    QSignalSpy texts(m_control->rateEdit(), &QLineEdit::textChanged);
    const int sets = m_control->rateSetCount();
    typeRate(QStringLiteral("0.020"));
    QCOMPARE(edits.count(), 1);
    QCOMPARE(edits.first().first().toDouble(), 0.02);
    QCOMPARE(run().settings.learningRate, 0.02);
    QCOMPARE(m_control->rateSetCount(), sets);
    // The field was rewritten once, by the control itself as the edit left it ("0.020" → "0.02"), not by the run.
    QCOMPARE(texts.last().first().toString(), QStringLiteral("0.02"));
    const int textsAfterEdit = int(texts.count());
    QCOMPARE(m_control->rateEdit()->text(), QStringLiteral("0.02"));
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty()); // the same run: nothing to do
    QCOMPARE(texts.count(), textsAfterEdit);
    QCOMPARE(m_refusals, 0);
}

void TestLearningRateControl::draggedSliderIsNeverMovedUnderTheHand()
{
    QSlider* slider = m_control->slider();
    QSignalSpy edits(m_control.get(), &LearningRateControl::learningRateEdited);
    QSignalSpy resets(m_controller->model(), &IterationModel::runReset);
    const int sets = m_control->rateSetCount();
    const int start = slider->value();
    slider->setSliderDown(true);
    slider->setValue(start + 20);
    QCOMPARE(edits.count(), 0);
    // The rate goes out in the next turn while the hand is still on the slider; its run comes back.
    QTRY_COMPARE(edits.count(), 1);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(run().settings.learningRate, 0.01122);
    slider->setValue(start + 40);
    // A run from elsewhere arrives mid-drag: the handle stays where the hand has it.
    QVERIFY(m_controller->setLearningRate(0.5).isEmpty());
    QCOMPARE(slider->value(), start + 40);
    QCOMPARE(m_control->rateSetCount(), sets);
    slider->setSliderDown(false);
    QCOMPARE(run().settings.learningRate, 0.01259);
    QCOMPARE(m_control->rateEdit()->text(), QStringLiteral("0.01259"));
    QCOMPARE(m_control->rateSetCount(), sets);
}

void TestLearningRateControl::rateFromElsewhereIsShown()
{
    QSignalSpy edits(m_control.get(), &LearningRateControl::learningRateEdited);
    const int sets = m_control->rateSetCount();
    QVERIFY(m_controller->setLearningRate(0.05).isEmpty());
    QCOMPARE(m_control->rateSetCount(), sets + 1);
    QCOMPARE(m_control->rateEdit()->text(), QStringLiteral("0.05"));
    QCOMPARE(m_control->scale()->rate(), 0.05);
    QVERIFY(std::abs(m_control->scale()->rateFraction() - (std::log10(0.05) + 6) / 7) < 1e-12);
    QCOMPARE(edits.count(), 0);
}

void TestLearningRateControl::fieldBeingTypedInKeepsItsText()
{
    m_control->show();
    m_control->activateWindow();
    if (!QTest::qWaitForWindowActive(m_control.get()))
        QSKIP("no window activation on this platform");
    QLineEdit* edit = m_control->rateEdit();
    edit->setFocus();
    QTRY_VERIFY(edit->hasFocus());
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("0.00"));
    QVERIFY(m_controller->setLearningRate(0.04).isEmpty());
    QCOMPARE(edit->text(), QStringLiteral("0.00"));
    QTest::keyClicks(edit, QStringLiteral("3"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(run().settings.learningRate, 0.003);
}

void TestLearningRateControl::refusedRateComesBackOnRefresh()
{
    // A control whose every choice is refused: the window calls refresh() after the refusal.
    LearningRateControl control(m_controller->model());
    int refused = 0;
    connect(&control, &LearningRateControl::learningRateEdited, &control, [&control, &refused] {
        ++refused;
        control.refresh();
    });
    const int position = control.slider()->value();
    control.rateEdit()->setText(QStringLiteral("0.07"));
    emit control.rateEdit()->editingFinished();
    QCOMPARE(refused, 1);
    QCOMPARE(control.rateEdit()->text(), QStringLiteral("0.01"));
    QCOMPARE(control.learningRate(), 0.01);
    QCOMPARE(control.slider()->value(), position);
    control.fastestButton()->click();
    QCOMPARE(refused, 2);
    QCOMPARE(control.learningRate(), 0.01);
}

void TestLearningRateControl::zones_data()
{
    QTest::addColumn<double>("factorOfBound");
    QTest::addColumn<int>("zone");
    QTest::addColumn<QString>("words");
    QTest::addRow("well below") << 0.1 << int(LearningRateControl::Zone::Stable) << QStringLiteral("Stable");
    QTest::addRow("between") << 0.99 << int(LearningRateControl::Zone::Oscillating) << QStringLiteral("oscillates");
    QTest::addRow("above") << 1.5 << int(LearningRateControl::Zone::Diverging) << QStringLiteral("will diverge");
}

void TestLearningRateControl::zones()
{
    QFETCH(double, factorOfBound);
    QFETCH(int, zone);
    QFETCH(QString, words);
    const double bound = run().stability.divergenceBound;
    QVERIFY(m_controller->setLearningRate(bound * factorOfBound).isEmpty());
    QCOMPARE(int(m_control->zone()), zone);
    QVERIFY2(m_control->noteText().contains(words), qPrintable(m_control->noteText()));
    QVERIFY(m_control->noteText().contains(QString::number(bound, 'g', 3)));
    const QColor colour = m_control->noteLabel()->palette().color(QPalette::WindowText);
    if (zone == int(LearningRateControl::Zone::Diverging))
        QCOMPARE(colour, gdlab::ViewPalette::warning());
    else if (zone == int(LearningRateControl::Zone::Oscillating))
        QCOMPARE(colour, gdlab::ViewPalette::caution());
    else
        QCOMPARE(colour, gdlab::LearningRateScale::mutedText(m_control->palette()));
    QCOMPARE(m_control->noteLabel()->font().bold(), zone == int(LearningRateControl::Zone::Diverging));
}

void TestLearningRateControl::stochasticMethodsSayTheBoundIsForBatch()
{
    gdlab::SolverSettings settings = run().settings;
    settings.method = gdlab::DescentMethod::MiniBatch;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    QVERIFY(!m_control->methodIsBatch());
    QVERIFY(m_control->noteText().contains(QStringLiteral("The bound is for batch descent")));
}

void TestLearningRateControl::nothingLoaded()
{
    IterationModel empty;
    LearningRateControl control(&empty);
    QCOMPARE(control.zone(), LearningRateControl::Zone::Unknown);
    QVERIFY(control.noteText().isEmpty());
    QVERIFY(!control.fastestButton()->isEnabled());
    QCOMPARE(control.learningRate(), gdlab::SolverSettings().learningRate);
    QVERIFY(control.scale()->boundFraction() < 0);
}

void TestLearningRateControl::boundsFollowTheOptimizer_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("factor"); // the bound as a multiple of gd's 2/λmax; 0 = no fixed bound
    QTest::addColumn<QString>("note"); // part of the note at lr = 1.01 × the bound (or at the lesson's lr)
    QTest::addRow("gd") << int(gdlab::OptimizerKind::Gd) << 1.0 << QStringLiteral("batch descent will diverge");
    QTest::addRow("momentum") << int(gdlab::OptimizerKind::Momentum) << 1.9 << QStringLiteral("momentum will diverge");
    QTest::addRow("nesterov") << int(gdlab::OptimizerKind::Nesterov) << 1.9 / 2.8
                              << QStringLiteral("nesterov will diverge");
    QTest::addRow("adam") << int(gdlab::OptimizerKind::Adam) << 0.0
                          << QStringLiteral("adam has no fixed stability bound");
    QTest::addRow("rmsprop") << int(gdlab::OptimizerKind::RmsProp) << 0.0
                             << QStringLiteral("rmsprop has no fixed stability bound");
}

// The marks, the note and the zone are the run's optimizer's: heavy ball's 2(1+μ)/λmax, Nesterov's
// 2(1+μ)/((1+2μ)·λmax), and no bound at all for the adaptive methods (said, not invented).
void TestLearningRateControl::boundsFollowTheOptimizer()
{
    QFETCH(int, kind);
    QFETCH(double, factor);
    QFETCH(QString, note);
    const double gdBound = run().stability.divergenceBound;
    gdlab::SolverSettings settings = run().settings;
    settings.optimizer.kind = gdlab::OptimizerKind(kind);
    if (factor > 0)
        settings.learningRate = 1.01 * factor * gdBound;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QCOMPARE(int(m_control->optimizer()), kind);
    if (factor > 0) {
        QVERIFY(m_control->bounds().hasBound);
        QVERIFY(std::abs(m_control->bounds().divergenceBound - factor * gdBound) <= 1e-12 * gdBound);
        QCOMPARE(m_control->zone(), LearningRateControl::Zone::Diverging);
    } else {
        QVERIFY(!m_control->bounds().hasBound);
        QCOMPARE(m_control->zone(), LearningRateControl::Zone::NoFixedBound);
    }
    QVERIFY2(m_control->noteText().contains(note), qPrintable(m_control->noteText()));
    QVERIFY(!m_control->noteLabel()->isHidden());
}

// Heavy ball's optimum is a pair: the button sends lr = 4/(√λmax+√λmin)² with μ = ((√κ−1)/(√κ+1))².
void TestLearningRateControl::fastestSetsHeavyBallsRateAndMomentum()
{
    gdlab::SolverSettings settings = run().settings;
    settings.optimizer.kind = gdlab::OptimizerKind::Momentum;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QSignalSpy rates(m_control.get(), &LearningRateControl::learningRateEdited);
    QSignalSpy pairs(m_control.get(), &LearningRateControl::momentumOptimumChosen);
    QVERIFY(m_control->fastestButton()->isEnabled());
    m_control->fastestButton()->click();
    QCOMPARE(rates.count(), 0);
    QCOMPARE(pairs.count(), 1);
    const double lambdaMax = run().stability.lambdaMax;
    const double lambdaMin = run().stability.lambdaMin;
    const double rootKappa = std::sqrt(lambdaMax / lambdaMin);
    const double rate = pairs.at(0).at(0).toDouble();
    const double momentum = pairs.at(0).at(1).toDouble();
    QVERIFY(std::abs(rate - 4 / std::pow(std::sqrt(lambdaMax) + std::sqrt(lambdaMin), 2)) <= 1e-12 * rate);
    QVERIFY(std::abs(momentum - std::pow((rootKappa - 1) / (rootKappa + 1), 2)) <= 1e-12);
    QVERIFY(m_control->fastestButton()->toolTip().contains(QStringLiteral("μ")));

    // Newton's fastest is lr 1; the adaptive methods have none.
    settings.optimizer.kind = gdlab::OptimizerKind::Newton;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    m_control->fastestButton()->click();
    QCOMPARE(rates.count(), 1);
    QCOMPARE(rates.at(0).at(0).toDouble(), 1.0);
    settings.optimizer.kind = gdlab::OptimizerKind::AdaGrad;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_controller->waitForComputation();
    QVERIFY(!m_control->fastestButton()->isEnabled());
}

} // namespace tst_learning_rate_control

QTEST_MAIN(tst_learning_rate_control::TestLearningRateControl)
#include "tst_learning_rate_control.moc"
