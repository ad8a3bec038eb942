#include "views/contour_plot.h"

#include "problem.h"
#include "run.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "views/contour_legend.h"
#include "views/contour_lines_layer.h"
#include "views/descent_path_layer.h"
#include "views/optimum_star.h"
#include "views/pinned_paths_layer.h"
#include "views/plot_style.h"
#include "views/slice_subtitle.h"
#include "views/start_point_gesture.h"
#include "views/surface_map_layer.h"
#include "views/tick_density.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QFontMetrics>
#include <QLabel>
#include <QStackedLayout>

#include <algorithm>

namespace gdlab {

ContourPlot::ContourPlot(const IterationModel* model, const ErrorSurfaceModel* surface, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_surface(surface)
{
    m_plot = new QCustomPlot(this);
    new TickDensity(m_plot);
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_plot);
    m_stack->addWidget(m_message);

    // Clicks set the start, so a drag must not pan the map away; the wheel zooms in on the end of a descent.
    m_plot->setInteractions(QCP::iRangeZoom);
    m_plot->setToolTip(tr("Click to start the descent from that point. Scroll to zoom.\nThe −∇ arrow shows the "
                          "direction of steepest descent at the current point; its length is fixed."));
    m_plot->xAxis->grid()->setVisible(false); // the contours orient the eye; a grid over the map is noise
    m_plot->yAxis->grid()->setVisible(false);
    addLayers(m_plot);
    // Paths and contour lines are drawn a segment at a time, as the loss curves are (LossPlot): a zig-zagging path
    // stroked as one antialiased path is the raster engine's slowest case.
    m_plot->setPlottingHint(QCP::phFastPolylines, true);

    // Created in the order of the legend's entries.
    m_map = new SurfaceMapLayer(m_plot, this);
    m_path = new DescentPathLayer(m_plot, this);
    m_current = new CurrentPointLayer(m_plot, this);
    m_optimum = new OptimumStar(m_plot, this);
    m_legend = new ContourLegend(m_plot, m_map->scale(), this);
    m_contours = new ContourLinesLayer(m_plot, this);
    m_pinnedPaths = new PinnedPathsLayer(m_plot, this);
    m_subtitle = new SliceSubtitle(m_plot, this);
    m_gesture = new StartPointGesture(m_plot, this);

    connect(m_model, &IterationModel::runReset, this, &ContourPlot::refresh);
    connect(m_model, &IterationModel::rowsAppended, this, &ContourPlot::onRowsAppended);
    connect(m_model, &IterationModel::currentRowChanged, this, &ContourPlot::updateCurrent);
    connect(m_surface, &ErrorSurfaceModel::surfaceChanged, this, &ContourPlot::onSurfaceChanged);
    connect(m_gesture, &StartPointGesture::clicked, this, &ContourPlot::onClicked);

    applyStyle();
    refresh();
}

void ContourPlot::addLayers(QCustomPlot* plot)
{
    // Bottom up: the map, the contours, the live path, the pinned paths (thin lines over the thicker live path,
    // so that both stay visible where they run together, as runs from the same start do), the markers on
    // "main", and the arrow over them all.
    QCPLayer* main = plot->layer(QStringLiteral("main"));
    for (const char* name : { "surface", "contours", "path", "pinned" })
        plot->addLayer(QString::fromLatin1(name), main, QCustomPlot::limBelow);
    plot->addLayer(QStringLiteral("arrow"), main, QCustomPlot::limAbove);
}

QCPColorMap* ContourPlot::colorMap() const
{
    return m_map->map();
}

QCPColorScale* ContourPlot::colorScale() const
{
    return m_map->scale();
}

QCPCurve* ContourPlot::pathCurve() const
{
    return m_path->curve();
}

QCPCurve* ContourPlot::currentPointCurve() const
{
    return m_current->point();
}

QCPCurve* ContourPlot::optimumMarker() const
{
    return m_optimum->curve();
}

QCPItemLine* ContourPlot::gradientArrow() const
{
    return m_current->arrow();
}

OffFrameIndicator* ContourPlot::offFrameIndicator() const
{
    return m_current->offFrame();
}

const std::vector<QCPCurve*>& ContourPlot::contourCurves() const
{
    return m_contours->curves();
}

const std::vector<QCPCurve*>& ContourPlot::pinnedCurves() const
{
    return m_pinnedPaths->curves();
}

QString ContourPlot::subtitle() const
{
    return m_subtitle->text();
}

bool ContourPlot::isShowingMessage() const
{
    return m_stack->currentWidget() == m_message;
}

QString ContourPlot::messageText() const
{
    return m_message->text();
}

QPoint ContourPlot::pixelFor(const QPointF& slicePoint) const
{
    return QPointF(m_plot->xAxis->coordToPixel(slicePoint.x()), m_plot->yAxis->coordToPixel(slicePoint.y())).toPoint();
}

void ContourPlot::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyStyle();
}

