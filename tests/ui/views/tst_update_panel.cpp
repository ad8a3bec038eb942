#include "support/model_states.h"
#include "support/streaming_run.h"
#include "views/plot_style.h"
#include "views/update_panel.h"

#include "loss.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QtTest>

#include <cmath>
#include <memory>

namespace tst_update_panel {

using namespace gdlab;

namespace {

struct Fixture {
    std::unique_ptr<SessionController> controller;
    std::unique_ptr<UpdatePanel> panel;
};

Fixture makeFixture(const char* lesson)
{
    Fixture fixture;
    fixture.controller = std::make_unique<SessionController>();
    if (!fixture.controller->loadLesson(QString::fromLatin1(lesson)).isEmpty())
        return fixture;
    fixture.controller->waitForComputation();
    fixture.panel = std::make_unique<UpdatePanel>(fixture.controller->model());
    fixture.panel->resize(420, 400);
    return fixture;
}

/** One displayed update line "θ0:  0.75 − 0.01 × (−1.62) = 0.7662", parsed back into numbers. */
struct StepLine {
    QString symbol;
    double theta = 0;
    double rate = 0;
    double gradient = 0;
    double next = 0;
};

double parseNumber(QString text, bool* ok)
{
    text.replace(QChar(0x2212), QLatin1Char('-'));
    return text.toDouble(ok);
}

std::vector<StepLine> stepLines(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\S+):  (\\S+) \u2212 (\\S+) × \\((\\S+)\\) = (\\S+)$"), QRegularExpression::MultilineOption);
    std::vector<StepLine> lines;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        StepLine line;
        line.symbol = match.captured(1);
        bool ok[4] = {};
        line.theta = parseNumber(match.captured(2), &ok[0]);
        line.rate = parseNumber(match.captured(3), &ok[1]);
        line.gradient = parseNumber(match.captured(4), &ok[2]);
        line.next = parseNumber(match.captured(5), &ok[3]);
        if (ok[0] && ok[1] && ok[2] && ok[3])
            lines.push_back(line);
    }
    return lines;
}

bool close(double a, double b, double relative)
{
    return std::abs(a - b) <= relative * std::max({ std::abs(a), std::abs(b), 1e-300 });
}

/** Checks every displayed line at the model's current row against the model and against a hand calculation. */
void verifyNumbers(const Fixture& f)
{
    const IterationModel* model = f.controller->model();
    const int row = model->currentRow();
    QVERIFY(row < model->lastRow());
    const gdlab::test::State from = gdlab::test::stateAt(*model, row);
    const gdlab::test::State to = gdlab::test::stateAt(*model, row + 1);
    const double rate = f.controller->model()->run()->settings.learningRate;
    const std::vector<StepLine> lines = stepLines(f.panel->text());
    QCOMPARE(static_cast<Eigen::Index>(lines.size()), from.theta.size());
    for (Eigen::Index j = 0; j < from.theta.size(); ++j) {
        const StepLine& line = lines[static_cast<std::size_t>(j)];
        QCOMPARE(line.symbol, model->parameterSymbols().value(int(j)));
        // The displayed numbers are the model's, to the seven digits shown.
        QVERIFY2(close(line.theta, from.theta[j], 1e-6), qPrintable(f.panel->text()));
        QVERIFY(close(line.rate, rate, 1e-6));
        QVERIFY(close(line.gradient, to.stepGradient[j], 1e-6));
        QVERIFY(close(line.next, to.theta[j], 1e-6));
        // The student's check: θ_k − lr·g with the numbers on the screen gives the θ_{k+1} on the screen.
        const double byHand = line.theta - line.rate * line.gradient;
        QVERIFY2(close(byHand, line.next, 1e-6),
            qPrintable(QStringLiteral("%1: %2 vs %3").arg(line.symbol).arg(byHand, 0, 'g', 17).arg(line.next)));
        // And the same with the model's full-precision numbers.
        QVERIFY(close(from.theta[j] - rate * to.stepGradient[j], line.next, 1e-6));
    }
}

} // namespace

