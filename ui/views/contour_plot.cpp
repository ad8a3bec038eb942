#include "views/contour_plot.h"
#include "views/colour_map.h"

#include "problem.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QStackedLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

// The path is thinned to points that move at least this fraction of the view (half a pixel at 4000 px), so a
// 100,000-step history draws a few hundred points and looks the same.
constexpr double pathResolution = 1.0 / 8000.0;
// Below this many drawn points the individual steps are marked too: a short run shows its discrete updates.
constexpr int stepDotLimit = 150;

/** A five-pointed star around (0, 0), outer radius 3: QCPScatterStyle scales custom shapes by size / 6. */
QPainterPath starPath()
{
    QPainterPath path;
    constexpr double pi = 3.14159265358979323846;
    for (int k = 0; k < 10; ++k) {
        const double radius = k % 2 == 0 ? 3.0 : 1.25;
        const double angle = -pi / 2 + k * pi / 5;
        const QPointF point(radius * std::cos(angle), radius * std::sin(angle));
        if (k == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    path.closeSubpath();
    return path;
}

QCPColorGradient mapGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (const auto& stop : ColourMap::stops())
        gradient.setColorStopAt(stop.first, stop.second);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    return gradient;
}

QPen cosmeticPen(const QColor& colour, double width)
{
    QPen pen(colour, width);
    pen.setCosmetic(true);
    return pen;
}

} // namespace

ContourPlot::ContourPlot(SessionController* controller, ErrorSurfaceModel* surface, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_surface(surface)
    , m_model(controller->model())
{
    m_plot = new QCustomPlot(this);
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

    // Layers, bottom up: the map, the contours, then the path and markers on "main".
    m_plot->addLayer(QStringLiteral("surface"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    m_plot->addLayer(QStringLiteral("contours"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    // Pinned paths are thin lines over the thicker live path (so that both stay visible where they run together,
    // as runs from the same start do) and under the markers on "main".
    m_plot->addLayer(QStringLiteral("path"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    m_plot->addLayer(QStringLiteral("pinned"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    m_plot->xAxis->grid()->setVisible(false); // the contours orient the eye; a grid over the map is noise
    m_plot->yAxis->grid()->setVisible(false);

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setLayer(QStringLiteral("surface"));
    m_map->setInterpolate(true);
    m_map->setTightBoundary(false);
    m_map->removeFromLegend();
    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setRangeDrag(false);
    m_scale->setRangeZoom(false);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_map->setColorScale(m_scale);
    m_map->setGradient(mapGradient()); // after setColorScale, which gives the map the scale's (default) gradient
    auto* marginGroup = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, marginGroup);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, marginGroup);

    m_path = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_path->setName(tr("descent path"));
    m_path->setLayer(QStringLiteral("path"));
    m_currentPoint = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_currentPoint->setName(tr("current θ"));
    m_currentPoint->setLineStyle(QCPCurve::lsNone);
    m_optimum = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_optimum->setName(tr("least squares"));
    m_optimum->setLineStyle(QCPCurve::lsNone);
    m_arrow = new QCPItemLine(m_plot);
    m_arrow->setClipToAxisRect(true);
    m_arrowLegend = m_plot->addGraph();
    m_arrowLegend->setName(tr("−∇ (direction)"));

    // The legend lives in a row below the map, not inside it: at 1280x720 an inset legend covered the
    // least-squares star whenever the star sat near a corner, and with pinned runs it only grows.
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->axisRect()->insetLayout()->simplify();
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setColumnSpacing(12);
    m_plot->legend->setIconSize(24, 12);
    m_plot->legend->setMargins(QMargins(6, 2, 6, 2));
    // The legend follows the width (wrapLegend) rather than setting it: without this its hint, taken while the
    // widget was wider, becomes the widget's minimum and a legend once in two columns stays in two for ever.
    m_plot->legend->setMinimumSize(1, 0);
    connect(m_plot, &QCustomPlot::beforeReplot, this, &ContourPlot::wrapLegend);

    connect(m_surface, &ErrorSurfaceModel::surfaceChanged, this, &ContourPlot::rebuildSurface);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_pathStale = true;
        updateCurrent();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int) {
        if (!m_pathStale)
            extendPathIndex(first);
        updateCurrent();
    });
    connect(m_model, &IterationModel::currentRowChanged, this, &ContourPlot::updateCurrent);
    connect(m_plot, &QCustomPlot::mousePress, this, &ContourPlot::onMousePress);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ContourPlot::onMouseRelease);
    // Zooming out stops at the computed grid: beyond it there is no surface to show.
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this](const QCPRange& range) {
        if (!m_surface->isValid())
            return;
        const SurfaceAxis& axis = m_surface->grid().x;
        if (range.lower < axis.min || range.upper > axis.max)
            m_plot->xAxis->setRange(range.bounded(axis.min, axis.max));
    });
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this](const QCPRange& range) {
        if (!m_surface->isValid())
            return;
        const SurfaceAxis& axis = m_surface->grid().y;
        if (range.lower < axis.min || range.upper > axis.max)
            m_plot->yAxis->setRange(range.bounded(axis.min, axis.max));
    });

    applyStyle();
    rebuildSurface();
}

