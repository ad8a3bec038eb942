#pragma once

#include "session/guide.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

class QMenu;

namespace gdlab {

class GuideBar;
class MainActions;
class MainWindow;

/**
 * @brief Runs a guide in the window: entering a step applies it through the controller (a lesson or CSV, then each
 * change of settings as one command, so one run), pins, moves or plays the cursor, and dims the views it does not
 * emphasise; the GuideBar shows the step with its numbers filled from the model (GuideText), live as the cursor moves.
 *
 * A step always looks the same whichever way it is reached: going to step k starts again from the guide's lesson or
 * data and applies steps 1 … k (without playing), then plays step k's "play" when it was entered by Next. A refused
 * command stops there and its message shows on the bar. Page Down and Page Up go to the next and the step before,
 * wherever the focus is in the window, a spin box being typed in included (its value is committed first).
 */
class GuideRunner : public QObject {
    Q_OBJECT

public:
    GuideRunner(MainWindow* window, GuideBar* bar, MainActions* actions);

    /** @brief Opens guide at step (from 0) and applies it; the refusal of a command, or empty. */
    QString open(const Guide& guide, int step = 0);
    /** @brief Opens a built-in guide by name, or a guide file; a bad guide changes nothing and says why. */
    QString open(const QString& nameOrPath, int step = 0);
    /**
     * @brief Shows the guide at step without applying it: a saved session restored the screen already.
     * session is what sessionJson() wrote; the message says why it was not possible.
     */
    QString resume(const QJsonObject& session);
    /** @brief Goes to step (from 0): from the start, applying steps up to it; animate plays its "play". */
    QString goTo(int step, bool animate = false);
    void next();
    void back();
    /** @brief Shows the answer to the step's question. */
    void showAnswer();
    /** @brief Closes the guide; what is on screen stays. */
    void close();

    bool isOpen() const { return m_open; }
    const Guide& guide() const { return m_guide; }
    int stepIndex() const { return m_step; }
    /** @brief Whether a step's "play" is moving the cursor. */
    bool isPlaying() const { return m_playTarget >= 0; }
    /** @brief The caption as the bar shows it, numbers filled. */
    QString caption() const;
    /** @brief {"name": NAME} or {"path": FILE}, and "step" (from 1); empty when no guide is open. */
    QJsonObject sessionJson() const;

signals:
    /** @brief Another guide or step is shown (or the guide was closed). */
    void stepChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString applyStart();
    QString applySettings(const QJsonObject& partial);
    /** The iteration the cursor is left at by the steps up to step, or -1 when none of them moves it. */
    long long cursorAfter(int step) const;
    void play(long long fromIteration, long long toIteration, int speed);
    void stopPlaying();
    void onRowChanged();
    void emphasise(const QString& view);
    void refresh();
    void fillMenu(QMenu* menu);
    void openInteractively();
    /** Shows a guide that did not open, or a step refused, where the user looks: a message box. */
    void report(const QString& message);

    MainWindow* m_window;
    GuideBar* m_bar;
    Guide m_guide;
    bool m_open = false;
    int m_step = 0;
    bool m_answerShown = false;
    QString m_message;
    int m_playTarget = -1; ///< the row a step's play stops at; -1 while not playing
    int m_speedBefore = 0; ///< the playback speed the user had chosen, put back after a step's play
};

} // namespace gdlab
