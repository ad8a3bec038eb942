// Guides in the real window: every step of every built-in guide applies without a refusal and its caption's numbers
// are the model's at that step (the tutorials' own where they printed them); a step looks the same reached by Next or
// by Back; the bar's buttons and Page Up / Page Down drive it, right after typing in a spin box too; emphasis dims
// the other views; and a saved session brings the guide back at its step.
#include "panels/control_panel.h"
#include "session/guide_catalog.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/session_controller.h"
#include "shell/guide_bar.h"
#include "shell/guide_runner.h"
#include "shell/main_actions.h"
#include "shell/main_window.h"
#include "shell/session_actions.h"
#include "views/view_frame.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace tst_guide_runner {

using namespace gdlab;

class TestGuideRunner : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyStepOfEveryGuideApplies_data();
    void everyStepOfEveryGuideApplies();
    void captionsQuoteTheTutorials();
    void backLooksTheSameAsNext();
    void buttonsDriveTheBar();
    void pageDownRightAfterTypingInASpinBox();
    void emphasisDimsTheOtherViews();
    void playStopsAtItsIteration();
    void sessionKeepsTheGuideAndItsStep();
    void aRefusedStepShowsItsMessage();
    void aMalformedGuideKeepsWhatWasOpen();
    void fileMenuListsTheGuides();

private:
    GuideRunner* runner() const { return m_window->guideRunner(); }
    long long iteration() const
    {
        const IterationModel* model = m_controller->model();
        return model->iteration(model->currentRow());
    }
    /** The caption of step (from 1) of guide. */
    QString captionAt(const QString& guide, int step);
    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuideRunner::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(1280, 800);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestGuideRunner::cleanup()
{
    m_window.reset();
    m_controller.reset();
}

QString TestGuideRunner::captionAt(const QString& guide, int step)
{
    const QString refusal = runner()->open(guide, step - 1);
    if (!refusal.isEmpty())
        return refusal;
    return runner()->caption();
}

void TestGuideRunner::everyStepOfEveryGuideApplies_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : GuideCatalog::names())
        QTest::newRow(qPrintable(name)) << name;
}

void TestGuideRunner::everyStepOfEveryGuideApplies()
{
    QFETCH(QString, name);
    QString error;
    const std::optional<Guide> guide = GuideCatalog::load(name, &error);
    QVERIFY2(guide, qPrintable(error));
    QVERIFY(runner()->open(*guide).isEmpty());
    QVERIFY(m_window->guideBar()->isVisible());
    long long cursor = 0;
    for (int step = 0; step < int(guide->steps.size()); ++step) {
        const GuideStep& shown = guide->steps[std::size_t(step)];
        const QString refusal = runner()->goTo(step);
        QVERIFY2(refusal.isEmpty(), qPrintable(QStringLiteral("step %1: %2").arg(step + 1).arg(refusal)));
        QVERIFY(m_window->guideBar()->messageLabel()->isHidden());
        // The cursor is where the step (or the last step that moved it) put it.
        if (shown.cursor)
            cursor = *shown.cursor;
        if (shown.playTo)
            cursor = *shown.playTo;
        QCOMPARE(iteration(), cursor);
        QCOMPARE(m_window->guideBar()->positionLabel()->text(),
            QStringLiteral("step %1 of %2").arg(step + 1).arg(guide->steps.size()));
        // Every number is filled: no placeholder left, none without a value.
        const QString caption = runner()->caption();
        QVERIFY2(!caption.contains(QRegularExpression("\\{[a-z]+[0-9]*\\}")), qPrintable(caption));
        QVERIFY2(!caption.contains(QStringLiteral("–")), qPrintable(caption));
        QVERIFY(m_window->guideBar()->captionLabel()->text().contains(caption.left(20).toHtmlEscaped()));
        QCOMPARE(m_window->guideBar()->answerButton()->isVisibleTo(m_window->guideBar()), !shown.question.isEmpty());
    }
}

