#include "views/fit_point_gestures.h"

#include "views/fit_points.h"

#include <qcustomplot.h>

#include <QCursor>
#include <QKeyEvent>
#include <QMouseEvent>

#include <algorithm>

namespace gdlab {

FitPointGestures::FitPointGestures(QCustomPlot* plot, const FitPoints* points, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_points(points)
{
    // Clicks give the plot the focus, so that Delete reaches it.
    m_plot->setFocusPolicy(Qt::ClickFocus);
    m_plot->installEventFilter(this);
    connect(m_plot, &QCustomPlot::mousePress, this, &FitPointGestures::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &FitPointGestures::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &FitPointGestures::onRelease);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &FitPointGestures::onDoubleClick);
}

void FitPointGestures::setEnabled(bool enabled)
{
    if (!enabled) {
        cancel();
        select(-1);
    }
    // Hover feedback (the hand over a point) needs move events without a button held.
    m_plot->setMouseTracking(enabled);
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    updateCursor(-1);
}

void FitPointGestures::select(int row)
{
    if (row < 0 || row >= m_points->count() || !m_enabled)
        row = -1;
    if (row == m_selectedRow)
        return;
    m_selectedRow = row;
    emit selectionChanged(row);
}

void FitPointGestures::cancel()
{
    m_pressButton = Qt::NoButton;
    m_dragging = false;
    m_pressRow = -1;
}

int FitPointGestures::pointAt(const QPointF& pixel) const
{
    // A point under the (translucent) legend can still be grabbed; only adding there is ruled out.
    if (!m_enabled || !m_points->isByFeature() || !m_plot->axisRect()->rect().contains(pixel.toPoint()))
        return -1;
    const double reach = grabDistance * m_scale;
    double best = reach * reach;
    int bestRow = -1;
    for (int i = 0; i < m_points->count(); ++i) {
        const double dx = m_plot->xAxis->coordToPixel(m_points->keys()[i]) - pixel.x();
        const double dy = m_plot->yAxis->coordToPixel(m_points->fixedValues()[i]) - pixel.y();
        const double distance = dx * dx + dy * dy;
        // On ties the later row wins: it is drawn on top.
        if (distance <= best) {
            best = distance;
            bestRow = i;
        }
    }
    return bestRow;
}

bool FitPointGestures::isOnPlotArea(const QPointF& pixel) const
{
    if (!m_plot->axisRect()->rect().contains(pixel.toPoint()))
        return false;
    // The legend sits inside the axis rectangle; a click on it is not a click on the data.
    return !(m_plot->legend->visible() && m_plot->legend->outerRect().contains(pixel.toPoint()));
}

QPointF FitPointGestures::clampedToAxisRect(const QPointF& pixel) const
{
    const QRect area = m_plot->axisRect()->rect();
    return QPointF(std::clamp(pixel.x(), double(area.left()), double(area.right())),
        std::clamp(pixel.y(), double(area.top()), double(area.bottom())));
}

QPointF FitPointGestures::toCoords(const QPointF& pixel) const
{
    return QPointF(m_plot->xAxis->pixelToCoord(pixel.x()), m_plot->yAxis->pixelToCoord(pixel.y()));
}

void FitPointGestures::onPress(QMouseEvent* event)
{
    cancel();
    if (!m_enabled)
        return;
    const QPointF pos = event->position();
    const int row = pointAt(pos);
    if (event->button() == Qt::RightButton) {
        if (row >= 0)
            emit removeRequested(row, pos.toPoint());
        return;
    }
    if (event->button() != Qt::LeftButton || (row < 0 && !isOnPlotArea(pos)))
        return;
    m_pressButton = Qt::LeftButton;
    m_pressPos = pos;
    m_pressRow = row;
    if (row >= 0)
        select(row);
}

void FitPointGestures::onMove(QMouseEvent* event)
{
    if (!m_enabled)
        return;
    const QPointF pos = event->position();
    if (m_pressButton != Qt::LeftButton || m_pressRow < 0) {
        updateCursor(pointAt(pos));
        return;
    }
    if (!m_dragging && QLineF(pos, m_pressPos).length() < clickSlop)
        return;
    m_dragging = true;
    updateCursor(m_pressRow);
    const QPointF target = toCoords(clampedToAxisRect(pos));
    emit previewRequested(m_pressRow, target.x(), target.y());
}

void FitPointGestures::onRelease(QMouseEvent* event)
{
    const Qt::MouseButton pressed = m_pressButton;
    const bool dragging = m_dragging;
    const int row = m_pressRow;
    cancel();
    if (!m_enabled || pressed != Qt::LeftButton || event->button() != Qt::LeftButton)
        return;
    const QPointF pos = event->position();
    const bool click = !dragging && QLineF(pos, m_pressPos).length() < clickSlop;
    if (row >= 0) {
        if (click)
            return; // a click on a point only selects it
        // The data and the trajectory change once, on release: a drag through a large data set stays smooth.
        const QPointF target = clampedToAxisRect(pos);
        const QPointF coords = toCoords(target);
        updateCursor(row);
        emit moveRequested(row, coords.x(), coords.y(), target.toPoint());
        return;
    }
    // A single click on empty space only drops the selection: a click to focus the window must not add a point.
    if (click && isOnPlotArea(pos))
        select(-1);
}

void FitPointGestures::onDoubleClick(QMouseEvent* event)
{
    cancel();
    const QPointF pos = event->position();
    // Adding is the deliberate gesture; a double click on a point is a click on it (it stays selected).
    if (!m_enabled || event->button() != Qt::LeftButton || pointAt(pos) >= 0 || !isOnPlotArea(pos))
        return;
    const QPointF coords = toCoords(pos);
    emit addRequested(coords.x(), coords.y(), pos.toPoint());
    updateCursor(pointAt(pos));
}

bool FitPointGestures::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::KeyPress && m_enabled
        && onKey(static_cast<QKeyEvent*>(event)->key())) {
        event->accept();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

bool FitPointGestures::onKey(int key)
{
    if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
        // The selected point first (it is the one drawn highlighted), else the one under the mouse.
        const QPoint cursor = m_plot->mapFromGlobal(QCursor::pos());
        const int row = m_selectedRow >= 0 ? m_selectedRow : pointAt(cursor);
        if (row < 0)
            return false;
        emit removeRequested(row, cursor);
        return true;
    }
    if (key == Qt::Key_Escape && m_selectedRow >= 0) {
        select(-1);
        return true;
    }
    return false;
}

void FitPointGestures::updateCursor(int hoveredRow)
{
    if (!m_enabled)
        m_plot->unsetCursor();
    else if (m_dragging)
        m_plot->setCursor(Qt::ClosedHandCursor);
    else if (hoveredRow >= 0)
        m_plot->setCursor(Qt::OpenHandCursor);
    else
        m_plot->setCursor(Qt::CrossCursor);
}

} // namespace gdlab
