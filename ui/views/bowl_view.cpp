#include "views/bowl_view.h"
#include "views/colour_map.h"

#include "loss.h"
#include "problem.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <QtDataVisualization/Q3DCamera>
#include <QtDataVisualization/Q3DScene>
#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/Q3DTheme>
#include <QtDataVisualization/QCustom3DItem>
#include <QtDataVisualization/QSurface3DSeries>
#include <QtDataVisualization/QSurfaceDataProxy>
#include <QtDataVisualization/QValue3DAxis>

#include <QEvent>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLinearGradient>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QStackedLayout>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

const QString sphereMesh = QStringLiteral(":/defaultMeshes/sphereSmooth");
// Marker sizes in the graph's absolute units (the plot box spans 2).
constexpr float pathMarkerSize = 0.045f;
constexpr float currentMarkerSize = 0.11f;
constexpr float optimumMarkerSize = 0.09f;
constexpr float pinnedMarkerSize = 0.05f;
constexpr float presentationFactor = 1.5f;
// The range gradient is sampled this often: enough for the log mapping to look smooth on the bowl.
constexpr int gradientStops = 48;

bool openGLSwitchedOff()
{
    return qEnvironmentVariable("GDLAB_NO_OPENGL") == QLatin1String("1");
}

/** Sample indices 0 … steps−1, at most limit of them, evenly spread and always including both ends. */
std::vector<int> thinnedIndices(int steps, int limit)
{
    const int count = std::min(steps, limit);
    std::vector<int> indices(static_cast<std::size_t>(count));
    for (int k = 0; k < count; ++k)
        indices[static_cast<std::size_t>(k)]
            = count == 1 ? 0 : static_cast<int>(std::lround(static_cast<double>(k) * (steps - 1) / (count - 1)));
    return indices;
}

QImage solidTexture(const QColor& colour)
{
    QImage image(2, 2, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

} // namespace

BowlView::BowlView(SessionController* controller, ErrorSurfaceModel* surface, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_surface(surface)
    , m_model(controller->model())
{
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_message);

    if (!openGLAvailable()) {
        const QString platform = QGuiApplication::platformName();
        m_message->setText(openGLSwitchedOff()
                ? tr("The 3-D bowl is switched off (GDLAB_NO_OPENGL=1). Every other view works.")
                : tr("The 3-D bowl needs OpenGL, which is not available here (platform: %1). Every other view works.")
                      .arg(platform.isEmpty() ? tr("unknown") : platform));
        m_stack->setCurrentWidget(m_message);
        applyStyle();
        return;
    }

    createGraph();
    connect(m_surface, &ErrorSurfaceModel::surfaceChanged, this, &BowlView::rebuildSurface);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_pathStale = true;
        updateCurrent();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        m_pathStale = true;
        updateCurrent();
    });
    connect(m_model, &IterationModel::currentRowChanged, this, &BowlView::updateCurrent);
    applyStyle();
    rebuildSurface();
}

BowlView::~BowlView() = default;

bool BowlView::openGLAvailable()
{
    if (openGLSwitchedOff() || !qGuiApp)
        return false;
    // These platforms have no OpenGL, and Qt DataVisualization crashes rather than failing politely.
    const QString platform = QGuiApplication::platformName();
    if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
        return false;
    static const bool available = [] {
        QOpenGLContext context;
        if (!context.create())
            return false;
        QOffscreenSurface surface;
        surface.setFormat(context.format());
        surface.create();
        if (!surface.isValid())
            return false;
        const bool current = context.makeCurrent(&surface);
        if (current)
            context.doneCurrent();
        return current;
    }();
    return available;
}

bool BowlView::isShowingMessage() const
{
    return m_stack->currentWidget() == m_message;
}

QString BowlView::messageText() const
{
    return m_message->text();
}

void BowlView::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyStyle();
}