void TestGuideRunner::captionsQuoteTheTutorials()
{
    // Five points: after one update (0.7662, 0.5414), after 10 (0.8094368934859253, 0.7232754423544987), least
    // squares (0.6, 0.8).
    QVERIFY2(captionAt("five_points", 4).contains("b = 0.7662, m = 0.5414"), qPrintable(runner()->caption()));
    QVERIFY2(captionAt("five_points", 5).contains("b = 0.809437, m = 0.723275"), qPrintable(runner()->caption()));
    QVERIFY2(captionAt("five_points", 8).contains("b = 0.6, m = 0.8"), qPrintable(runner()->caption()));
    // The normal equation on fifty rows: (5.02609659, 2.09905363, −0.55519427); descent agrees after 100,000 updates.
    QVERIFY2(
        captionAt("two_features_n50", 2).contains("θ = (5.0261, 2.09905, −0.555194)"), qPrintable(runner()->caption()));
    QVERIFY2(
        captionAt("two_features_n50", 6).contains("θ = (5.0261, 2.09905, −0.555194)"), qPrintable(runner()->caption()));
    // The integers: the normal equation's (1, 2, 1); 1000 epochs of SGD on ½·MSE miss it, MSE or a larger rate do not
    // move the target, and more iterations or a larger rate reach it.
    QVERIFY2(captionAt("three_features_ints_n20", 1).contains("θ = (1, 2, 1)"), qPrintable(runner()->caption()));
    QVERIFY2(captionAt("three_features_ints_n20", 3).contains("θ = (1.00001, 1.99998, 1.00001)"),
        qPrintable(runner()->caption()));
    QVERIFY2(captionAt("three_features_ints_n20", 5).contains("still (1, 2, 1)"), qPrintable(runner()->caption()));
    QCOMPARE(m_window->pinnedRuns()->count(), 2);
    QVERIFY2(captionAt("three_features_ints_n20", 6).contains("θ = (1, 2, 1)"), qPrintable(runner()->caption()));
    QVERIFY2(captionAt("three_features_ints_n20", 7).contains("θ = (1, 2, 1), the normal equation's"),
        qPrintable(runner()->caption()));
    // RSS from (0, 0): the bound 0.0169048 for lr, and a rate above it diverges.
    QVERIFY2(captionAt("five_points_rss", 2).contains("lr = 0.016904"), qPrintable(runner()->caption()));
}

void TestGuideRunner::backLooksTheSameAsNext()
{
    QVERIFY(runner()->open("three_features_ints_n20", 3).isEmpty());
    runner()->next();
    QTRY_VERIFY(!runner()->isPlaying());
    const QString caption = runner()->caption();
    const SolverSettings settings = m_controller->latestRun()->settings;
    const int pins = m_window->pinnedRuns()->count();
    runner()->next();
    QTRY_VERIFY(!runner()->isPlaying());
    runner()->back();
    QCOMPARE(runner()->stepIndex(), 4);
    QCOMPARE(runner()->caption(), caption);
    QVERIFY(m_controller->latestRun()->settings == settings);
    QCOMPARE(m_window->pinnedRuns()->count(), pins);
}

void TestGuideRunner::buttonsDriveTheBar()
{
    QVERIFY(runner()->open("five_points").isEmpty());
    GuideBar* bar = m_window->guideBar();
    QVERIFY(!bar->backButton()->isEnabled());
    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QCOMPARE(runner()->stepIndex(), 1);
    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QCOMPARE(runner()->stepIndex(), 2);
    // A question step: the answer shows on request.
    QVERIFY(bar->answerButton()->isVisible());
    QVERIFY(!bar->captionLabel()->text().contains("Both b and m grow"));
    QTest::mouseClick(bar->answerButton(), Qt::LeftButton);
    QVERIFY(bar->captionLabel()->text().contains("Both b and m grow"));
    QVERIFY(!bar->answerButton()->isVisible());
    QTest::mouseClick(bar->backButton(), Qt::LeftButton);
    QCOMPARE(runner()->stepIndex(), 1);
    QTest::mouseClick(bar->closeButton(), Qt::LeftButton);
    QVERIFY(!runner()->isOpen());
    QVERIFY(!bar->isVisible());
    QVERIFY(runner()->sessionJson().isEmpty());
}

void TestGuideRunner::pageDownRightAfterTypingInASpinBox()
{
    QVERIFY(runner()->open("five_points").isEmpty());
    QAbstractSpinBox* spin = nullptr;
    for (QAbstractSpinBox* candidate : m_window->controlPanel()->findChildren<QAbstractSpinBox*>())
        if (candidate->isVisible() && candidate->isEnabled() && !spin)
            spin = candidate;
    QVERIFY(spin);
    auto* edit = spin->findChild<QLineEdit*>();
    QTest::mouseClick(edit, Qt::LeftButton, {}, QPoint(edit->width() / 2, edit->height() / 2));
    QVERIFY(spin->hasFocus());
    QTest::keyClick(spin, Qt::Key_End);
    QTest::keyClicks(spin, "7");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown);
    QCOMPARE(runner()->stepIndex(), 1);
    QVERIFY(!spin->hasFocus());
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_PageDown);
    QCOMPARE(runner()->stepIndex(), 2);
    QTest::keyClick(m_window.get(), Qt::Key_PageUp);
    QCOMPARE(runner()->stepIndex(), 1);
    // Without a guide the keys are the widgets' again.
    runner()->close();
    QTest::keyClick(m_window.get(), Qt::Key_PageDown);
    QCOMPARE(runner()->stepIndex(), 1);
}

void TestGuideRunner::emphasisDimsTheOtherViews()
{
    QVERIFY(runner()->open("five_points", 2).isEmpty()); // emphasises the contour map
    const QList<ViewFrame*>& frames = m_window->viewFrames();
    QCOMPARE(frames.size(), 4);
    QVERIFY(frames[0]->isDimmed());
    QVERIFY(!frames[1]->isDimmed());
    QVERIFY(frames[2]->isDimmed());
    QVERIFY(frames[3]->isDimmed());
    QVERIFY(runner()->goTo(5).isEmpty()); // the loss
    QVERIFY(!frames[2]->isDimmed());
    QVERIFY(frames[1]->isDimmed());
    runner()->close();
    for (const ViewFrame* frame : frames)
        QVERIFY(!frame->isDimmed());
}

