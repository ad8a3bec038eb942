#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace gdlab {

class PinnedRuns;
class Race;
class RaceDialog;
class SessionController;

/**
 * @brief Turns a race the user typed (the Race dialog, or gdlab --race) into commands: the first configuration's
 * settings go to the controller as the live run's, the race computes the others beside it. A lesson with a race
 * (the marble, the ravine, one Newton step) starts it when it opens.
 */
class RaceLauncher : public QObject {
    Q_OBJECT

public:
    RaceLauncher(SessionController* controller, PinnedRuns* pins, QWidget* window);

    /** @brief Parses text ("gd,momentum:lr=0.05,adam") and starts the race; the refusal's message, or empty. */
    QString start(const QString& text);
    void stop();
    /** @brief Shows the dialog (made on first use), non-modal beside the window. */
    void showDialog();

    const Race* race() const { return m_race; }
    RaceDialog* dialog() const;

private:
    /** Starts the race of the lesson the live run is, or stops the race for any other lesson. */
    void followLesson();

    SessionController* m_controller;
    Race* m_race;
    QWidget* m_window;
    QPointer<RaceDialog> m_dialog;
};

} // namespace gdlab
