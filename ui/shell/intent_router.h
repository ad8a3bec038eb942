#pragma once

#include <QObject>
#include <QString>

#include "solver_settings.h"

namespace gdlab {

class ContourPlot;
class ControlPanel;
class ErrorSurfaceModel;
class FitPlot;
class FitViewOptions;
class HistoryTable;
class LossPlot;
class LossViewOptions;
class ParameterLossOptions;
class ParameterLossPlot;
class PlaybackBar;
class PointEditor;
class SessionController;
class SurfaceSliceControls;

/**
 * @brief Turns what the views and panels ask for (their intents) into commands: to the controller, to the model's
 * cursor, to the surface model's slice, to the point editor, or to another view's options.
 *
 * Views and panels never see the controller; this is the one place that knows who does what. A command the
 * controller refuses changes nothing and is reported once, through refused(); a panel whose edit was refused is
 * told to show the run's values again (no runReset will come to do it).
 */
class IntentRouter : public QObject {
    Q_OBJECT

public:
    IntentRouter(
        SessionController* controller, ErrorSurfaceModel* surface, PointEditor* pointEditor, QObject* parent = nullptr);

    void routeControlPanel(ControlPanel* panel);
    void routeCursor(PlaybackBar* playback, HistoryTable* table);
    void routeContour(ContourPlot* contour);
    void routeSliceControls(SurfaceSliceControls* controls);
    void routeFitView(FitPlot* fit, FitViewOptions* options);
    void routeLossView(LossPlot* loss, LossViewOptions* options);
    void routeParameterLoss(ParameterLossPlot* plot, ParameterLossOptions* options);

signals:
    /** @brief A command the user sent was refused; message says why. */
    void refused(const QString& message);
    /** @brief The panel asked for settings that need the rows of data the window holds only a sample of. */
    void rowsNeeded(const gdlab::SolverSettings& settings);

private:
    /** Reports a refusal (empty: none); returns whether the command was accepted. */
    bool report(const QString& refusal);

    SessionController* m_controller;
    ErrorSurfaceModel* m_surface;
    PointEditor* m_pointEditor;
};

} // namespace gdlab
