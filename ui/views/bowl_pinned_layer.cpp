#include "views/bowl_pinned_layer.h"
#include "session/core_text.h"

#include "loss.h"
#include "path_sampling.h"
#include "problem.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "views/bowl_marker.h"
#include "views/bowl_path_markers.h"
#include "views/series_marker.h"
#include "views/view_palette.h"

#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/QCustom3DItem>

#include <QLabel>
#include <QTextDocument>

#include <algorithm>

namespace gdlab {

namespace {

// In the graph's absolute units (the plot box spans 2).
constexpr float pinnedMarkerSize = 0.05f;
// As large as the live run's current point (0.11): each run's place at the cursor is what a race is watched by, and
// its shape must read on a small bowl.
constexpr float cursorMarkerSize = 0.11f;

QString legendEntry(int seriesIndex, const QString& label)
{
    const QColor colour = seriesIndex < 0 ? ViewPalette::current() : ViewPalette::series(seriesIndex);
    return QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
        .arg(colour.name(), SeriesMarker::symbol(seriesIndex), label.toHtmlEscaped());
}

} // namespace

BowlPinnedLayer::BowlPinnedLayer(Q3DSurface* graph, const ErrorSurfaceModel* surface, const IterationModel* model,
    QWidget* legendParent, QObject* parent)
    : QObject(parent)
    , m_graph(graph)
    , m_surface(surface)
    , m_model(model)
{
    m_legend = new QLabel(legendParent);
    m_legend->setAlignment(Qt::AlignCenter);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_legend->setVisible(false);
}

void BowlPinnedLayer::setPinnedRuns(const PinnedRuns* runs)
{
    followPinnedRuns(m_pinned, runs, this, &BowlPinnedLayer::draw, &BowlPinnedLayer::updateLegend);
}

void BowlPinnedLayer::setScale(double scale)
{
    m_scale = scale;
    for (const auto& markers : m_markers) {
        for (QCustom3DItem* item : markers)
            BowlMarker::setSize(item, pinnedMarkerSize * static_cast<float>(m_scale));
    }
    for (QCustom3DItem* item : m_cursorMarkers)
        BowlMarker::setSize(item, cursorMarkerSize * static_cast<float>(m_scale));
}

void BowlPinnedLayer::removeMarkers()
{
    for (const auto& markers : m_markers) {
        for (QCustom3DItem* item : markers)
            m_graph->removeCustomItem(item); // deletes it
    }
    m_markers.clear();
    for (QCustom3DItem* item : m_cursorMarkers)
        m_graph->removeCustomItem(item);
    m_cursorMarkers.clear();
    m_paths.clear();
}

void BowlPinnedLayer::draw()
{
    removeMarkers();
    if (m_pinned && m_model->run() && m_surface->isValid()) {
        for (int index = 0; index < m_pinned->count(); ++index)
            addMarkers(m_pinned->run(index));
    }
    setScale(m_scale);
    showIteration();
    updateLegend();
    emit drawn();
}

void BowlPinnedLayer::showIteration()
{
    if (m_model->isEmpty())
        return;
    const long long iteration = m_model->iteration(m_model->currentRow());
    for (std::size_t index = 0; index < m_cursorMarkers.size(); ++index) {
        // The run's last finite state at or before iteration: a diverged run stays where it left the bowl.
        const auto& [rows, points] = m_paths[index];
        const std::size_t row = m_pinned->run(static_cast<int>(index)).rowAt(iteration);
        const auto after = std::upper_bound(rows.begin(), rows.end(), row);
        m_cursorMarkers[index]->setVisible(after != rows.begin());
        if (after != rows.begin())
            m_cursorMarkers[index]->setPosition(points[std::size_t(after - rows.begin()) - 1]);
    }
}

BowlPinnedLayer::Path BowlPinnedLayer::pathOf(const PinnedRun& run) const
{
    // On the bowl every point lies on the surface: the live loss of θ's projection onto the slice (the run's own
    // loss, whatever it was, is in the loss view).
    const Problem& problem = *m_model->run()->problem;
    const History& history = run.history();
    Path path;
    auto& [rows, points] = path;
    for (int row = 0; row < run.rows; ++row) {
        const auto index = static_cast<std::size_t>(row);
        const Eigen::VectorXd theta = history.theta(index);
        if (theta.size() != problem.parameterCount() || !theta.allFinite())
            continue;
        const QPointF point = m_surface->slicePoint(theta);
        points.push_back(BowlMarker::at(point.x(), m_surface->sliceLoss(theta), point.y()));
        rows.push_back(index);
    }
    return path;
}

void BowlPinnedLayer::addMarkers(const PinnedRun& run)
{
    m_paths.push_back(pathOf(run));
    const std::vector<QVector3D>& points = m_paths.back().second;
    // Evenly spaced along the path on screen, the start and the end always included.
    std::vector<PathPoint> path;
    path.reserve(points.size());
    for (const QVector3D& point : points)
        path.push_back({ point.x(), point.y(), point.z() });
    const std::vector<double> lengths = cumulativeLengths(path, BowlMarker::axisSpans(m_graph));
    std::vector<QCustom3DItem*> markers;
    const int limit = std::min(pinnedMarkerLimit, BowlPathMarkers::shareOf(m_pinned->count() + 1));
    for (const std::size_t k : evenlyAlong(lengths, limit)) {
        QCustom3DItem* item = BowlMarker::addDot(m_graph, ViewPalette::series(run.seriesIndex));
        item->setPosition(points[k]);
        item->setVisible(true);
        markers.push_back(item);
    }
    m_markers.push_back(std::move(markers));
    // Where the run is at the cursor: in its own shape, so that runs that cross stay apart without colour.
    QCustom3DItem* cursor = BowlMarker::add(m_graph, ViewPalette::series(run.seriesIndex));
    cursor->setMeshFile(SeriesMarker::mesh(run.seriesIndex));
    m_cursorMarkers.push_back(cursor);
}

void BowlPinnedLayer::updateLegend()
{
    if (!m_pinned || m_pinned->isEmpty() || !m_model->run()) {
        m_legend->clear();
        m_legend->setVisible(false);
        return;
    }
    QStringList entries { legendEntry(-1, m_pinned->liveLabel()) };
    for (int index = 0; index < m_pinned->count(); ++index)
        entries << legendEntry(m_pinned->run(index).seriesIndex, m_pinned->displayLabel(index));
    m_legend->setText(entries.join(QStringLiteral(" &nbsp; ")));
    m_legend->setToolTip(tr("Every run is drawn on this surface: the %1 loss of its θ on the slice shown. The loss "
                            "view shows each run's own values.")
                             .arg(CoreText::loss(m_model->run()->settings.loss)));
    m_legend->setVisible(true);
}

int BowlPinnedLayer::markerCount(int run) const
{
    if (run < 0 || run >= static_cast<int>(m_markers.size()))
        return 0;
    const auto& markers = m_markers[static_cast<std::size_t>(run)];
    return static_cast<int>(
        std::count_if(markers.begin(), markers.end(), [](const QCustom3DItem* item) { return item->isVisible(); }));
}

QVector3D BowlPinnedLayer::markerPosition(int run, int marker) const
{
    if (run < 0 || run >= static_cast<int>(m_markers.size()) || marker < 0
        || marker >= static_cast<int>(m_markers[static_cast<std::size_t>(run)].size()))
        return {};
    return m_markers[static_cast<std::size_t>(run)][static_cast<std::size_t>(marker)]->position();
}

QCustom3DItem* BowlPinnedLayer::cursorMarker(int run) const
{
    if (run < 0 || run >= static_cast<int>(m_cursorMarkers.size()))
        return nullptr;
    return m_cursorMarkers[static_cast<std::size_t>(run)];
}

QString BowlPinnedLayer::legendText() const
{
    if (m_legend->isHidden())
        return {};
    QTextDocument document;
    document.setHtml(m_legend->text());
    return document.toPlainText();
}

} // namespace gdlab