class TestUpdatePanel : public QObject {
    Q_OBJECT

private slots:
    void firstStepOfFivePoints();
    void numbersFollowTheCurrentRow();
    void lastRowHasNoUpdate();
    void sgdUsesOneSample();
    void miniBatchNamesItsRows();
    void standardizedShowsOriginalUnits();
    void lossFormulaFollowsTheLoss_data();
    void lossFormulaFollowsTheLoss();
    void learningRateChangeUpdatesTheNumbers();
    void presentationModeEnlarges();
    void oneResetOneRefresh();
    void lastRowGainsItsUpdateAsRowsArrive();
    void emptyModelSaysSo();
    void gradientIsInTheArrowsColour();
    void optimizersShowTheirState();
    void longTextScrollsInsteadOfBeingCutOff_data();
    void longTextScrollsInsteadOfBeingCutOff();
    void narrowPanelKeepsTheNewValuesInView_data();
    void narrowPanelKeepsTheNewValuesInView();
};

void TestUpdatePanel::firstStepOfFivePoints()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.panel);
    QCOMPARE(f.controller->model()->currentRow(), 0);
    const QString text = f.panel->text();
    QVERIFY2(text.contains(QStringLiteral("θ0:  0.75 − 0.01 × (−1.62) = 0.7662")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("θ1:  0.48 − 0.01 × (−6.14) = 0.5414")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("gradient of all 5 rows")));
    QVERIFY(text.contains(QStringLiteral("Update k = 0 → 1")));
    verifyNumbers(f);
    // The loss before and after, as the model has them.
    const IterationModel* model = f.controller->model();
    QVERIFY(text.contains(QStringLiteral("L(θ_k) = %1 → L(θ_k+1) = %2")
                              .arg(QString::number(model->loss(0), 'g', 7), QString::number(model->loss(1), 'g', 7))));
    // The rich text shows the same numbers.
    QVERIFY(f.panel->richText().contains(QStringLiteral("0.7662")));
    QVERIFY(f.panel->richText().contains(QStringLiteral("0.5414")));
}

void TestUpdatePanel::numbersFollowTheCurrentRow()
{
    Fixture f = makeFixture("five_points");
    IterationModel* model = f.controller->model();
    model->setCurrentRow(10);
    QVERIFY(f.panel->text().contains(QStringLiteral("Update k = 10 → 11")));
    verifyNumbers(f);
    // Batch descent steps with the full gradient at θ_k.
    QVERIFY((gdlab::test::stateAt(*model, 11).stepGradient - gdlab::test::stateAt(*model, 10).gradient).norm() == 0);
    model->setCurrentRow(500);
    verifyNumbers(f);
    model->setCurrentRow(0);
    QVERIFY(f.panel->text().contains(QStringLiteral("= 0.7662")));
}

void TestUpdatePanel::lastRowHasNoUpdate()
{
    Fixture f = makeFixture("five_points");
    IterationModel* model = f.controller->model();
    model->setCurrentRow(model->lastRow());
    const QString text = f.panel->text();
    QVERIFY(text.contains(QStringLiteral("This is the last iteration: no further update.")));
    QVERIFY(stepLines(text).empty());
    QVERIFY(
        text.contains(QStringLiteral("θ0 = %1").arg(QString::number(model->theta(model->currentRow())[0], 'g', 7))));
    model->setCurrentRow(model->lastRow() - 1);
    QVERIFY(!f.panel->text().contains(QStringLiteral("last iteration")));
    verifyNumbers(f);
}

void TestUpdatePanel::sgdUsesOneSample()
{
    Fixture f = makeFixture("three_features_ints_n20");
    QVERIFY(f.panel);
    IterationModel* model = f.controller->model();
    QCOMPARE(f.controller->model()->run()->settings.method, DescentMethod::Sgd);
    QVERIFY(f.panel->text().contains(QStringLiteral("gradient of sample 1 of 20")));
    verifyNumbers(f);
    // No intercept: the parameters are θ1…θ3, as in the tutorial.
    QCOMPARE(stepLines(f.panel->text()).front().symbol, QStringLiteral("θ1"));
    model->setCurrentRow(25);
    QVERIFY2(f.panel->text().contains(QStringLiteral("gradient of sample 6 of 20")), qPrintable(f.panel->text()));
    verifyNumbers(f);
    // The sample's gradient, not the full one at θ_k: the panel shows what the update really used.
    QVERIFY((gdlab::test::stateAt(*model, 26).stepGradient - gdlab::test::stateAt(*model, 25).gradient).norm() > 0);
    QVERIFY(f.panel->text().contains(QStringLiteral("n = 1")));
}

