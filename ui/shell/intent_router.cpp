#include "shell/intent_router.h"

#include "dataset.h"
#include "panels/control_panel.h"
#include "panels/fit_view_options.h"
#include "panels/loss_view_options.h"
#include "panels/parameter_loss_options.h"
#include "panels/playback_bar.h"
#include "panels/surface_slice_controls.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/point_editor.h"
#include "session/session_controller.h"
#include "solver.h"
#include "views/contour_plot.h"
#include "views/fit_plot.h"
#include "views/history_table.h"
#include "views/loss_plot.h"
#include "views/parameter_loss_plot.h"

namespace gdlab {

IntentRouter::IntentRouter(
    SessionController* controller, ErrorSurfaceModel* surface, PointEditor* pointEditor, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
    , m_surface(surface)
    , m_pointEditor(pointEditor)
{
}

bool IntentRouter::report(const QString& refusal)
{
    if (refusal.isEmpty())
        return true;
    emit refused(refusal);
    return false;
}

void IntentRouter::routeControlPanel(ControlPanel* panel)
{
    // A refused edit makes no run, so no runReset brings the panel back to the run's values: it is told to.
    const auto restoreUnless = [panel](bool accepted) {
        if (!accepted)
            panel->refresh();
    };
    connect(panel, &ControlPanel::lessonChosen, this,
        [this, restoreUnless](const QString& name) { restoreUnless(report(m_controller->loadLesson(name))); });
    connect(panel, &ControlPanel::settingsEdited, this, [this, panel, restoreUnless](const SolverSettings& settings) {
        // A sample of a long file has only the sums of its rows: settings that visit rows wait for them to be read.
        const Run* latest = m_controller->latestRun();
        if (latest && latest->dataset && latest->dataset->isSample() && Solver::needsRows(settings)) {
            panel->refresh();
            emit rowsNeeded(settings);
            return;
        }
        restoreUnless(report(m_controller->setSettings(settings)));
    });
    connect(panel, &ControlPanel::problemSpecEdited, this,
        [this, restoreUnless](const ProblemSpec& spec) { restoreUnless(report(m_controller->setProblemSpec(spec))); });
}

void IntentRouter::routeCursor(PlaybackBar* playback, HistoryTable* table)
{
    IterationModel* model = m_controller->model();
    connect(playback, &PlaybackBar::rowRequested, model, &IterationModel::setCurrentRow);
    connect(table, &HistoryTable::rowRequested, model, &IterationModel::setCurrentRow);
}

void IntentRouter::routeContour(ContourPlot* contour)
{
    connect(contour, &ContourPlot::startPointChosen, this,
        [this](const std::vector<double>& theta) { report(m_controller->setStartPoint(theta)); });
}

void IntentRouter::routeSliceControls(SurfaceSliceControls* controls)
{
    connect(controls, &SurfaceSliceControls::sliceChosen, m_surface, &ErrorSurfaceModel::setParameters);
    connect(controls, &SurfaceSliceControls::holdModeChosen, m_surface, &ErrorSurfaceModel::setHoldMode);
    connect(controls, &SurfaceSliceControls::followChosen, m_surface, &ErrorSurfaceModel::setFollowCurrent);
}

void IntentRouter::routeFitView(FitPlot* fit, FitViewOptions* options)
{
    // The fit view asks for point edits; the editor makes them undoable, or says why not, at the point.
    connect(fit, &FitPlot::pointAddRequested, m_pointEditor, &PointEditor::addPoint);
    connect(fit, &FitPlot::pointMoveRequested, m_pointEditor, &PointEditor::movePoint);
    connect(fit, &FitPlot::pointRemoveRequested, m_pointEditor, &PointEditor::removePoint);
    connect(m_pointEditor, &PointEditor::refused, fit, &FitPlot::showRefusal);
    connect(options, &FitViewOptions::fitModeChosen, fit, &FitPlot::setFitMode);
    connect(options, &FitViewOptions::featureChosen, fit, &FitPlot::setFeature);
    connect(options, &FitViewOptions::showLeastSquaresChosen, fit, &FitPlot::setShowLeastSquares);
    connect(options, &FitViewOptions::editingChosen, fit, &FitPlot::setEditable);
}

void IntentRouter::routeLossView(LossPlot* loss, LossViewOptions* options)
{
    connect(options, &LossViewOptions::logarithmicChosen, loss, &LossPlot::setLogarithmic);
}

void IntentRouter::routeParameterLoss(ParameterLossPlot* plot, ParameterLossOptions* options)
{
    connect(options, &ParameterLossOptions::parameterChosen, plot, &ParameterLossPlot::setParameter);
    // One hold for both views of the loss's slices.
    connect(options, &ParameterLossOptions::holdModeChosen, m_surface, &ErrorSurfaceModel::setHoldMode);
}

} // namespace gdlab
