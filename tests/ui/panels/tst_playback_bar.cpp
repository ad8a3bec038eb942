// The playback bar: steps, keys, playback and the scrubber ask for rows, and the bar follows the model's current
// row and runs.
#include "panels/playback_bar.h"
#include "support/model_states.h"
#include "support/panel_routing.h"
#include "support/streaming_run.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

namespace tst_playback_bar {

using gdlab::IterationModel;
using gdlab::PlaybackBar;
using gdlab::SessionController;

class TestPlaybackBar : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void stepsMoveTheCurrentRow();
    void actionsHaveWindowShortcuts();
    void shortcutsWorkButLeaveTextFieldsAlone();
    void playAdvancesAndStopsAtTheEnd();
    void playAtTheEndStartsOver();
    void fastPlayTakesStrides();
    void scrubberAndLabelFollowTheModel();
    void followsAReset();
    void oneResetOneRefresh();
    void requestsRowsWithoutMovingThem();
    void followsAStreamingRun();
    void iconsTakeTheTextColour();

private:
    IterationModel* model() const { return m_controller->model(); }

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<PlaybackBar> m_bar;
};

void TestPlaybackBar::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    QCOMPARE(model()->lastRow(), 1000);
    m_bar = std::make_unique<PlaybackBar>(model());
    gdlab::test::routeRowRequests(m_bar.get(), model());
}

void TestPlaybackBar::cleanup()
{
    m_bar.reset();
    m_controller.reset();
}

void TestPlaybackBar::stepsMoveTheCurrentRow()
{
    QCOMPARE(model()->currentRow(), 0);
    QVERIFY(!m_bar->stepBackAction()->isEnabled());
    m_bar->stepForward();
    QCOMPARE(model()->currentRow(), 1);
    m_bar->stepForwardAction()->trigger();
    QCOMPARE(model()->currentRow(), 2);
    m_bar->stepBack();
    QCOMPARE(model()->currentRow(), 1);
    m_bar->last();
    QCOMPARE(model()->currentRow(), model()->lastRow());
    QVERIFY(!m_bar->stepForwardAction()->isEnabled());
    QVERIFY(!m_bar->lastAction()->isEnabled());
    m_bar->stepForward(); // clamped
    QCOMPARE(model()->currentRow(), model()->lastRow());
    m_bar->stepBackAction()->trigger();
    QCOMPARE(model()->currentRow(), model()->lastRow() - 1);
    m_bar->firstAction()->trigger();
    QCOMPARE(model()->currentRow(), 0);
    m_bar->lastAction()->trigger();
    QCOMPARE(model()->currentRow(), model()->lastRow());
}

void TestPlaybackBar::actionsHaveWindowShortcuts()
{
    const QList<QAction*> actions = m_bar->actions();
    QCOMPARE(actions.size(), 5);
    const QList<QKeySequence> keys = { QKeySequence(Qt::Key_Home), QKeySequence(Qt::Key_Left),
        QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_End) };
    for (int i = 0; i < actions.size(); ++i) {
        QCOMPARE(actions[i]->shortcut(), keys[i]);
        QCOMPARE(actions[i]->shortcutContext(), Qt::WindowShortcut);
        QVERIFY2(actions[i]->toolTip().contains(keys[i].toString(QKeySequence::NativeText)),
            qPrintable(actions[i]->toolTip()));
    }
    QCOMPARE(actions[2], m_bar->playAction());
}

void TestPlaybackBar::shortcutsWorkButLeaveTextFieldsAlone()
{
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* edit = new QLineEdit(QStringLiteral("some text"), &window);
    auto* other = new QToolButton(&window);
    layout->addWidget(edit);
    layout->addWidget(other);
    m_bar->setParent(&window);
    layout->addWidget(m_bar.get());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    other->setFocus();
    QTest::keyClick(other, Qt::Key_Right);
    QCOMPARE(model()->currentRow(), 1);
    QTest::keyClick(other, Qt::Key_End);
    QCOMPARE(model()->currentRow(), model()->lastRow());
    QTest::keyClick(other, Qt::Key_Home);
    QCOMPARE(model()->currentRow(), 0);

    // A focused text field keeps its cursor keys and its spaces.
    edit->setFocus();
    edit->setCursorPosition(0);
    QTest::keyClick(edit, Qt::Key_Right);
    QCOMPARE(edit->cursorPosition(), 1);
    QTest::keyClick(edit, Qt::Key_Space);
    QVERIFY(!m_bar->isPlaying());
    QCOMPARE(model()->currentRow(), 0);

    m_bar->setParent(nullptr); // the fixture owns the bar
}

