#include "frame_probe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWindow>

#include <algorithm>

namespace gdlab {

namespace {

constexpr int watchdogMilliseconds = 2;

} // namespace

FrameProbe::FrameProbe(QWindow* bowl, QObject* parent)
    : QObject(parent)
    , m_bowl(bowl)
    , m_watchdog(new QTimer(this))
{
    if (m_bowl)
        m_bowl->installEventFilter(this);
    m_watchdog->setInterval(watchdogMilliseconds);
    m_watchdog->setTimerType(Qt::PreciseTimer);
    connect(m_watchdog, &QTimer::timeout, this, &FrameProbe::onTick);
    m_sinceTick.start();
    m_watchdog->start();
}

void FrameProbe::mark()
{
    m_framesSinceMark = 0;
}

bool FrameProbe::eventFilter(QObject* watched, QEvent* event)
{
    // Qt DataVisualization renders a frame when its window handles an UpdateRequest: time that handling.
    if (watched != m_bowl || event->type() != QEvent::UpdateRequest)
        return false;
    QElapsedTimer timer;
    timer.start();
    m_bowl->removeEventFilter(this);
    QCoreApplication::sendEvent(m_bowl, event);
    m_bowl->installEventFilter(this);
    m_lastFrame = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    ++m_framesSinceMark;
    return true;
}

void FrameProbe::onTick()
{
    const double late = static_cast<double>(m_sinceTick.nsecsElapsed()) / 1e6 - watchdogMilliseconds;
    m_blockedMax = std::max(m_blockedMax, late);
    m_sinceTick.restart();
}

} // namespace gdlab
