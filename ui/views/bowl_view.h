#pragma once

#include <QString>
#include <QVector3D>
#include <QWidget>

#include <vector>

class Q3DSurface;
class QCustom3DItem;
class QLabel;
class QStackedLayout;
class QSurface3DSeries;

namespace gdlab {

class ErrorSurfaceModel;
class IterationModel;
class PinnedRuns;
class SessionController;

/**
 * @brief The error surface as a rotatable 3-D bowl (Qt DataVisualization), coloured like the contour map, with
 * the descent path on it at each point's true loss, the current point and the least-squares optimum.
 *
 * Qt DataVisualization needs OpenGL and crashes without it, so nothing 3-D is created unless
 * openGLAvailable(); the view then explains itself in a sentence and the rest of the program carries on.
 * Coordinates: x and z are the slice's two parameters, y is the loss.
 *
 * Pinned runs (compare runs) appear as a few markers along their whole paths in their own colours, named in a
 * line below the bowl. Their heights are the loss the live run uses at the same θ: a run pinned with another
 * loss (sse against mse, say) is re-evaluated, so that every marker sits on, or for a slice above, this bowl.
 */
class BowlView : public QWidget {
    Q_OBJECT

public:
    /** @brief The surface is drawn with at most this many samples per axis (the grid is thinned evenly). */
    static constexpr int maxSamples = 100;
    /** @brief The path is drawn as this many markers at most, evenly spaced along it, plus the current point. */
    static constexpr int pathMarkerLimit = 60;
    /** @brief Each pinned run is drawn as this many markers at most, evenly spaced along its whole path. */
    static constexpr int pinnedMarkerLimit = 24;

    explicit BowlView(SessionController* controller, ErrorSurfaceModel* surface, QWidget* parent = nullptr);
    ~BowlView() override;

    /**
     * @brief Whether a 3-D graph can be created here: false on the offscreen and minimal platforms, when
     * GDLAB_NO_OPENGL=1, or when an OpenGL context cannot be made current (probed once, then cached).
     */
    static bool openGLAvailable();

    /** @brief Whether the view shows a sentence instead of the bowl (no OpenGL, or no surface to show). */
    bool isShowingMessage() const;
    QString messageText() const;
    /** @brief Whether the 3-D graph exists at all (false without OpenGL). */
    bool hasGraph() const { return m_graph != nullptr; }
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }
    /** @brief Shows these pinned runs' paths (null: none). */
    void setPinnedRuns(PinnedRuns* runs);

    // Read access for tests: what the graph was given, in data coordinates (x, loss, z).
    int surfaceRowCount() const;
    int surfaceColumnCount() const;
    QVector3D surfacePoint(int row, int column) const;
    QVector3D currentMarkerPosition() const;
    QVector3D optimumMarkerPosition() const;
    /** @brief The path markers now shown (the current point's marker not included). */
    int visiblePathMarkerCount() const;
    /** @brief The markers shown for pinned run index (0 without a graph or out of range). */
    int pinnedMarkerCount(int run) const;
    QVector3D pinnedMarkerPosition(int run, int marker) const;
    /** @brief The line naming the pinned runs below the bowl, as plain text ("" without pins). */
    QString pinnedLegendText() const;
    Q3DSurface* graph() const { return m_graph; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void createGraph();
    void rebuildSurface();
    void rebuildPathLength();
    void updateCurrent();
    void applyStyle();
    void rebuildPinned();
    void updatePinnedLegend();
    QCustom3DItem* addMarker(const QColor& colour, const QString& mesh);
    void sizeMarkers();

    SessionController* m_controller;
    ErrorSurfaceModel* m_surface;
    IterationModel* m_model;

    QStackedLayout* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_container = nullptr;
    Q3DSurface* m_graph = nullptr; // owned by m_container
    QSurface3DSeries* m_series = nullptr;
    QCustom3DItem* m_currentMarker = nullptr;
    QCustom3DItem* m_optimumMarker = nullptr;
    std::vector<QCustom3DItem*> m_pathMarkers;
    PinnedRuns* m_pinned = nullptr;
    std::vector<std::vector<QCustom3DItem*>> m_pinnedMarkers;
    QLabel* m_pinnedLegend = nullptr;

    /** Cumulative length of the path in view-normalised (x, loss, z) units, per row; markers are spaced on it. */
    std::vector<double> m_pathLength;
    bool m_pathStale = true;
    bool m_presentation = false;
};

} // namespace gdlab