void TestUpdatePanel::miniBatchNamesItsRows()
{
    Fixture f = makeFixture("two_features_n100");
    QVERIFY(f.panel);
    SolverSettings settings = f.controller->model()->run()->settings;
    settings.method = DescentMethod::MiniBatch;
    settings.batchSize = 32;
    QVERIFY(f.controller->setSettings(settings).isEmpty());
    f.controller->waitForComputation();
    IterationModel* model = f.controller->model();
    model->setCurrentRow(0);
    QVERIFY2(f.panel->text().contains(QStringLiteral("gradient of this mini-batch: rows 1–32 of 100")),
        qPrintable(f.panel->text()));
    // The fourth batch of an epoch is the short one.
    model->setCurrentRow(3);
    QVERIFY(f.panel->text().contains(QStringLiteral("rows 97–100 of 100")));
    verifyNumbers(f);
    model->setCurrentRow(4);
    QVERIFY(f.panel->text().contains(QStringLiteral("rows 1–32 of 100")));
}

void TestUpdatePanel::standardizedShowsOriginalUnits()
{
    Fixture f = makeFixture("nist_norris");
    QVERIFY(f.panel);
    const auto& problem = f.controller->model()->run()->problem;
    QVERIFY(problem->isStandardized());
    IterationModel* model = f.controller->model();
    model->setCurrentRow(3);
    const QString text = f.panel->text();
    verifyNumbers(f);
    QVERIFY(text.contains(QStringLiteral("scaled units")));
    QVERIFY(text.contains(QStringLiteral("original units")));
    const Eigen::VectorXd before = problem->toOriginalUnits(model->theta(3));
    const Eigen::VectorXd after = problem->toOriginalUnits(model->theta(4));
    for (Eigen::Index j = 0; j < before.size(); ++j) {
        const QString line = QStringLiteral("%1 (%2):  %3 → %4")
                                 .arg(QString::fromStdString(problem->parameterSymbols()[std::size_t(j)]),
                                     QString::fromStdString(problem->parameterNames()[std::size_t(j)]),
                                     QString::number(before[j], 'g', 7).replace(QLatin1Char('-'), QChar(0x2212)),
                                     QString::number(after[j], 'g', 7).replace(QLatin1Char('-'), QChar(0x2212)));
        QVERIFY2(text.contains(line), qPrintable(line + QStringLiteral("\n---\n") + text));
    }
    // The scaled θ and the original one differ, so the two are not the same lines twice.
    QVERIFY((before - model->theta(3)).norm() > 1e-3);

    // Unstandardized data say nothing about units.
    Fixture plain = makeFixture("five_points");
    QVERIFY(!plain.panel->text().contains(QStringLiteral("original units")));
}

void TestUpdatePanel::lossFormulaFollowsTheLoss_data()
{
    QTest::addColumn<int>("loss");
    QTest::addRow("mse") << int(LossKind::Mse);
    QTest::addRow("half-mse") << int(LossKind::HalfMse);
    QTest::addRow("sse") << int(LossKind::Sse);
}

void TestUpdatePanel::lossFormulaFollowsTheLoss()
{
    QFETCH(int, loss);
    const auto kind = static_cast<LossKind>(loss);
    Fixture f = makeFixture("five_points");
    SolverSettings settings = f.controller->model()->run()->settings;
    settings.loss = kind;
    settings.learningRate = kind == LossKind::Sse ? 0.001 : 0.01;
    QVERIFY(f.controller->setSettings(settings).isEmpty());
    f.controller->waitForComputation();
    const QString text = f.panel->text();
    const QString lossText
        = QStringLiteral("Loss %1: %2").arg(QString::fromUtf8(lossName(kind)), QString::fromUtf8(lossFormula(kind)));
    const QString gradient = QString::fromUtf8(lossGradientFormula(kind));
    QVERIFY2(text.contains(lossText + QStringLiteral(", ") + gradient), qPrintable(text));
    // On screen the gradient starts a line of its own.
    QVERIFY2(f.panel->richText().contains(lossText.toHtmlEscaped() + QStringLiteral("<br>") + gradient.toHtmlEscaped()),
        qPrintable(f.panel->richText()));
    QVERIFY(text.contains(QStringLiteral("n = 5 rows")));
    verifyNumbers(f);
}

void TestUpdatePanel::learningRateChangeUpdatesTheNumbers()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.controller->setLearningRate(0.02).isEmpty());
    f.controller->waitForComputation();
    const QString text = f.panel->text();
    // θ0 = 0.75 − 0.02 × (−1.62): the same gradient at the same start, twice the step.
    QVERIFY2(text.contains(QStringLiteral("θ0:  0.75 − 0.02 × (−1.62) = 0.7824")), qPrintable(text));
    verifyNumbers(f);
}