void BowlView::setPinnedRuns(PinnedRuns* runs)
{
    if (runs == m_pinned)
        return;
    if (m_pinned)
        disconnect(m_pinned, nullptr, this, nullptr);
    m_pinned = runs;
    if (m_pinned) {
        connect(m_pinned, &PinnedRuns::changed, this, &BowlView::rebuildPinned);
        connect(m_pinned, &PinnedRuns::labelsChanged, this, &BowlView::updatePinnedLegend);
        connect(m_pinned, &QObject::destroyed, this, [this] {
            m_pinned = nullptr;
            rebuildPinned();
        });
    }
    rebuildPinned();
}

int BowlView::pinnedMarkerCount(int run) const
{
    if (run < 0 || run >= static_cast<int>(m_pinnedMarkers.size()))
        return 0;
    const auto& markers = m_pinnedMarkers[static_cast<std::size_t>(run)];
    return static_cast<int>(
        std::count_if(markers.begin(), markers.end(), [](const QCustom3DItem* item) { return item->isVisible(); }));
}

QVector3D BowlView::pinnedMarkerPosition(int run, int marker) const
{
    if (run < 0 || run >= static_cast<int>(m_pinnedMarkers.size()) || marker < 0
        || marker >= static_cast<int>(m_pinnedMarkers[static_cast<std::size_t>(run)].size()))
        return {};
    return m_pinnedMarkers[static_cast<std::size_t>(run)][static_cast<std::size_t>(marker)]->position();
}

QString BowlView::pinnedLegendText() const
{
    if (!m_pinnedLegend || !m_pinnedLegend->isVisibleTo(this))
        return {};
    QTextDocument document;
    document.setHtml(m_pinnedLegend->text());
    return document.toPlainText();
}

int BowlView::surfaceRowCount() const
{
    return m_series ? m_series->dataProxy()->rowCount() : 0;
}

int BowlView::surfaceColumnCount() const
{
    return m_series ? m_series->dataProxy()->columnCount() : 0;
}

QVector3D BowlView::surfacePoint(int row, int column) const
{
    if (!m_series || row < 0 || column < 0 || row >= surfaceRowCount() || column >= surfaceColumnCount())
        return {};
    return m_series->dataProxy()->itemAt(row, column)->position();
}

QVector3D BowlView::currentMarkerPosition() const
{
    return m_currentMarker ? m_currentMarker->position() : QVector3D();
}

QVector3D BowlView::optimumMarkerPosition() const
{
    return m_optimumMarker ? m_optimumMarker->position() : QVector3D();
}

int BowlView::visiblePathMarkerCount() const
{
    return static_cast<int>(std::count_if(
        m_pathMarkers.begin(), m_pathMarkers.end(), [](const QCustom3DItem* item) { return item->isVisible(); }));
}

void BowlView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
}

