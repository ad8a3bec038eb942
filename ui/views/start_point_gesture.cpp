#include "views/start_point_gesture.h"

#include <qcustomplot.h>

#include <QMouseEvent>

namespace gdlab {

StartPointGesture::StartPointGesture(QCustomPlot* plot, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
{
    connect(m_plot, &QCustomPlot::mousePress, this, &StartPointGesture::onPress);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &StartPointGesture::onRelease);
}

void StartPointGesture::setEnabled(bool enabled)
{
    m_enabled = enabled;
    m_pressed = false;
}

void StartPointGesture::onPress(QMouseEvent* event)
{
    m_pressed = event->button() == Qt::LeftButton;
    m_pressPosition = event->position().toPoint();
}

void StartPointGesture::onRelease(QMouseEvent* event)
{
    const QPoint position = event->position().toPoint();
    const bool click = m_pressed && event->button() == Qt::LeftButton
        && (position - m_pressPosition).manhattanLength() <= clickTolerance;
    m_pressed = false;
    if (!click || !m_enabled || !m_plot->axisRect()->rect().contains(position))
        return;
    emit clicked(QPointF(m_plot->xAxis->pixelToCoord(position.x()), m_plot->yAxis->pixelToCoord(position.y())));
}

} // namespace gdlab