void TestUpdatePanel::presentationModeEnlarges()
{
    Fixture f = makeFixture("five_points");
    const auto* view = f.panel->findChild<QTextBrowser*>();
    QVERIFY(view);
    const double normal = view->font().pointSizeF();
    f.panel->setPresentationMode(true);
    QVERIFY(f.panel->isPresentationMode());
    QVERIFY(view->font().pointSizeF() > normal * 1.1);
    // The text itself is set in the larger font.
    QVERIFY(view->document()->defaultFont().pointSizeF() > normal * 1.1);
    f.panel->setPresentationMode(false);
    QCOMPARE(view->font().pointSizeF(), normal);
    // A window in presentation mode enlarges its own font; the panel does not enlarge that again.
    QFont bigger = f.panel->font();
    bigger.setPointSizeF(normal * gdlab::PlotStyle::presentationScale());
    f.panel->setFont(bigger);
    f.panel->setPresentationMode(true);
    QCOMPARE(view->font().pointSizeF(), normal * gdlab::PlotStyle::presentationScale());
}

void TestUpdatePanel::oneResetOneRefresh()
{
    Fixture f = makeFixture("five_points");
    IterationModel* model = f.controller->model();
    QSignalSpy resets(model, &IterationModel::runReset);
    const int refreshes = f.panel->refreshCount();
    model->setCurrentRow(7);
    QCOMPARE(f.panel->refreshCount(), refreshes); // moving the cursor is no reset
    QVERIFY(f.panel->text().contains(QStringLiteral("Update k = 7 → 8")));
    QVERIFY(f.controller->setLearningRate(0.03).isEmpty());
    QVERIFY(f.controller->setLearningRate(0.04).isEmpty());
    QCOMPARE(resets.count(), 2);
    QCOMPARE(f.panel->refreshCount(), refreshes + 2);
    QVERIFY(f.panel->text().contains(QStringLiteral("lr = 0.04")));
}

void TestUpdatePanel::lastRowGainsItsUpdateAsRowsArrive()
{
    Fixture f = makeFixture("five_points");
    IterationModel streamed;
    UpdatePanel panel(&streamed);
    gdlab::test::startStreaming(streamed, f.controller->model()->sharedRun(), 4);
    streamed.setCurrentRow(3);
    QVERIFY(panel.text().contains(QStringLiteral("This is the last iteration")));
    streamed.appendRows(10);
    QVERIFY2(panel.text().contains(QStringLiteral("Update k = 3 → 4")), qPrintable(panel.text()));
    QCOMPARE(panel.refreshCount(), 2);
    // Rows after the shown one change nothing it says.
    const QString before = panel.text();
    streamed.appendRows(20);
    QCOMPARE(panel.text(), before);
}

void TestUpdatePanel::emptyModelSaysSo()
{
    IterationModel empty;
    UpdatePanel panel(&empty);
    QCOMPARE(panel.text(), QStringLiteral("No descent yet: open a lesson or a CSV file."));
    QCOMPARE(panel.refreshCount(), 1);
}

void TestUpdatePanel::gradientIsInTheArrowsColour()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.panel->richText().contains(
        QStringLiteral("color:%1\">(−1.62)").arg(gdlab::ViewPalette::gradient().name(QColor::HexRgb))));
}

