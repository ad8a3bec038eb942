#include "views/bowl_view.h"

#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "views/bowl_graph_host.h"
#include "views/bowl_style.h"

#include <QtDataVisualization/Q3DCamera>
#include <QtDataVisualization/Q3DScene>
#include <QtDataVisualization/Q3DSurface>

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace gdlab {

BowlView::BowlView(const IterationModel* model, const ErrorSurfaceModel* surface, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_surface(surface)
{
    m_host = new BowlGraphHost(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_host);
    if (Q3DSurface* graph = m_host->graph()) {
        m_surfaceLayer = std::make_unique<BowlSurfaceLayer>(graph, m_surface, m_model);
        m_pathMarkers = std::make_unique<BowlPathMarkers>(graph, m_surface, m_model);
        m_pinnedLayer = new BowlPinnedLayer(graph, m_surface, m_model, m_host, this);
        m_host->addBelowGraph(m_pinnedLayer->legend());
        // The live path takes its share of the markers with the runs pinned beside it.
        connect(m_pinnedLayer, &BowlPinnedLayer::drawn, this, [this] {
            const int share = BowlPathMarkers::shareOf(m_pinnedLayer->runCount());
            if (share == m_pathMarkers->markerLimit())
                return;
            m_pathMarkers->setMarkerLimit(share);
            m_pathMarkers->updateCurrent();
        });
    }
    connect(m_model, &IterationModel::runReset, this, &BowlView::refresh);
    connect(m_model, &IterationModel::rowsAppended, this, &BowlView::onRowsAppended);
    connect(m_model, &IterationModel::currentRowChanged, this, &BowlView::onCurrentRowChanged);
    // A run's end, a slice chosen, a slice through the cursor: the surface model says so with surfaceChanged.
    connect(m_surface, &ErrorSurfaceModel::surfaceChanged, this, &BowlView::onSurfaceChanged);
    applyStyle();
    refresh();
}

BowlView::~BowlView() = default;

bool BowlView::openGLAvailable()
{
    return BowlGraphHost::openGLAvailable();
}

Q3DSurface* BowlView::graph() const
{
    return m_host->graph();
}

std::optional<BowlCamera> BowlView::camera() const
{
    if (!hasGraph())
        return std::nullopt;
    const Q3DCamera* camera = graph()->scene()->activeCamera();
    return BowlCamera { camera->xRotation(), camera->yRotation(), camera->zoomLevel(), camera->target() };
}

void BowlView::setCamera(const BowlCamera& camera)
{
    if (!hasGraph())
        return;
    Q3DCamera* active = graph()->scene()->activeCamera();
    // Q3DCamera wraps the rotation around and clamps the zoom and target to the graph's own limits.
    active->setCameraPosition(camera.xRotation, camera.yRotation, camera.zoomLevel);
    active->setTarget(camera.target);
}

bool BowlView::isGraphWindow(const QObject* object) const
{
    return object && object == m_host->graph();
}

void BowlView::refresh()
{
    ++m_refreshCount;
    if (!hasGraph())
        return;
    m_drawnRevision = m_surface->revision();
    if (!m_surface->isValid()) {
        m_host->showMessage(m_surface->unavailableReason());
        m_surfaceLayer->clear();
        m_pathMarkers->hide();
        m_pinnedLayer->draw();
        return;
    }
    m_host->showGraph();
    m_surfaceLayer->draw();
    m_pathMarkers->draw();
    m_pinnedLayer->draw();
}

void BowlView::onSurfaceChanged()
{
    // The notice posted after a reset this view has drawn already brings nothing new.
    if (m_surface->revision() != m_drawnRevision)
        refresh();
}

void BowlView::onRowsAppended()
{
    if (!hasGraph())
        return;
    m_pathMarkers->updateCurrent();
}

void BowlView::onCurrentRowChanged()
{
    if (!hasGraph())
        return;
    m_pathMarkers->updateCurrent();
    m_pinnedLayer->showIteration();
}

void BowlView::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyStyle();
}

void BowlView::setPinnedRuns(const PinnedRuns* runs)
{
    if (m_pinnedLayer)
        m_pinnedLayer->setPinnedRuns(runs);
}

void BowlView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
    // A theme changes the palette: the markers take its colours (the pinned runs' are made anew, with their legend).
    if (event->type() == QEvent::PaletteChange && hasGraph()) {
        m_pathMarkers->applyColours();
        m_pinnedLayer->draw();
    }
}

void BowlView::applyStyle()
{
    const BowlStyle style(*this, m_presentation);
    m_host->setFont(style.messageFont());
    if (!hasGraph())
        return;
    style.apply(graph()->activeTheme());
    m_pathMarkers->setScale(style.scale());
    m_pinnedLayer->setScale(style.scale());
}

bool BowlView::isShowingMessage() const
{
    return m_host->isShowingMessage();
}

QString BowlView::messageText() const
{
    return m_host->messageText();
}

QFont BowlView::messageFont() const
{
    return m_host->messageFont();
}

int BowlView::surfaceRowCount() const
{
    return m_surfaceLayer ? m_surfaceLayer->rowCount() : 0;
}

int BowlView::surfaceColumnCount() const
{
    return m_surfaceLayer ? m_surfaceLayer->columnCount() : 0;
}

QVector3D BowlView::surfacePoint(int row, int column) const
{
    return m_surfaceLayer ? m_surfaceLayer->point(row, column) : QVector3D();
}

QVector3D BowlView::currentMarkerPosition() const
{
    return m_pathMarkers ? m_pathMarkers->currentPosition() : QVector3D();
}

QVector3D BowlView::optimumMarkerPosition() const
{
    return m_pathMarkers ? m_pathMarkers->optimumPosition() : QVector3D();
}

int BowlView::visiblePathMarkerCount() const
{
    return m_pathMarkers ? m_pathMarkers->visiblePathMarkers() : 0;
}

int BowlView::pinnedMarkerCount(int run) const
{
    return m_pinnedLayer ? m_pinnedLayer->markerCount(run) : 0;
}

QVector3D BowlView::pinnedMarkerPosition(int run, int marker) const
{
    return m_pinnedLayer ? m_pinnedLayer->markerPosition(run, marker) : QVector3D();
}

QCustom3DItem* BowlView::pinnedCursorMarker(int run) const
{
    return m_pinnedLayer ? m_pinnedLayer->cursorMarker(run) : nullptr;
}

QString BowlView::pinnedLegendText() const
{
    return m_pinnedLayer ? m_pinnedLayer->legendText() : QString();
}

} // namespace gdlab
