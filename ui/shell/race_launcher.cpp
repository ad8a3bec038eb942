#include "shell/race_launcher.h"

#include "compare/race_dialog.h"
#include "input_error.h"
#include "lesson.h"
#include "race_entry.h"
#include "session/core_text.h"
#include "session/iteration_model.h"
#include "session/race.h"
#include "session/session_controller.h"

namespace gdlab {

RaceLauncher::RaceLauncher(SessionController* controller, PinnedRuns* pins, QWidget* window)
    : QObject(window)
    , m_controller(controller)
    , m_race(new Race(controller->model(), pins, this))
    , m_window(window)
{
    // A lesson that teaches by comparison opens its race; any other lesson ends the race that was running.
    connect(controller->model(), &IterationModel::runReset, this, [this](RunCause cause) {
        if (cause == RunCause::NewLesson)
            followLesson();
    });
    // The window may open on such a lesson.
    followLesson();
}

void RaceLauncher::followLesson()
{
    const Run* run = m_controller->model()->run();
    const Lesson* lesson = run ? findLesson(run->lessonName) : nullptr;
    if (lesson && !lesson->race.empty())
        start(QString::fromStdString(lesson->race));
    else if (m_race->isActive())
        m_race->stop();
}

QString RaceLauncher::start(const QString& text)
{
    std::vector<RaceEntry> entries;
    try {
        entries = parseRace(text.toStdString());
    } catch (const InputError& error) {
        return CoreText::message(error);
    }
    const Run* live = m_controller->model()->run();
    if (entries.empty() || !live)
        return tr("Nothing to race: open a lesson or a CSV file first.");
    const SolverSettings first = entries.front().applyTo(live->settings);
    m_race->setEntries(entries);
    // The first configuration is the live run; its new run recomputes the others from the same start.
    if (first != live->settings) {
        const QString refusal = m_controller->setSettings(first);
        if (!refusal.isEmpty()) {
            m_race->stop();
            return refusal;
        }
    }
    return {};
}

void RaceLauncher::stop()
{
    m_race->stop();
}

RaceDialog* RaceLauncher::dialog() const
{
    return m_dialog;
}

void RaceLauncher::showDialog()
{
    if (!m_dialog) {
        m_dialog = new RaceDialog(m_controller->model(), m_race, m_window);
        connect(m_dialog, &RaceDialog::entriesChosen, this,
            [this](const QString& text) { m_dialog->showError(start(text)); });
        connect(m_dialog, &RaceDialog::stopRequested, this, &RaceLauncher::stop);
    }
    m_dialog->show();
    m_dialog->raise();
}

} // namespace gdlab
