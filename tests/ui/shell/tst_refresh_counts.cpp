// One user action = one new run = one reset = each view and panel redrawn once. Every action goes through the
// real window (its widgets, its intent routing, its controller); the test counts each view's and panel's full
// redraws (refreshCount) and each plot's repaints, and fails on any second one.

#include "compare/sweep_dialog.h"
#include "data/data_opener.h"
#include "panels/control_panel.h"
#include "panels/learning_rate_control.h"
#include "panels/playback_bar.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/main_window.h"
#include "views/bowl_view.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/history_table.h"
#include "views/loss_plot.h"
#include "views/status_summary.h"
#include "views/update_panel.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <map>
#include <memory>

namespace tst_refresh_counts {

using gdlab::MainWindow;
using gdlab::SessionController;

namespace {

using Counts = std::map<QString, int>;

Counts refreshCounts(MainWindow& window)
{
    return {
        { QStringLiteral("fit"), window.fitPlot()->refreshCount() },
        { QStringLiteral("loss"), window.lossPlot()->refreshCount() },
        { QStringLiteral("contour"), window.contourPlot()->refreshCount() },
        { QStringLiteral("bowl"), window.bowlView()->refreshCount() },
        { QStringLiteral("controls"), window.controlPanel()->refreshCount() },
        { QStringLiteral("learning rate"), window.controlPanel()->learningRateControl()->refreshCount() },
        { QStringLiteral("playback"), window.playbackBar()->refreshCount() },
        { QStringLiteral("status"), window.statusSummary()->refreshCount() },
        { QStringLiteral("history table"), window.historyTable()->refreshCount() },
        { QStringLiteral("update panel"), window.updatePanel()->refreshCount() },
    };
}

/** Replots of the three QCustomPlot views, counted from now on. */
struct ReplotSpies {
    explicit ReplotSpies(MainWindow& window)
        : fit(window.fitPlot()->plot(), &QCustomPlot::afterReplot)
        , loss(window.lossPlot()->plot(), &QCustomPlot::afterReplot)
        , contour(window.contourPlot()->plot(), &QCustomPlot::afterReplot)
    {
    }
    QSignalSpy fit;
    QSignalSpy loss;
    QSignalSpy contour;
};

} // namespace

class TestRefreshCounts : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void learningRateChange();
    void lossChange();
    void pointEdit();
    void lessonChange();
    void newFile();
    void stepMovesMarkersOnly();

private:
    /** Runs action (one user action), lets queued repaints happen, and checks one redraw each. */
    void expectOneRefreshEach(const std::function<void()>& action);
    void settle();

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void TestRefreshCounts::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The sweep dialog follows the run too while it is open.
    m_window->sweepDialog()->show();
    settle();
}

void TestRefreshCounts::cleanup()
{
    m_window.reset();
    m_controller.reset();
}

void TestRefreshCounts::settle()
{
    m_controller->waitForComputation();
    // Queued replots, the bowl's own rendering and the dialog's catch-up all run in the next turns.
    for (int turn = 0; turn < 5; ++turn)
        QTest::qWait(20);
}

void TestRefreshCounts::expectOneRefreshEach(const std::function<void()>& action)
{
    const Counts before = refreshCounts(*m_window);
    const int sweepBefore = m_window->sweepDialog()->refreshCount();
    QSignalSpy resets(m_controller->model(), &gdlab::IterationModel::runReset);
    ReplotSpies replots(*m_window);
    const QSize sizeBefore = m_window->contourPlot()->size();
    action();
    settle();
    // Nor does the layout jump: a plot that changed size would repaint again.
    QCOMPARE(m_window->contourPlot()->size(), sizeBefore);
    QCOMPARE(resets.count(), 1);
    const Counts after = refreshCounts(*m_window);
    for (const auto& [view, count] : after)
        QVERIFY2(count - before.at(view) == 1,
            qPrintable(QStringLiteral("%1 redrawn %2 times").arg(view).arg(count - before.at(view))));
    // The sweep redraws for a new problem or loss, not for a new learning rate alone: never twice.
    QVERIFY(m_window->sweepDialog()->refreshCount() - sweepBefore <= 1);
    QCOMPARE(replots.fit.count(), 1);
    QCOMPARE(replots.loss.count(), 1);
    QCOMPARE(replots.contour.count(), 1);
}

void TestRefreshCounts::learningRateChange()
{
    QLineEdit* rate = m_window->controlPanel()->learningRateControl()->rateEdit();
    expectOneRefreshEach([rate] {
        rate->setFocus();
        rate->selectAll();
        QTest::keyClicks(rate, QStringLiteral("0.02"));
        QTest::keyClick(rate, Qt::Key_Return);
    });
    QCOMPARE(m_controller->model()->run()->settings.learningRate, 0.02);
    // The control that sent the value does not get it back.
    QCOMPARE(rate->text(), QStringLiteral("0.02"));
}

void TestRefreshCounts::lossChange()
{
    QComboBox* loss = m_window->controlPanel()->lossCombo();
    const int sse = loss->findData(static_cast<int>(gdlab::LossKind::Sse));
    QVERIFY(sse >= 0);
    expectOneRefreshEach([loss, sse] { loss->setCurrentIndex(sse); });
    QCOMPARE(m_controller->model()->run()->settings.loss, gdlab::LossKind::Sse);
}

void TestRefreshCounts::pointEdit()
{
    gdlab::FitPlot* fit = m_window->fitPlot();
    expectOneRefreshEach([fit] { emit fit->pointAddRequested(4.5, 2.0); });
    QCOMPARE(m_controller->model()->run()->cause, gdlab::RunCause::EditedPoints);
    QCOMPARE(m_controller->model()->run()->dataset->rowCount(), Eigen::Index(6));
}

void TestRefreshCounts::lessonChange()
{
    QComboBox* lessons = m_window->controlPanel()->lessonCombo();
    const int index = lessons->findData(QStringLiteral("two_features_n100"));
    QVERIFY(index >= 0);
    expectOneRefreshEach([lessons, index] { lessons->setCurrentIndex(index); });
    QCOMPARE(m_controller->model()->run()->lessonName, std::string("two_features_n100"));
}

void TestRefreshCounts::newFile()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("line.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x,y\n1,2.1\n2,3.9\n3,6.2\n4,7.8\n5,10.1\n6,12.2\n");
    file.close();
    gdlab::DataOpener* opener = m_window->dataOpener();
    QSignalSpy finished(opener, &gdlab::DataOpener::loadingFinished);
    expectOneRefreshEach([opener, &path, &finished] {
        opener->openFile(path);
        QVERIFY(finished.wait(10000));
    });
    QCOMPARE(m_controller->model()->run()->cause, gdlab::RunCause::NewData);
}

// Stepping moves the cursor only: no view redraws everything, each plot repaints at most once.
void TestRefreshCounts::stepMovesMarkersOnly()
{
    const Counts before = refreshCounts(*m_window);
    ReplotSpies replots(*m_window);
    m_controller->model()->setCurrentRow(m_controller->model()->currentRow() + 1);
    settle();
    QVERIFY(refreshCounts(*m_window) == before);
    QVERIFY(replots.fit.count() <= 1);
    QVERIFY(replots.loss.count() <= 1);
    QVERIFY(replots.contour.count() <= 1);
}

} // namespace tst_refresh_counts

QTEST_MAIN(tst_refresh_counts::TestRefreshCounts)
#include "tst_refresh_counts.moc"