void TestPlaybackBar::playAdvancesAndStopsAtTheEnd()
{
    QSignalSpy playing(m_bar.get(), &PlaybackBar::playingChanged);
    m_bar->setStepsPerSecond(1000);
    QCOMPARE(m_bar->speedCombo()->currentData().toInt(), 1000);
    m_bar->play();
    QVERIFY(m_bar->isPlaying());
    QCOMPARE(m_bar->playAction()->text(), QStringLiteral("Pause"));
    QTRY_VERIFY(model()->currentRow() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_bar->isPlaying(), 10000);
    QCOMPARE(model()->currentRow(), model()->lastRow());
    QCOMPARE(m_bar->playAction()->text(), QStringLiteral("Play"));
    QCOMPARE(playing.count(), 2);
    QCOMPARE(m_bar->scrubber()->value(), model()->lastRow());
}

void TestPlaybackBar::playAtTheEndStartsOver()
{
    m_bar->last();
    m_bar->setStepsPerSecond(1);
    m_bar->playAction()->trigger();
    QVERIFY(m_bar->isPlaying());
    QCOMPARE(model()->currentRow(), 0);
    m_bar->playAction()->trigger();
    QVERIFY(!m_bar->isPlaying());
    // Stepping pauses playback.
    m_bar->play();
    m_bar->stepForward();
    QVERIFY(!m_bar->isPlaying());
}

void TestPlaybackBar::fastPlayTakesStrides()
{
    // Three thousand rows "as fast as possible" take about PlaybackBar::kFastPlaySeconds, not 3000 frames.
    gdlab::SolverSettings settings = model()->run()->settings;
    settings.iterations = 3000;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    m_bar->setStepsPerSecond(0);
    QCOMPARE(m_bar->speedCombo()->currentText(), QStringLiteral("as fast as possible"));
    QElapsedTimer clock;
    clock.start();
    m_bar->play();
    QTRY_VERIFY_WITH_TIMEOUT(!m_bar->isPlaying(), 20000);
    QCOMPARE(model()->currentRow(), model()->lastRow());
    QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
}

void TestPlaybackBar::scrubberAndLabelFollowTheModel()
{
    QSlider* scrubber = m_bar->scrubber();
    QCOMPARE(scrubber->minimum(), 0);
    QCOMPARE(scrubber->maximum(), model()->lastRow());
    QCOMPARE(m_bar->positionLabel()->text(), QStringLiteral("0 / 1000"));
    model()->setCurrentRow(37);
    QCOMPARE(scrubber->value(), 37);
    QCOMPARE(m_bar->positionLabel()->text(), QStringLiteral("37 / 1000"));
    scrubber->setValue(500);
    QCOMPARE(model()->currentRow(), 500);
    QCOMPARE(m_bar->positionLabel()->text(), QStringLiteral("500 / 1000"));
}

void TestPlaybackBar::followsAReset()
{
    model()->setCurrentRow(100);
    gdlab::SolverSettings settings = model()->run()->settings;
    settings.iterations = 60;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    QCOMPARE(m_bar->scrubber()->maximum(), 60);
    QCOMPARE(m_bar->scrubber()->value(), model()->currentRow());
    QCOMPARE(m_bar->positionLabel()->text(),
        QStringLiteral("%1 / 60").arg(gdlab::test::stateAt(*model(), model()->currentRow()).iteration));
}

void TestPlaybackBar::oneResetOneRefresh()
{
    QSignalSpy resets(model(), &IterationModel::runReset);
    const int refreshes = m_bar->refreshCount();
    QVERIFY(m_controller->setLearningRate(0.02).isEmpty());
    gdlab::SolverSettings settings = model()->run()->settings;
    settings.iterations = 200;
    QVERIFY(m_controller->setSettings(settings).isEmpty());
    QCOMPARE(resets.count(), 2);
    QCOMPARE(m_bar->refreshCount(), refreshes + 2);
    QCOMPARE(m_bar->scrubber()->maximum(), 200);
    // Moving the cursor is no reset.
    m_bar->stepForward();
    QCOMPARE(m_bar->refreshCount(), refreshes + 2);
}