void ContourPlot::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyStyle();
    updateCurrent();
}

QString ContourPlot::subtitle() const
{
    return m_subtitle ? m_subtitle->text() : QString();
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

void ContourPlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
}

void ContourPlot::rebuildSurface()
{
    for (QCPCurve* curve : m_contours)
        m_plot->removePlottable(curve);
    m_contours.clear();

    if (!m_surface->isValid()) {
        m_message->setText(m_surface->unavailableReason());
        m_stack->setCurrentWidget(m_message);
        m_map->data()->clear();
        m_path->data()->clear();
        m_currentPoint->data()->clear();
        m_optimum->data()->clear();
        m_arrow->setVisible(false);
        setSubtitle({});
        rebuildPinned();
        return;
    }
    m_stack->setCurrentWidget(m_plot);

    const SurfaceGrid& grid = m_surface->grid();
    const bool logarithmic = m_surface->isLogarithmic();
    const double floor = m_surface->colourMin();
    QCPColorMapData* data = m_map->data();
    data->setSize(grid.x.steps, grid.y.steps);
    data->setRange(QCPRange(grid.x.min, grid.x.max), QCPRange(grid.y.min, grid.y.max));
    for (int iy = 0; iy < grid.y.steps; ++iy) {
        for (int ix = 0; ix < grid.x.steps; ++ix) {
            // A log scale has no place for a loss of zero; the bottom colour says "at the floor or below".
            const double value = grid.at(ix, iy);
            data->setCell(ix, iy, logarithmic ? std::max(value, floor) : value);
        }
    }
    const QCPAxis::ScaleType scaleType = logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear;
    m_map->setDataScaleType(scaleType);
    m_map->setDataRange(QCPRange(m_surface->colourMin(), m_surface->colourMax()));
    if (logarithmic)
        m_scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        m_scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_scale->axis()->setLabel(m_surface->lossTitle());

    const QPen contourPen = cosmeticPen(ViewPalette::contour(), m_presentation ? 1.4 : 0.9);
    for (const ContourLine& line : m_surface->contours()) {
        auto* curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        // New curves land on the current layer; theirs keeps them under the path and markers.
        curve->setLayer(QStringLiteral("contours"));
        curve->removeFromLegend();
        curve->setPen(contourPen);
        curve->setSelectable(QCP::stNone);
        QVector<double> xs;
        QVector<double> ys;
        xs.reserve(static_cast<int>(line.points.size()) + 1);
        ys.reserve(static_cast<int>(line.points.size()) + 1);
        for (const ContourPoint& point : line.points) {
            xs.push_back(point.x);
            ys.push_back(point.y);
        }
        if (line.closed && !line.points.empty()) {
            xs.push_back(line.points.front().x);
            ys.push_back(line.points.front().y);
        }
        curve->setData(xs, ys);
        m_contours.push_back(curve);
    }

    m_plot->xAxis->setLabel(m_surface->axisTitle(m_surface->xParameter()));
    m_plot->yAxis->setLabel(m_surface->axisTitle(m_surface->yParameter()));
    m_plot->xAxis->setRange(grid.x.min, grid.x.max);
    m_plot->yAxis->setRange(grid.y.min, grid.y.max);
    setSubtitle(m_surface->sliceDescription());

    const QPointF optimum = m_surface->slicePoint(m_controller->problem()->leastSquaresTheta());
    m_optimum->setData(QVector<double> { optimum.x() }, QVector<double> { optimum.y() });

    m_pathStale = true;
    updateCurrent();
    rebuildPinned();
}

void ContourPlot::setPinnedRuns(PinnedRuns* runs)
{
    if (runs == m_pinned)
        return;
    if (m_pinned)
        disconnect(m_pinned, nullptr, this, nullptr);
    m_pinned = runs;
    if (m_pinned) {
        connect(m_pinned, &PinnedRuns::changed, this, &ContourPlot::rebuildPinned);
        connect(m_pinned, &PinnedRuns::labelsChanged, this, &ContourPlot::updatePinnedLabels);
        connect(m_pinned, &QObject::destroyed, this, [this] {
            m_pinned = nullptr;
            rebuildPinned();
        });
    }
    rebuildPinned();
}

