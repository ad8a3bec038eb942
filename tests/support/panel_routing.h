#pragma once

// Test support: a control panel's and a playback bar's intents sent where the main window sends them, so that
// panel tests drive the real controller without a window. A refusal is recorded and the panel shown the run's
// values again, as the window does.

#include "panels/control_panel.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QStringList>

namespace gdlab::test {

/** @brief Routes panel's lessonChosen, settingsEdited and problemSpecEdited to controller; refusals go to *refusals. */
inline void routeIntents(ControlPanel* panel, SessionController* controller, QStringList* refusals)
{
    const auto route = [panel, refusals](const QString& refusal) {
        if (refusal.isEmpty())
            return;
        *refusals << refusal;
        panel->refresh();
    };
    QObject::connect(panel, &ControlPanel::lessonChosen, controller,
        [controller, route](const QString& name) { route(controller->loadLesson(name)); });
    QObject::connect(panel, &ControlPanel::settingsEdited, controller,
        [controller, route](const SolverSettings& settings) { route(controller->setSettings(settings)); });
    QObject::connect(panel, &ControlPanel::problemSpecEdited, controller,
        [controller, route](const ProblemSpec& spec) { route(controller->setProblemSpec(spec)); });
}

/** @brief Makes every row a view or bar asks for (rowRequested) the model's current row. */
template <typename Sender> void routeRowRequests(Sender* sender, IterationModel* model)
{
    QObject::connect(sender, &Sender::rowRequested, model, &IterationModel::setCurrentRow);
}

} // namespace gdlab::test