void BowlView::createGraph()
{
    m_graph = new Q3DSurface;
    m_graph->setShadowQuality(QAbstract3DGraph::ShadowQualityNone); // software OpenGL on projector laptops
    m_graph->setSelectionMode(QAbstract3DGraph::SelectionNone);
    m_graph->activeTheme()->setType(Q3DTheme::ThemeQt);
    // Low enough to see the bowl's sides, high enough to see into it; zoomed out so the axis titles fit.
    m_graph->scene()->activeCamera()->setCameraPosition(-45, 32, 85);
    m_graph->setAxisX(new QValue3DAxis);
    m_graph->setAxisY(new QValue3DAxis);
    m_graph->setAxisZ(new QValue3DAxis);
    for (QValue3DAxis* axis : { m_graph->axisX(), m_graph->axisY(), m_graph->axisZ() }) {
        axis->setTitleVisible(true);
        axis->setLabelFormat(QStringLiteral("%.3g"));
        axis->setSegmentCount(4);
    }

    m_series = new QSurface3DSeries;
    m_series->setDrawMode(QSurface3DSeries::DrawSurface);
    m_series->setFlatShadingEnabled(false);
    m_series->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
    m_graph->addSeries(m_series);

    for (int k = 0; k < pathMarkerLimit; ++k)
        m_pathMarkers.push_back(addMarker(ViewPalette::current(), sphereMesh));
    m_currentMarker = addMarker(ViewPalette::current(), sphereMesh);
    m_optimumMarker = addMarker(ViewPalette::leastSquares(), sphereMesh);
    sizeMarkers();

    m_container = QWidget::createWindowContainer(m_graph, this);
    m_container->setFocusPolicy(Qt::StrongFocus);
    m_container->setMinimumSize(160, 120);
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_container, 1);
    m_pinnedLegend = new QLabel(page);
    m_pinnedLegend->setAlignment(Qt::AlignCenter);
    m_pinnedLegend->setTextFormat(Qt::RichText);
    m_pinnedLegend->setWordWrap(true);
    m_pinnedLegend->setVisible(false);
    layout->addWidget(m_pinnedLegend);
    auto* hint = new QLabel(tr("Drag with the right mouse button to turn the bowl; scroll to zoom."), page);
    hint->setAlignment(Qt::AlignCenter);
    layout->addWidget(hint);
    m_stack->addWidget(page);
    m_stack->setCurrentWidget(page);
}

QCustom3DItem* BowlView::addMarker(const QColor& colour, const QString& mesh)
{
    auto* item = new QCustom3DItem;
    item->setMeshFile(mesh);
    item->setTextureImage(solidTexture(colour));
    item->setShadowCasting(false);
    item->setVisible(false);
    m_graph->addCustomItem(item); // the graph owns it from here
    return item;
}

void BowlView::sizeMarkers()
{
    const float factor = m_presentation ? presentationFactor : 1.0f;
    for (QCustom3DItem* item : m_pathMarkers)
        item->setScaling(QVector3D(1, 1, 1) * pathMarkerSize * factor);
    if (m_currentMarker)
        m_currentMarker->setScaling(QVector3D(1, 1, 1) * currentMarkerSize * factor);
    if (m_optimumMarker)
        m_optimumMarker->setScaling(QVector3D(1, 1, 1) * optimumMarkerSize * factor);
    for (const auto& markers : m_pinnedMarkers) {
        for (QCustom3DItem* item : markers)
            item->setScaling(QVector3D(1, 1, 1) * pinnedMarkerSize * factor);
    }
}