void ContourPlot::rebuildPinned()
{
    for (QCPCurve* curve : m_pinnedCurves)
        m_plot->removePlottable(curve);
    m_pinnedCurves.clear();
    const auto& problem = m_controller->problem();
    if (m_pinned && m_surface->isValid() && problem) {
        // Thinned like the live path (points closer than the resolution are dropped), but always the whole run:
        // a pinned run is a finished result to compare with, not something being stepped through.
        const double stepX = m_plot->xAxis->range().size() * pathResolution;
        const double stepY = m_plot->yAxis->range().size() * pathResolution;
        for (int index = 0; index < m_pinned->count(); ++index) {
            const PinnedRun& run = m_pinned->run(index);
            QVector<double> xs;
            QVector<double> ys;
            QPointF last;
            for (int row = 0; row < run.rows; ++row) {
                const QPointF point = m_surface->slicePoint(run.history().theta(static_cast<std::size_t>(row)));
                const bool isLast = row + 1 == run.rows;
                if (!xs.isEmpty() && !isLast && std::abs(point.x() - last.x()) < stepX
                    && std::abs(point.y() - last.y()) < stepY)
                    continue;
                xs.push_back(point.x());
                ys.push_back(point.y());
                last = point;
            }
            auto* curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
            curve->setLayer(QStringLiteral("pinned"));
            curve->setSelectable(QCP::stNone);
            curve->setData(xs, ys);
            m_pinnedCurves.push_back(curve);
        }
    }
    updatePinnedLabels();
    applyPinnedStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ContourPlot::updatePinnedLabels()
{
    const bool comparing = m_pinned && !m_pinnedCurves.empty();
    const QString differences = comparing ? m_pinned->liveDifferences() : QString();
    m_path->setName(differences.isEmpty() ? tr("descent path") : tr("descent path (%1)").arg(differences));
    for (std::size_t index = 0; index < m_pinnedCurves.size(); ++index)
        m_pinnedCurves[index]->setName(m_pinned->displayLabel(static_cast<int>(index)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ContourPlot::applyPinnedStyle()
{
    if (!m_pinned)
        return;
    const double width = m_presentation ? 2.6 : 1.5;
    const double dotSize = m_presentation ? 5 : 3.5;
    for (std::size_t index = 0; index < m_pinnedCurves.size(); ++index) {
        QCPCurve* curve = m_pinnedCurves[index];
        const QColor colour = ViewPalette::series(m_pinned->run(static_cast<int>(index)).seriesIndex);
        curve->setPen(cosmeticPen(colour, width));
        // Like the live path: a short run shows its discrete steps (an oscillating rate zigzags visibly).
        curve->setScatterStyle(curve->data()->size() <= stepDotLimit
                ? QCPScatterStyle(QCPScatterStyle::ssDisc, colour, dotSize)
                : QCPScatterStyle(QCPScatterStyle::ssNone));
    }
}

void ContourPlot::wrapLegend()
{
    QCPLegend* legend = m_plot->legend;
    // Cells of a wrapped grid may be empty: itemCount() counts cells, item() returns null for the empty ones.
    std::vector<int> widths;
    for (int k = 0; k < legend->itemCount(); ++k) {
        if (const QCPAbstractLegendItem* item = legend->item(k))
            widths.push_back(item->minimumOuterSizeHint().width());
    }
    // The legend's row is the map's column: the widget less the colour scale.
    const int scaleWidth = m_scale->outerRect().width() > 0 ? m_scale->outerRect().width() : 80;
    const int usable = m_plot->width() - scaleWidth - legend->margins().left() - legend->margins().right();
    // As many columns as fit, each as wide as its widest entry (entries fill rows first, so entry k is in column
    // k mod columns): every column saved is a row of the map's height, which is short at 1280x720.
    int columns = std::max<int>(1, static_cast<int>(widths.size()));
    for (; columns > 1; --columns) {
        std::vector<int> columnWidths(static_cast<std::size_t>(columns), 0);
        for (std::size_t k = 0; k < widths.size(); ++k) {
            int& width = columnWidths[k % static_cast<std::size_t>(columns)];
            width = std::max(width, widths[k]);
        }
        int total = (columns - 1) * legend->columnSpacing();
        for (const int width : columnWidths)
            total += width;
        if (total <= usable)
            break;
    }
    if (columns != legend->wrap()) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true); // re-flows the items into the new column count
    }
}

void ContourPlot::rebuildPathIndex()
{
    m_pathRows.clear();
    m_pathStale = false;
    extendPathIndex(0);
}

void ContourPlot::extendPathIndex(int firstRow)
{
    const double stepX = m_plot->xAxis->range().size() * pathResolution;
    const double stepY = m_plot->yAxis->range().size() * pathResolution;
    QPointF last;
    bool haveLast = false;
    if (!m_pathRows.empty() && m_pathRows.back() < firstRow) {
        last = m_surface->slicePoint(m_model->theta(m_pathRows.back()));
        haveLast = true;
    }
    for (int row = firstRow; row <= m_model->lastRow(); ++row) {
        const QPointF point = m_surface->slicePoint(m_model->theta(row));
        if (haveLast && std::abs(point.x() - last.x()) < stepX && std::abs(point.y() - last.y()) < stepY)
            continue;
        m_pathRows.push_back(row);
        last = point;
        haveLast = true;
    }
}

void ContourPlot::updateCurrent()
{
    if (!m_surface->isValid() || m_model->isEmpty()) {
        m_path->data()->clear();
        m_currentPoint->data()->clear();
        m_arrow->setVisible(false);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    if (m_pathStale)
        rebuildPathIndex();

    const int current = m_model->currentRow();
    QVector<double> xs;
    QVector<double> ys;
    const auto end = std::upper_bound(m_pathRows.begin(), m_pathRows.end(), current);
    xs.reserve(static_cast<int>(end - m_pathRows.begin()) + 1);
    ys.reserve(xs.capacity());
    for (auto it = m_pathRows.begin(); it != end; ++it) {
        const QPointF point = m_surface->slicePoint(m_model->theta(*it));
        xs.push_back(point.x());
        ys.push_back(point.y());
    }
    const bool fits = m_model->theta(current).allFinite();
    const QPointF here = fits ? m_surface->slicePoint(m_model->theta(current)) : QPointF();
    // The current point always ends the path, even when it moved less than the thinning step.
    if (fits && (end == m_pathRows.begin() || *(end - 1) != current)) {
        xs.push_back(here.x());
        ys.push_back(here.y());
    }
    m_path->setData(xs, ys);
    const double dotSize = m_presentation ? 6 : 4;
    m_path->setScatterStyle(xs.size() <= stepDotLimit
            ? QCPScatterStyle(QCPScatterStyle::ssDisc, ViewPalette::current(), dotSize)
            : QCPScatterStyle(QCPScatterStyle::ssNone));

    if (!fits) {
        m_currentPoint->data()->clear();
        m_arrow->setVisible(false);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    m_currentPoint->setData(QVector<double> { here.x() }, QVector<double> { here.y() });

    // −∇ restricted to the slice, drawn at a fixed fraction of the view: the true step −lr·∇ is often far below
    // a pixel near the optimum, or far beyond the view when diverging. Its direction is exact in data units.
    const Eigen::VectorXd gradient = m_model->gradient(current);
    const int px = m_surface->xParameter();
    const int py = m_surface->yParameter();
    const double spanX = m_plot->xAxis->range().size();
    const double spanY = m_plot->yAxis->range().size();
    // At the optimum the gradient is rounding noise (|∇| ~ 1e-13) whose direction means nothing: no arrow then.
    const double startNorm = m_model->gradientNorm(0);
    if (gradient.size() > std::max(px, py) && spanX > 0 && spanY > 0) {
        const double u = -gradient(px) / spanX;
        const double v = -gradient(py) / spanY;
        const double length = std::hypot(u, v);
        const double sliceNorm = std::hypot(gradient(px), gradient(py));
        if (length > 0 && std::isfinite(length) && sliceNorm > 1e-9 * startNorm) {
            const double scale = arrowViewFraction / length;
            m_arrow->start->setCoords(here);
            m_arrow->end->setCoords(here.x() + u * scale * spanX, here.y() + v * scale * spanY);
            m_arrow->setVisible(true);
        } else {
            m_arrow->setVisible(false); // at the optimum: no direction to show
        }
    } else {
        m_arrow->setVisible(false);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ContourPlot::applyStyle()
{
    const QPalette& palette = this->palette();
    const QColor text = palette.color(QPalette::WindowText);
    const double factor = m_presentation ? 1.6 : 1.0;
    QFont tickFont = font();
    tickFont.setPointSizeF(tickFont.pointSizeF() * factor);
    QFont labelFont = tickFont;
    labelFont.setPointSizeF(labelFont.pointSizeF() * 1.1);

    m_plot->setBackground(palette.brush(QPalette::Window));
    for (QCPAxis* axis : { m_plot->xAxis, m_plot->yAxis, m_scale->axis() }) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickLabelFont(tickFont);
        axis->setLabelFont(labelFont);
    }
    m_scale->setBarWidth(m_presentation ? 20 : 12);
    m_plot->legend->setFont(tickFont);
    m_plot->legend->setTextColor(palette.color(QPalette::Text));
    QColor legendBase = palette.color(QPalette::Base);
    legendBase.setAlpha(210);
    m_plot->legend->setBrush(legendBase);
    // Below the map the legend needs no frame to set it off from the colours.
    m_plot->legend->setBorderPen(Qt::NoPen);
    if (m_subtitle) {
        m_subtitle->setFont(tickFont);
        m_subtitle->setTextColor(text);
    }
    m_message->setFont(labelFont);

    const QColor current = ViewPalette::current();
    m_path->setPen(cosmeticPen(current, m_presentation ? 4 : 2.2));
    // A white rim keeps the markers readable on the dark end of the map as well as on the light one.
    m_currentPoint->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCircle, cosmeticPen(ViewPalette::outline(), 1.5), current, m_presentation ? 18 : 11));
    m_currentPoint->setPen(cosmeticPen(current, 2));
    m_optimum->setScatterStyle(QCPScatterStyle(starPath(), cosmeticPen(ViewPalette::outline(), 1.2),
        QBrush(ViewPalette::leastSquares()), m_presentation ? 30 : 20));
    m_optimum->setPen(QPen(ViewPalette::leastSquares()));
    const double arrowWidth = m_presentation ? 3.5 : 2.2;
    m_arrow->setPen(cosmeticPen(ViewPalette::gradient(), arrowWidth));
    m_arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 6 * arrowWidth, 7 * arrowWidth));
    m_arrowLegend->setPen(cosmeticPen(ViewPalette::gradient(), arrowWidth));
    const QPen contourPen = cosmeticPen(ViewPalette::contour(), m_presentation ? 1.4 : 0.9);
    for (QCPCurve* curve : m_contours)
        curve->setPen(contourPen);
    applyPinnedStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ContourPlot::setSubtitle(const QString& text)
{
    if (text.isEmpty()) {
        if (m_subtitle) {
            m_plot->plotLayout()->remove(m_subtitle);
            m_plot->plotLayout()->simplify();
            m_subtitle = nullptr;
        }
        return;
    }
    if (!m_subtitle) {
        m_plot->plotLayout()->insertRow(0);
        m_subtitle = new QCPTextElement(m_plot, text);
        m_plot->plotLayout()->addElement(0, 0, m_subtitle);
        applyStyle();
    }
    m_subtitle->setText(text);
}

void ContourPlot::onMousePress(QMouseEvent* event)
{
    m_pressed = event->button() == Qt::LeftButton;
    m_pressPosition = event->position().toPoint();
}

void ContourPlot::onMouseRelease(QMouseEvent* event)
{
    const QPoint position = event->position().toPoint();
    const bool click
        = m_pressed && event->button() == Qt::LeftButton && (position - m_pressPosition).manhattanLength() <= 4;
    m_pressed = false;
    if (!click || !m_surface->isValid() || !m_plot->axisRect()->rect().contains(position))
        return;
    startAt(QPointF(m_plot->xAxis->pixelToCoord(position.x()), m_plot->yAxis->pixelToCoord(position.y())));
}

void ContourPlot::startAt(const QPointF& slicePoint)
{
    const auto& problem = m_controller->problem();
    if (!problem)
        return;
    const auto count = static_cast<std::size_t>(problem->parameterCount());
    // The other parameters keep the start they had, so a click on a slice moves the start only within it.
    std::vector<double> theta(count, 0.0);
    if (!m_model->isEmpty() && static_cast<std::size_t>(m_model->theta(0).size()) == count) {
        const auto start = m_model->theta(0);
        std::copy(start.data(), start.data() + start.size(), theta.begin());
    } else if (m_controller->settings().initValues.size() == count) {
        theta = m_controller->settings().initValues;
    }
    theta[static_cast<std::size_t>(m_surface->xParameter())] = slicePoint.x();
    theta[static_cast<std::size_t>(m_surface->yParameter())] = slicePoint.y();
    m_controller->setStartPoint(theta);
}

} // namespace gdlab
