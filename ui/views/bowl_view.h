#pragma once

#include "views/bowl_camera.h"
#include "views/bowl_path_markers.h"
#include "views/bowl_pinned_layer.h"
#include "views/bowl_surface_layer.h"

#include <QString>
#include <QVector3D>
#include <QWidget>

#include <memory>
#include <optional>

class Q3DSurface;
class QCustom3DItem;

namespace gdlab {

class BowlGraphHost;
class ErrorSurfaceModel;
class IterationModel;
class PinnedRuns;

/**
 * @brief The error surface as a rotatable 3-D bowl (Qt DataVisualization), coloured like the contour map, with
 * the descent path on it at each point's true loss, the current point, the least-squares optimum and pinned runs.
 *
 * Without OpenGL there is no graph: the view says why in a sentence (BowlGraphHost) and the rest of the program
 * carries on. It redraws everything once per runReset, and again only when surfaceChanged brings a surface it
 * has not drawn (ErrorSurfaceModel::revision()); stepping moves the markers only.
 */
class BowlView : public QWidget {
    Q_OBJECT

public:
    static constexpr int maxSamples = BowlSurfaceLayer::maxSamples;
    static constexpr int pathMarkerLimit = BowlPathMarkers::pathMarkerLimit;
    static constexpr int pinnedMarkerLimit = BowlPinnedLayer::pinnedMarkerLimit;

    BowlView(const IterationModel* model, const ErrorSurfaceModel* surface, QWidget* parent = nullptr);
    ~BowlView() override;

    /** @brief Whether a 3-D graph can be created here (BowlGraphHost::openGLAvailable()). */
    static bool openGLAvailable();

    /** @brief Whether the view shows a sentence instead of the bowl (no OpenGL, or no surface to show). */
    bool isShowingMessage() const;
    QString messageText() const;
    QFont messageFont() const;
    /** @brief Whether the 3-D graph exists at all (false without OpenGL). */
    bool hasGraph() const { return graph() != nullptr; }
    Q3DSurface* graph() const;
    /** @brief Whether object is the graph's window (where the mouse goes when it turns the bowl). */
    bool isGraphWindow(const QObject* object) const;
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }
    /** @brief Shows these pinned runs' paths (null: none). */
    void setPinnedRuns(const PinnedRuns* runs);
    /** @brief Where the bowl is looked at from (none without a graph). */
    std::optional<BowlCamera> camera() const;
    /** @brief Looks from there (rotations and zoom kept within what the mouse could reach); nothing without a graph. */
    void setCamera(const BowlCamera& camera);
    /** @brief How many times the view redrew everything. */
    int refreshCount() const { return m_refreshCount; }

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
    /** @brief Where pinned run index is at the cursor, in its own shape (null without a graph or out of range). */
    QCustom3DItem* pinnedCursorMarker(int run) const;
    /** @brief The line naming the pinned runs below the bowl, as plain text ("" without pins). */
    QString pinnedLegendText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void onSurfaceChanged();
    void onRowsAppended();
    void onCurrentRowChanged();
    void applyStyle();

    const IterationModel* m_model;
    const ErrorSurfaceModel* m_surface;
    BowlGraphHost* m_host = nullptr;
    // The layers exist only with a graph.
    std::unique_ptr<BowlSurfaceLayer> m_surfaceLayer;
    std::unique_ptr<BowlPathMarkers> m_pathMarkers;
    BowlPinnedLayer* m_pinnedLayer = nullptr;
    int m_drawnRevision = -1;
    int m_refreshCount = 0;
    bool m_presentation = false;
};

} // namespace gdlab