void BowlView::rebuildSurface()
{
    if (!m_graph)
        return;
    if (!m_surface->isValid()) {
        m_message->setText(m_surface->unavailableReason());
        m_stack->setCurrentWidget(m_message);
        m_series->dataProxy()->resetArray(new QSurfaceDataArray);
        rebuildPinned();
        return;
    }
    m_stack->setCurrentWidget(m_container->parentWidget());

    const SurfaceGrid& grid = m_surface->grid();
    const std::vector<int> columns = thinnedIndices(grid.x.steps, maxSamples);
    const std::vector<int> rows = thinnedIndices(grid.y.steps, maxSamples);
    auto* array = new QSurfaceDataArray;
    array->reserve(static_cast<int>(rows.size()));
    for (const int iy : rows) {
        auto* row = new QSurfaceDataRow(static_cast<int>(columns.size()));
        const auto z = static_cast<float>(grid.y.valueAt(iy));
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const int ix = columns[c];
            (*row)[static_cast<int>(c)].setPosition(
                QVector3D(static_cast<float>(grid.x.valueAt(ix)), static_cast<float>(grid.at(ix, iy)), z));
        }
        array->append(row);
    }
    m_series->dataProxy()->resetArray(array);

    // The optimum is the lowest point of the whole loss; on a slice it can lie below the surface, and the
    // path's true losses with it, so the loss axis reaches down to it.
    const auto& problem = m_controller->problem();
    const double optimumLoss
        = lossWeight(m_controller->settings().loss, problem->sampleCount()) * problem->minimumSumOfSquares();
    const double low = std::min(grid.minValue, optimumLoss);
    double high = grid.maxValue;
    // On a slice the path's true loss can rise above the surface: reach up to the part of it on the map, but no
    // higher than the range rule does (four times the start's loss), so a diverging run cannot flatten the bowl.
    if (problem->parameterCount() > 2 && !m_model->isEmpty()) {
        const double limit = 4 * m_model->loss(0);
        for (int row = 0; row <= m_model->lastRow(); ++row) {
            const double loss = m_model->loss(row);
            if (!(loss <= limit))
                continue;
            const QPointF point = m_surface->slicePoint(m_model->theta(row));
            if (point.x() >= grid.x.min && point.x() <= grid.x.max && point.y() >= grid.y.min
                && point.y() <= grid.y.max)
                high = std::max(high, loss);
        }
    }
    if (!(high > low))
        high = low + 1;
    m_graph->axisX()->setRange(static_cast<float>(grid.x.min), static_cast<float>(grid.x.max));
    m_graph->axisZ()->setRange(static_cast<float>(grid.y.min), static_cast<float>(grid.y.max));
    m_graph->axisY()->setRange(static_cast<float>(low), static_cast<float>(high));
    m_graph->axisX()->setTitle(m_surface->axisTitle(m_surface->xParameter()));
    m_graph->axisZ()->setTitle(m_surface->axisTitle(m_surface->yParameter()));
    m_graph->axisY()->setTitle(m_surface->lossTitle());

    // The range gradient runs linearly up the loss axis; sampling the map through colourFraction() gives each
    // height the colour it has on the contour map, log scale included.
    QLinearGradient gradient;
    for (int k = 0; k < gradientStops; ++k) {
        const double t = static_cast<double>(k) / (gradientStops - 1);
        gradient.setColorAt(t, ColourMap::at(m_surface->colourFraction(low + t * (high - low))));
    }
    m_series->setBaseGradient(gradient);

    const QPointF optimum = m_surface->slicePoint(problem->leastSquaresTheta());
    m_optimumMarker->setPosition(
        QVector3D(static_cast<float>(optimum.x()), static_cast<float>(optimumLoss), static_cast<float>(optimum.y())));
    m_optimumMarker->setVisible(true);

    m_pathStale = true;
    updateCurrent();
    rebuildPinned();
}