// The bar only asks: a bar whose requests go nowhere leaves the model where it was.
void TestPlaybackBar::requestsRowsWithoutMovingThem()
{
    PlaybackBar bar(model());
    QSignalSpy requests(&bar, &PlaybackBar::rowRequested);
    model()->setCurrentRow(5);
    bar.stepForward();
    bar.stepBack();
    bar.last();
    bar.first();
    bar.scrubber()->setValue(40);
    QCOMPARE(model()->currentRow(), 5);
    QCOMPARE(requests.count(), 5);
    const QList<int> rows { requests[0][0].toInt(), requests[1][0].toInt(), requests[2][0].toInt(),
        requests[3][0].toInt(), requests[4][0].toInt() };
    QCOMPARE(rows, (QList<int> { 6, 4, model()->lastRow(), 0, 40 }));
    // At the ends the requests stay on the history.
    model()->setCurrentRow(model()->lastRow());
    bar.stepForward();
    QCOMPARE(requests.last().first().toInt(), model()->lastRow());
    model()->setCurrentRow(0);
    bar.stepBack();
    QCOMPARE(requests.last().first().toInt(), 0);
}

// A run from the worker arrives in pieces: the scrubber's range grows with the appended rows, without a refresh.
void TestPlaybackBar::followsAStreamingRun()
{
    IterationModel streamed;
    PlaybackBar bar(&streamed);
    gdlab::test::routeRowRequests(&bar, &streamed);
    QVERIFY(!bar.scrubber()->isEnabled());
    QCOMPARE(bar.positionLabel()->text(), QStringLiteral("– / –"));
    gdlab::test::startStreaming(streamed, model()->sharedRun(), 5);
    QCOMPARE(bar.refreshCount(), 2);
    QCOMPARE(bar.scrubber()->maximum(), 4);
    QVERIFY(bar.scrubber()->isEnabled());
    streamed.appendRows(300);
    QCOMPARE(bar.scrubber()->maximum(), 299);
    QCOMPARE(bar.positionLabel()->text(), QStringLiteral("0 / 299"));
    bar.last();
    QCOMPARE(streamed.currentRow(), 299);
    streamed.finishRun(model()->sharedRun());
    QCOMPARE(bar.scrubber()->maximum(), 1000);
    QCOMPARE(bar.positionLabel()->text(), QStringLiteral("299 / 1000"));
    QCOMPARE(bar.refreshCount(), 2);
}

// On a dark palette the buttons' icons are drawn in its light text colour (Fusion's own are dark grey), and again
// when the palette changes.
void TestPlaybackBar::iconsTakeTheTextColour()
{
    const auto inkOf = [](const QAction* action) {
        const QImage image = action->icon().pixmap(QSize(20, 20)).toImage();
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (qAlpha(image.pixel(x, y)) == 255)
                    return QColor(image.pixel(x, y));
        return QColor();
    };
    QPalette dark = m_bar->palette();
    dark.setColor(QPalette::Active, QPalette::ButtonText, QColor(0xF0, 0xF0, 0xF0));
    dark.setColor(QPalette::Inactive, QPalette::ButtonText, QColor(0xF0, 0xF0, 0xF0));
    m_bar->setPalette(dark);
    QCOMPARE(inkOf(m_bar->playAction()), QColor(0xF0, 0xF0, 0xF0));
    QCOMPARE(inkOf(m_bar->lastAction()), QColor(0xF0, 0xF0, 0xF0));
    m_bar->playAction()->trigger(); // the pause icon too
    QCOMPARE(inkOf(m_bar->playAction()), QColor(0xF0, 0xF0, 0xF0));
    m_bar->playAction()->trigger();
}

} // namespace tst_playback_bar

QTEST_MAIN(tst_playback_bar::TestPlaybackBar)
#include "tst_playback_bar.moc"