void TestGuideRunner::playStopsAtItsIteration()
{
    QVERIFY(runner()->open("five_points", 3).isEmpty());
    QCOMPARE(iteration(), 1LL);
    runner()->next(); // plays from 1 to 10 at 4 steps per second
    QVERIFY(runner()->isPlaying());
    QVERIFY(iteration() < 10);
    QTRY_VERIFY_WITH_TIMEOUT(!runner()->isPlaying(), 10000);
    QCOMPARE(iteration(), 10LL);
    QVERIFY(runner()->caption().contains("After 10 updates"));
}

void TestGuideRunner::sessionKeepsTheGuideAndItsStep()
{
    QVERIFY(runner()->open("three_features_ints_n20", 4).isEmpty());
    QTemporaryDir folder;
    const QString path = folder.filePath("class.gdlab");
    QString error;
    QVERIFY2(m_window->sessions()->save(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject guide = QJsonDocument::fromJson(file.readAll()).object().value("guide").toObject();
    QCOMPARE(guide.value("name").toString(), QStringLiteral("three_features_ints_n20"));
    QCOMPARE(guide.value("step").toInt(), 5);
    const QString caption = runner()->caption();

    SessionController controller;
    QVERIFY(controller.loadLesson("five_points").isEmpty());
    MainWindow other(&controller);
    QVERIFY(!other.guideRunner()->isOpen());
    QCOMPARE(other.sessions()->open(path), QString());
    QVERIFY(other.guideRunner()->isOpen());
    QCOMPARE(other.guideRunner()->stepIndex(), 4);
    QCOMPARE(other.guideRunner()->caption(), caption);

    // A session without a guide closes the one open.
    runner()->close();
    QVERIFY(m_window->sessions()->save(path, &error));
    QCOMPARE(other.sessions()->open(path), QString());
    QVERIFY(!other.guideRunner()->isOpen());
}

void TestGuideRunner::aRefusedStepShowsItsMessage()
{
    // A guide whose settings read but cannot run on its data: the logistic model on a target that is not 0 or 1.
    QTemporaryDir folder;
    const QString path = folder.filePath("logistic.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "gdlab-guide", "version": 1, "title": "t", "lesson": "five_points", "steps": [
        {"caption": "one"}, {"caption": "two", "settings": {"model": "logistic", "loss": "logloss"}}]})");
    file.close();
    QVERIFY(runner()->open(path).isEmpty());
    const QString refusal = runner()->goTo(1);
    QVERIFY(!refusal.isEmpty());
    QCOMPARE(m_window->guideBar()->messageLabel()->text(), refusal);
    QVERIFY(m_window->guideBar()->messageLabel()->isVisibleTo(m_window->guideBar()));
    QCOMPARE(m_controller->latestRun()->lessonName, std::string("five_points"));
    QVERIFY(runner()->goTo(0).isEmpty());
    QVERIFY(m_window->guideBar()->messageLabel()->isHidden());
}

void TestGuideRunner::aMalformedGuideKeepsWhatWasOpen()
{
    QVERIFY(runner()->open("five_points", 2).isEmpty());
    const QString caption = runner()->caption();
    QTemporaryDir folder;
    const QString path = folder.filePath("broken.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"gdlab-guide\", \"version\": 1,\n \"steps\": [}");
    file.close();
    const QString error = runner()->open(path);
    QVERIFY2(error.startsWith(path + ": line 2, column 12: "), qPrintable(error));
    QCOMPARE(runner()->guide().name, QStringLiteral("five_points"));
    QCOMPARE(runner()->stepIndex(), 2);
    QCOMPARE(runner()->caption(), caption);
    QCOMPARE(m_controller->latestRun()->lessonName, std::string("five_points"));
    // So does a step the guide does not have.
    QVERIFY(runner()->open("two_features_n100", 5).contains("There is no step 6"));
    QVERIFY(!runner()->goTo(-1).isEmpty());
    QCOMPARE(runner()->guide().name, QStringLiteral("five_points"));
    QCOMPARE(runner()->caption(), caption);
}

void TestGuideRunner::fileMenuListsTheGuides()
{
    const QList<QAction*> entries = m_window->actions()->guidesMenu()->actions();
    QCOMPARE(entries.size(), GuideCatalog::names().size());
    QCOMPARE(entries[3]->text(), QStringLiteral("Per-sample SGD, batch descent and the normal equation on integers"));
    entries[3]->trigger();
    QVERIFY(runner()->isOpen());
    QCOMPARE(runner()->guide().name, QStringLiteral("three_features_ints_n20"));
    QCOMPARE(runner()->stepIndex(), 0);
    QCOMPARE(m_controller->latestRun()->lessonName, std::string("three_features_ints_n20"));
    QVERIFY(m_window->actions()->openGuide()->isEnabled());
}

} // namespace tst_guide_runner

QTEST_MAIN(tst_guide_runner::TestGuideRunner)
#include "tst_guide_runner.moc"