void BowlView::rebuildPinned()
{
    if (!m_graph)
        return;
    for (const auto& markers : m_pinnedMarkers) {
        for (QCustom3DItem* item : markers)
            m_graph->removeCustomItem(item); // deletes it
    }
    m_pinnedMarkers.clear();
    const auto& problem = m_controller->problem();
    if (m_pinned && problem && m_surface->isValid()) {
        const LossKind liveLoss = m_controller->settings().loss;
        const double weight = lossWeight(liveLoss, problem->sampleCount());
        const double spanX = std::max(1e-300, static_cast<double>(m_graph->axisX()->max() - m_graph->axisX()->min()));
        const double spanY = std::max(1e-300, static_cast<double>(m_graph->axisY()->max() - m_graph->axisY()->min()));
        const double spanZ = std::max(1e-300, static_cast<double>(m_graph->axisZ()->max() - m_graph->axisZ()->min()));
        for (int index = 0; index < m_pinned->count(); ++index) {
            const PinnedRun& run = m_pinned->run(index);
            // Heights under the live loss: the same number the run recorded when its loss is the live one, else
            // the live loss at the same θ (the surface is the live loss's; sse values would float far above it).
            std::vector<QVector3D> points;
            const History& history = run.history();
            for (int row = 0; row < run.rows; ++row) {
                const Eigen::VectorXd theta = history.theta(static_cast<std::size_t>(row));
                if (theta.size() != problem->parameterCount() || !theta.allFinite())
                    continue;
                const double loss = run.settings().loss == liveLoss ? history.loss(static_cast<std::size_t>(row))
                                                                    : weight * problem->sumOfSquares(theta);
                const QPointF point = m_surface->slicePoint(theta);
                points.emplace_back(
                    static_cast<float>(point.x()), static_cast<float>(loss), static_cast<float>(point.y()));
            }
            // Evenly spaced along the path on screen, the start and the end always included.
            std::vector<double> length(points.size(), 0.0);
            for (std::size_t k = 1; k < points.size(); ++k) {
                const QVector3D step = points[k] - points[k - 1];
                const double d = std::hypot(step.x() / spanX, step.y() / spanY, step.z() / spanZ);
                length[k] = length[k - 1] + (std::isfinite(d) ? d : 0.0);
            }
            std::vector<std::size_t> chosen;
            if (!points.empty()) {
                const double total = length.back();
                for (int k = 0; k < pinnedMarkerLimit; ++k) {
                    const double target = total * k / (pinnedMarkerLimit - 1);
                    chosen.push_back(static_cast<std::size_t>(
                        std::lower_bound(length.begin(), length.end(), target) - length.begin()));
                }
                chosen.back() = points.size() - 1;
                std::sort(chosen.begin(), chosen.end());
                chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
            }
            std::vector<QCustom3DItem*> markers;
            for (const std::size_t k : chosen) {
                QCustom3DItem* item = addMarker(ViewPalette::series(run.seriesIndex), sphereMesh);
                item->setPosition(points[k]);
                item->setVisible(true);
                markers.push_back(item);
            }
            m_pinnedMarkers.push_back(std::move(markers));
        }
    }
    sizeMarkers();
    updatePinnedLegend();
}

void BowlView::updatePinnedLegend()
{
    if (!m_pinnedLegend)
        return;
    if (!m_pinned || m_pinned->isEmpty()) {
        m_pinnedLegend->clear();
        m_pinnedLegend->setVisible(false);
        return;
    }
    QStringList entries;
    const QString live = ViewPalette::current().name();
    entries << QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2")
                   .arg(live, m_pinned->liveLabel().toHtmlEscaped());
    bool otherLoss = false;
    for (int index = 0; index < m_pinned->count(); ++index) {
        const PinnedRun& run = m_pinned->run(index);
        otherLoss = otherLoss || run.settings().loss != m_controller->settings().loss;
        entries << QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2")
                       .arg(ViewPalette::series(run.seriesIndex).name(), m_pinned->displayLabel(index).toHtmlEscaped());
    }
    m_pinnedLegend->setText(entries.join(QStringLiteral(" &nbsp; ")));
    const QString loss = QString::fromLatin1(lossName(m_controller->settings().loss));
    m_pinnedLegend->setToolTip(otherLoss
            ? tr("Pinned runs made with another loss are drawn at the %1 loss of the same θ, so that they sit on "
                 "this bowl; the loss view shows their own values.")
                  .arg(loss)
            : tr("Pinned runs, drawn at their loss (%1) along their whole paths.").arg(loss));
    m_pinnedLegend->setVisible(true);
}

void BowlView::rebuildPathLength()
{
    m_pathStale = false;
    m_pathLength.clear();
    const auto& problem = m_controller->problem();
    if (!problem || !m_surface->isValid())
        return;
    m_pathLength.reserve(static_cast<std::size_t>(m_model->lastRow() + 1));
    // Lengths in units of each axis's span, so that "evenly spaced" means evenly spaced on screen.
    const double spanX = std::max(1e-300, static_cast<double>(m_graph->axisX()->max() - m_graph->axisX()->min()));
    const double spanY = std::max(1e-300, static_cast<double>(m_graph->axisY()->max() - m_graph->axisY()->min()));
    const double spanZ = std::max(1e-300, static_cast<double>(m_graph->axisZ()->max() - m_graph->axisZ()->min()));
    double total = 0;
    QPointF last;
    double lastLoss = 0;
    bool haveLast = false;
    for (int row = 0; row <= m_model->lastRow(); ++row) {
        const QPointF point = m_surface->slicePoint(m_model->theta(row));
        const double loss = m_model->loss(row);
        if (haveLast) {
            const double step
                = std::hypot((point.x() - last.x()) / spanX, (loss - lastLoss) / spanY, (point.y() - last.y()) / spanZ);
            if (std::isfinite(step))
                total += step;
        }
        last = point;
        lastLoss = loss;
        haveLast = true;
        m_pathLength.push_back(total);
    }
}