void ContourPlot::setPinnedRuns(const PinnedRuns* runs)
{
    followPinnedRuns(m_pinned, runs, this, &ContourPlot::rebuildPinned, &ContourPlot::updatePinnedLabels);
}

void ContourPlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // The pieces exist once the constructor has run; it styles them itself.
    if (m_gesture && (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange))
        applyStyle();
}

void ContourPlot::refresh()
{
    ++m_refreshCount;
    drawSurface();
    // The path is thinned for the view, which the surface has just set.
    m_path->reset();
    updateCurrent();
    rebuildPinned();
}

void ContourPlot::drawSurface()
{
    m_map->draw(*m_surface);
    m_gesture->setEnabled(m_map->hasSurface());
    if (!m_map->hasSurface()) {
        m_message->setText(m_surface->unavailableReason());
        m_stack->setCurrentWidget(m_message);
        m_contours->clear();
        m_optimum->clear();
        m_subtitle->setText({});
        return;
    }
    m_stack->setCurrentWidget(m_plot);
    m_contours->draw(m_surface->contours());
    m_subtitle->setText(m_surface->sliceDescription());
    // The model's optimum (least squares, Newton's); separable data has none to mark.
    if (const Eigen::VectorXd* optimum = m_model->run()->optimum())
        m_optimum->show(m_surface->slicePoint(*optimum), m_model->run()->isLogistic());
    else
        m_optimum->clear();
}

void ContourPlot::onSurfaceChanged()
{
    // A new run's surface is drawn with the run; a surface that brings nothing new is not drawn again. The
    // sentence may change alone (held at the current iterate, which converged and stays put).
    if (m_map->isDrawn(*m_surface)) {
        if (m_map->hasSurface() && m_subtitle->setText(m_surface->sliceDescription()))
            replot();
        return;
    }
    refresh();
}

void ContourPlot::onRowsAppended(int first)
{
    m_path->extend(*m_model, *m_surface, first);
    updateCurrent();
}

void ContourPlot::updateCurrent()
{
    if (!m_map->hasSurface() || m_model->isEmpty()) {
        m_path->clear();
        m_current->clear();
    } else {
        m_path->show(*m_model, *m_surface, m_model->currentRow());
        m_current->show(*m_model, *m_surface, m_model->currentRow());
        m_pinnedPaths->showIteration(m_model->iteration(m_model->currentRow()), *m_surface);
    }
    replot();
}

void ContourPlot::rebuildPinned()
{
    m_pinnedPaths->setRuns(m_pinned);
    m_pinnedPaths->rebuild(*m_surface, m_map->hasSurface());
    m_pinnedPaths->applyStyle(PlotStyle(*this, m_presentation));
    if (m_map->hasSurface() && !m_model->isEmpty())
        m_pinnedPaths->showIteration(m_model->iteration(m_model->currentRow()), *m_surface);
    updatePinnedLabels();
}

void ContourPlot::updatePinnedLabels()
{
    m_pinnedPaths->updateLabels();
    m_path->setDifferences(m_pinnedPaths->liveDifferences());
    replot();
}

void ContourPlot::applyStyle()
{
    const PlotStyle style(*this, m_presentation);
    style.apply(m_plot);
    // The lowest θb label sits centred on the bottom edge; the θa labels below start clear of it at the corner.
    m_plot->xAxis->setTickLabelPadding(QFontMetrics(style.font(0.9)).height() / 2 + 3);
    m_map->applyStyle(style);
    m_legend->applyStyle(style);
    m_subtitle->applyStyle(style);
    m_message->setFont(style.font(1.1));
    m_contours->applyStyle(style);
    m_path->applyStyle(style);
    m_pinnedPaths->applyStyle(style);
    m_current->applyStyle(style);
    m_optimum->applyStyle(style);
    replot();
}

void ContourPlot::replot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ContourPlot::onClicked(const QPointF& slicePoint)
{
    const Run* run = m_model->run();
    if (!run)
        return;
    const auto count = static_cast<std::size_t>(run->problem->parameterCount());
    // The other parameters keep the start they had, so a click on a slice moves the start only within it.
    std::vector<double> theta(count, 0.0);
    if (!m_model->isEmpty() && static_cast<std::size_t>(m_model->theta(0).size()) == count) {
        const auto start = m_model->theta(0);
        std::copy(start.data(), start.data() + start.size(), theta.begin());
    } else if (run->settings.initValues.size() == count) {
        theta = run->settings.initValues;
    }
    theta[static_cast<std::size_t>(m_surface->xParameter())] = slicePoint.x();
    theta[static_cast<std::size_t>(m_surface->yParameter())] = slicePoint.y();
    emit startPointChosen(theta);
}

} // namespace gdlab