// Worked by hand from five_points' first gradient at (0.75, 0.48), g = (−1.62, −6.14), lr 0.01: Adam's first
// update has m = 0.1·g, s = 0.001·g², bias corrections 0.1 and 0.001, so θ0 moves by lr·sign(g) to 0.76;
// momentum's second update carries v = g of the first.
void TestUpdatePanel::optimizersShowTheirState()
{
    Fixture f = makeFixture("five_points");
    QVERIFY(f.panel);
    SolverSettings settings = f.controller->model()->run()->settings;
    settings.optimizer.kind = OptimizerKind::Adam;
    QVERIFY(f.controller->setSettings(settings).isEmpty());
    f.controller->waitForComputation();
    f.controller->model()->setCurrentRow(0);
    QString text = f.panel->text();
    QVERIFY2(text.contains(QStringLiteral("Update k = 0 → 1 (adam)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("1−β1ᵗ = 0.1, 1−β2ᵗ = 0.001")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("m = 0.9 × 0 + 0.1 × (−1.62) = −0.162")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("s = 0.999 × 0 + 0.001 × (−1.62)² = 0.0026244")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("θ = 0.75 − 0.01 × ((−0.162)/0.1) / (√(0.0026244/0.001) + 1e\u221208) = 0.76")),
        qPrintable(text));

    settings.optimizer.kind = OptimizerKind::Momentum;
    QVERIFY(f.controller->setSettings(settings).isEmpty());
    f.controller->waitForComputation();
    f.controller->model()->setCurrentRow(1);
    text = f.panel->text();
    QVERIFY2(text.contains(QStringLiteral("Update k = 1 → 2 (momentum)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("v = 0.9 × (−1.62) + (")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("v = 0.9 × (−6.14) + (")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("lr = 0.01, μ = 0.9")), qPrintable(text));

    settings.optimizer.kind = OptimizerKind::Newton;
    settings.learningRate = 1;
    QVERIFY(f.controller->setSettings(settings).isEmpty());
    f.controller->waitForComputation();
    f.controller->model()->setCurrentRow(0);
    text = f.panel->text();
    // One Newton step lands on the least-squares line (0.6, 0.8).
    QVERIFY2(text.contains(QStringLiteral("H⁻¹g = 0.15")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("θ = 0.75 − 1 × 0.15 = 0.6")), qPrintable(text));
}

void TestUpdatePanel::longTextScrollsInsteadOfBeingCutOff_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addRow("two features") << QStringLiteral("two_features_n100");
    QTest::addRow("standardized, with original units") << QStringLiteral("nist_norris");
}

// The panel was cut off on the right (two_features_n100) and at the bottom (nist_norris in original units).
void TestUpdatePanel::longTextScrollsInsteadOfBeingCutOff()
{
    QFETCH(QString, lesson);
    Fixture f = makeFixture(lesson.toLatin1().constData());
    f.panel->resize(200, 90);
    f.panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.panel.get()));
    // The panel asks for no more room than a small side panel has: its text does not widen the window.
    QVERIFY(f.panel->minimumSizeHint().width() <= 200);
    auto* view = f.panel->findChild<QTextBrowser*>();
    QVERIFY(view);
    // Every part of the text can be scrolled into view.
    const QSizeF content = view->document()->size();
    QTRY_VERIFY(content.width() <= view->viewport()->width() + view->horizontalScrollBar()->maximum() + 1);
    QVERIFY(content.height() <= view->viewport()->height() + view->verticalScrollBar()->maximum() + 1);
    QVERIFY(view->horizontalScrollBar()->maximum() > 0 || view->verticalScrollBar()->maximum() > 0);
}

// At 1024 × 700 (and in the 1600 window's side panel) a step's line was wider than the panel and its new value
// hid behind a scroll bar: the new values then go on lines of their own, and back when the panel is wide again.
void TestUpdatePanel::narrowPanelKeepsTheNewValuesInView_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::newRow("batch gd") << QStringLiteral("two_features_n100");
    QTest::newRow("momentum") << QStringLiteral("the_marble");
    QTest::newRow("logistic, its gradient's sums") << QStringLiteral("logistic_homework");
}

// However narrow the side panel (260 px: a laptop's), every number of the step is in view without scrolling
// sideways, and copying it gives the same lines.
void TestUpdatePanel::narrowPanelKeepsTheNewValuesInView()
{
    QFETCH(QString, lesson);
    Fixture f = makeFixture(lesson.toUtf8().constData());
    f.controller->model()->setCurrentRow(10);
    auto* view = f.panel->findChild<QTextBrowser*>();
    QVERIFY(view);
    f.panel->resize(900, 500);
    f.panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.panel.get()));
    const QString wide = f.panel->richText();
    QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
    const QString plain = f.panel->text();
    f.panel->resize(260, 500);
    QTRY_VERIFY(f.panel->richText() != wide);
    QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
    QVERIFY(view->document()->size().width() <= view->viewport()->width() + 0.5);
    QCOMPARE(f.panel->text(), plain); // the same numbers, copied as the same lines
    f.panel->resize(900, 500);
    QTRY_COMPARE(f.panel->richText(), wide);
}

} // namespace tst_update_panel

QTEST_MAIN(tst_update_panel::TestUpdatePanel)
#include "tst_update_panel.moc"
