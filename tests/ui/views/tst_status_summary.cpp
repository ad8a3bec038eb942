// The status line: the current row's numbers, the iteration count, and why the run stopped once it has.
#include "views/status_summary.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "support/model_states.h"
#include "support/streaming_run.h"
#include "views/view_palette.h"

#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace tst_status_summary {

using gdlab::IterationModel;
using gdlab::SessionController;
using gdlab::StatusSummary;

class TestStatusSummary : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsTheCurrentRow();
    void narrowLineDropsWholeParts();
    void saysWhyTheDescentStopped_data();
    void saysWhyTheDescentStopped();
    void streamingRunIsRunningUntilItFinishes();
    void oneResetOneRefresh();
    void noData();

private:
    IterationModel* model() const { return m_controller->model(); }

    std::unique_ptr<SessionController> m_controller;
};

void TestStatusSummary::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
}

void TestStatusSummary::cleanup()
{
    m_controller.reset();
}

void TestStatusSummary::showsTheCurrentRow()
{
    StatusSummary status(model());
    model()->setCurrentRow(10);
    const gdlab::test::State state = gdlab::test::stateAt(*model(), model()->currentRow());
    const QString text = status.text();
    QVERIFY2(text.startsWith(QStringLiteral("iteration 10 / 1000 · ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("loss %1").arg(QString::number(state.loss, 'g', 6))), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("RMSE %1").arg(QString::number(state.rmse, 'g', 6))), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("|∇| %1").arg(QString::number(state.gradientNorm, 'g', 6))), qPrintable(text));
    const double distance = (state.theta - model()->run()->leastSquares.theta).norm();
    QVERIFY2(text.contains(QStringLiteral("distance to least squares %1").arg(QString::number(distance, 'g', 6))),
        qPrintable(text));
    QCOMPARE(status.statusText(), QStringLiteral("running"));
    QVERIFY(text.endsWith(QStringLiteral(" · running")));
}

// At 1024 px or with presentation fonts the line does not fit: whole parts give way to "…" (never half a number,
// which would read as another), the status word stays, and the tooltip has the whole line.
void TestStatusSummary::narrowLineDropsWholeParts()
{
    StatusSummary status(model());
    model()->setCurrentRow(10);
    status.resize(2000, 30);
    status.show();
    QVERIFY(QTest::qWaitForWindowExposed(&status));
    QCOMPARE(status.shownText(), status.text());
    const int width = status.fontMetrics().horizontalAdvance(QStringLiteral("iteration 10 / 1000 · loss 1.23456 · …"));
    status.resize(width + status.fontMetrics().horizontalAdvance(QStringLiteral(" · running")) + 20, 30);
    const QString shown = status.shownText();
    QVERIFY2(shown.startsWith(QStringLiteral("iteration 10 / 1000 · ")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QStringLiteral(" · … · running")), qPrintable(shown));
    QVERIFY2(shown.size() < status.text().size(), qPrintable(shown));
    const QStringList whole = status.text().split(QStringLiteral(" · "));
    for (const QString& part : shown.split(QStringLiteral(" · ")))
        QVERIFY2(part == QStringLiteral("…") || whole.contains(part), qPrintable(part));
    const QLabel* numbers = status.findChildren<QLabel*>().first();
    QVERIFY(numbers->toolTip().contains(status.text().section(QStringLiteral(" · running"), 0, 0)));
}

void TestStatusSummary::saysWhyTheDescentStopped_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("word");
    QTest::addRow("every iteration") << QStringLiteral("max") << QStringLiteral("max iterations");
    QTest::addRow("with a tolerance") << QStringLiteral("tolerance") << QStringLiteral("converged");
    QTest::addRow("above the bound") << QStringLiteral("diverge") << QStringLiteral("diverged");
}

void TestStatusSummary::saysWhyTheDescentStopped()
{
    QFETCH(QString, how);
    QFETCH(QString, word);
    StatusSummary status(model());
    gdlab::SolverSettings settings = model()->run()->settings;
    if (how == QLatin1String("tolerance"))
        settings.tolerance = model()->gradientNorm(500);
    else if (how == QLatin1String("diverge"))
        settings.learningRate = model()->run()->stability.divergenceBound * 2;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    model()->setCurrentRow(model()->lastRow() - 1);
    QCOMPARE(status.statusText(), QStringLiteral("running"));
    model()->setCurrentRow(model()->lastRow());
    QCOMPARE(status.statusText(), word);
    QVERIFY(status.text().endsWith(QStringLiteral(" · ") + word));
    const QLabel* label = status.findChildren<QLabel*>().last();
    QCOMPARE(label->text(), word);
    if (word == QLatin1String("diverged"))
        QCOMPARE(label->palette().color(QPalette::WindowText), gdlab::ViewPalette::warning());
    else if (word == QLatin1String("converged"))
        QCOMPARE(label->palette().color(QPalette::WindowText), gdlab::ViewPalette::good());
    QCOMPARE(label->font().bold(), word != QLatin1String("max iterations"));
}

void TestStatusSummary::streamingRunIsRunningUntilItFinishes()
{
    IterationModel streamed;
    StatusSummary status(&streamed);
    gdlab::test::startStreaming(streamed, model()->sharedRun(), 50);
    streamed.setCurrentRow(49);
    QVERIFY(status.text().startsWith(QStringLiteral("iteration 49 / 49")));
    QCOMPARE(status.statusText(), QStringLiteral("running")); // the last row so far, but not the last
    streamed.appendRows(400);
    QVERIFY(status.text().startsWith(QStringLiteral("iteration 49 / 399")));
    streamed.setCurrentRow(399);
    QCOMPARE(status.statusText(), QStringLiteral("running"));
    streamed.finishRun(model()->sharedRun());
    QVERIFY(status.text().startsWith(QStringLiteral("iteration 399 / 1000")));
    streamed.setCurrentRow(1000);
    QCOMPARE(status.statusText(), QStringLiteral("max iterations"));
    QCOMPARE(status.refreshCount(), 2);
}

void TestStatusSummary::oneResetOneRefresh()
{
    StatusSummary status(model());
    QSignalSpy resets(model(), &IterationModel::runReset);
    const int refreshes = status.refreshCount();
    model()->setCurrentRow(3);
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    QCOMPARE(resets.count(), 1);
    QCOMPARE(status.refreshCount(), refreshes + 1);
}

void TestStatusSummary::noData()
{
    IterationModel empty;
    StatusSummary status(&empty);
    QCOMPARE(status.text(), QStringLiteral("no data"));
    QVERIFY(status.statusText().isEmpty());
}

} // namespace tst_status_summary

QTEST_MAIN(tst_status_summary::TestStatusSummary)
#include "tst_status_summary.moc"
