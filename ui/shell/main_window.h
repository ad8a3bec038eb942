#pragma once

#include <QMainWindow>

class QDragEnterEvent;
class QDropEvent;
class QHBoxLayout;
class QTabWidget;

namespace gdlab {

class BowlView;
class ContourPlot;
class ControlPanel;
class DataOpener;
class ExportActions;
class ErrorSurfaceModel;
class FitPlot;
class GuideBar;
class GuideRunner;
class HistoryTable;
class IntentRouter;
class MainActions;
class LossPlot;
class ParameterLossPlot;
class PinnedRuns;
class RaceLauncher;
class PlaybackBar;
class SecondViewTabs;
class PointEditor;
class PresentationLayout;
class PresentationSizeMenu;
class SessionActions;
class SessionController;
class StatusSummary;
class SweepDialog;
class ThemeManager;
class UpdatePanel;
class ViewFrame;

/**
 * @brief The window a teacher projects: the four linked views, the controls, the playback bar and the status
 * line.
 *
 * It builds the parts, gives each the IterationModel it reads, and hands their intents to an IntentRouter, which
 * turns them into the SessionController's commands; the actions and menus are MainActions'. A refused command is
 * reported once, here.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(SessionController* controller, QWidget* parent = nullptr);
    ~MainWindow() override;

    SessionController* controller() const { return m_controller; }
    ErrorSurfaceModel* surfaceModel() const { return m_surface; }
    FitPlot* fitPlot() const { return m_fitPlot; }
    LossPlot* lossPlot() const { return m_lossPlot; }
    ContourPlot* contourPlot() const { return m_contourPlot; }
    BowlView* bowlView() const { return m_bowlView; }
    /** @brief The loss along one parameter, in a tab beside the contour map. */
    ParameterLossPlot* parameterLossPlot() const { return m_parameterLossPlot; }
    /** @brief The second view's tabs: the contour map or the loss along one parameter. */
    SecondViewTabs* secondViewTabs() const { return m_secondView; }
    ControlPanel* controlPanel() const { return m_controlPanel; }
    PlaybackBar* playbackBar() const { return m_playbackBar; }
    StatusSummary* statusSummary() const { return m_statusSummary; }
    HistoryTable* historyTable() const { return m_historyTable; }
    UpdatePanel* updatePanel() const { return m_updatePanel; }
    DataOpener* dataOpener() const { return m_dataOpener; }
    PinnedRuns* pinnedRuns() const { return m_pinnedRuns; }
    RaceLauncher* raceLauncher() const { return m_raceLauncher; }
    /** @brief The fit view's point edits and their undo stack (the Edit menu's undo and redo). */
    PointEditor* pointEditor() const { return m_pointEditor; }
    MainActions* actions() const { return m_actions; }
    /** @brief The exports for slides: views, the window and animations as files, a view to the clipboard. */
    ExportActions* exports() const { return m_exports; }
    /** @brief File › Open session…, Save session, Save session as… (.gdlab files). */
    SessionActions* sessions() const { return m_sessions; }
    /** @brief The guided lessons: the bar above the playback bar and what drives it (File › Open guide…). */
    GuideRunner* guideRunner() const { return m_guides; }
    GuideBar* guideBar() const { return m_guideBar; }
    /** @brief The four views' frames: fit, error surface, loss, bowl. */
    const QList<ViewFrame*>& viewFrames() const { return m_frames; }
    /** @brief The theme (View › Theme): the application's palette and the views' colours. */
    ThemeManager* themes() const { return m_themes; }
    /** @brief The learning-rate sweep window, created on first use. */
    SweepDialog* sweepDialog();

    bool isPresentationMode() const { return m_presentationMode; }
    void setPresentationMode(bool on);
    /**
     * @brief How much larger presentation mode draws everything (PlotStyle::presentationScale(), kept within its
     * range); in presentation mode the window and its views grow or shrink at once.
     */
    void setPresentationScale(double scale);
    /** @brief View › Presentation size. */
    PresentationSizeMenu* presentationSizes() const { return m_presentationSizes; }
    /** @brief Whether the side panel (controls, history, the update) is shown. */
    bool areControlsVisible() const;

    /** @brief Renders the window into a PNG (written atomically); false with a message on failure. */
    bool saveScreenshot(const QString& path, QString* errorMessage);
    /**
     * @brief Writes the history as the CLI's CSV, and beside it the settings that produced it as JSON (same name,
     * .json; HistorySettingsJson), each written atomically; false with a message on failure.
     */
    bool exportHistory(const QString& path, QString* errorMessage) const;
    /** @brief Where exportHistory() puts the settings: "run.csv" → "run.json", "run" → "run.json". */
    static QString historySettingsPath(const QString& historyPath);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    /** The side column holds about this many average characters of the window's font. */
    static constexpr int kSideColumnCharacters = 46;

    void createActions();
    void createViews();
    QWidget* createViewGrid();
    QWidget* createSidePanel();
    /** The side column's width in pixels: from the font, never from what the column shows. */
    int sideColumnWidth() const;
    void createLayout();
    void showSweep();
    /** The window's font: the base font, enlarged by the presentation scale in presentation mode. */
    void applyPresentationFont();
    void exportHistoryInteractively();
    bool exportHistorySettings(const QString& path, QString* errorMessage) const;
    void showError(const QString& message);
    void updateWindowTitle();

    SessionController* m_controller;
    ErrorSurfaceModel* m_surface;
    FitPlot* m_fitPlot = nullptr;
    LossPlot* m_lossPlot = nullptr;
    ContourPlot* m_contourPlot = nullptr;
    BowlView* m_bowlView = nullptr;
    ParameterLossPlot* m_parameterLossPlot = nullptr;
    SecondViewTabs* m_secondView = nullptr;
    ControlPanel* m_controlPanel = nullptr;
    PlaybackBar* m_playbackBar = nullptr;
    StatusSummary* m_statusSummary = nullptr;
    HistoryTable* m_historyTable = nullptr;
    UpdatePanel* m_updatePanel = nullptr;
    DataOpener* m_dataOpener = nullptr;
    PinnedRuns* m_pinnedRuns = nullptr;
    RaceLauncher* m_raceLauncher = nullptr;
    PointEditor* m_pointEditor = nullptr;
    SweepDialog* m_sweepDialog = nullptr;
    IntentRouter* m_router = nullptr;
    MainActions* m_actions = nullptr;
    ExportActions* m_exports = nullptr;
    SessionActions* m_sessions = nullptr;
    GuideBar* m_guideBar = nullptr;
    GuideRunner* m_guides = nullptr;
    ThemeManager* m_themes = nullptr;
    PresentationSizeMenu* m_presentationSizes = nullptr;
    QTabWidget* m_sidePanel = nullptr;
    QWidget* m_sideColumn = nullptr;
    PresentationLayout* m_presentationLayout = nullptr;
    QHBoxLayout* m_strip = nullptr;
    QList<ViewFrame*> m_frames;
    bool m_presentationMode = false;
    QFont m_normalFont;
};

} // namespace gdlab