void BowlView::updateCurrent()
{
    if (!m_graph)
        return;
    const auto hideAll = [this] {
        for (QCustom3DItem* item : m_pathMarkers)
            item->setVisible(false);
        m_currentMarker->setVisible(false);
    };
    const auto& problem = m_controller->problem();
    if (!m_surface->isValid() || m_model->isEmpty() || !problem) {
        hideAll();
        return;
    }
    if (m_pathStale)
        rebuildPathLength();
    const int current = m_model->currentRow();
    if (current >= static_cast<int>(m_pathLength.size())) {
        hideAll();
        return;
    }
    const auto positionOf = [&](int row) {
        const QPointF point = m_surface->slicePoint(m_model->theta(row));
        return QVector3D(
            static_cast<float>(point.x()), static_cast<float>(m_model->loss(row)), static_cast<float>(point.y()));
    };

    // Every row before the current one while they fit; beyond that half the markers evenly spaced by iteration
    // (dense where the descent slows down) and half by length along the path (its shape, even where one early
    // step covers most of the way).
    std::vector<int> rows;
    if (current <= pathMarkerLimit) {
        for (int row = 0; row < current; ++row)
            rows.push_back(row);
    } else {
        const int half = pathMarkerLimit / 2;
        for (int k = 0; k < half; ++k)
            rows.push_back(static_cast<int>(static_cast<long long>(current) * k / half));
        const double total = m_pathLength[static_cast<std::size_t>(current)];
        const auto begin = m_pathLength.begin();
        const auto end = begin + current + 1;
        for (int k = 1; k < pathMarkerLimit - half && total > 0; ++k)
            rows.push_back(
                static_cast<int>(std::lower_bound(begin, end, total * k / (pathMarkerLimit - half)) - begin));
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    }
    std::size_t used = 0;
    for (const int row : rows) {
        if (row >= current || used >= m_pathMarkers.size())
            continue;
        QCustom3DItem* item = m_pathMarkers[used++];
        item->setPosition(positionOf(row));
        item->setVisible(true);
    }
    for (std::size_t k = used; k < m_pathMarkers.size(); ++k)
        m_pathMarkers[k]->setVisible(false);

    m_currentMarker->setPosition(positionOf(current));
    m_currentMarker->setVisible(true);
}

void BowlView::applyStyle()
{
    const QPalette& palette = this->palette();
    QFont messageFont = font();
    if (m_presentation)
        messageFont.setPointSizeF(messageFont.pointSizeF() * 1.6);
    m_message->setFont(messageFont);
    if (!m_graph)
        return;
    Q3DTheme* theme = m_graph->activeTheme();
    theme->setBackgroundColor(palette.color(QPalette::Window));
    theme->setWindowColor(palette.color(QPalette::Window));
    theme->setLabelTextColor(palette.color(QPalette::Text));
    theme->setLabelBackgroundColor(palette.color(QPalette::Base));
    theme->setGridLineColor(palette.color(QPalette::Mid));
    // Labels are textures scaled with the scene, so this size is relative, not points on the screen.
    QFont labelFont = font();
    labelFont.setPointSizeF(m_presentation ? 44 : 30);
    theme->setFont(labelFont);
    sizeMarkers();
}

} // namespace gdlab
