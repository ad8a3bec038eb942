#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;
class QWindow;

namespace gdlab {

/**
 * @brief Watches the GUI thread while the redraw benchmark runs: how long the 3-D bowl's window took to render
 * its last frame (and whether it rendered one since a moment), and the longest time the event loop was blocked
 * (a 2 ms timer that notes how late it fires).
 */
class FrameProbe : public QObject {
    Q_OBJECT

public:
    /** @param bowl the bowl's window (null without OpenGL) */
    explicit FrameProbe(QWindow* bowl, QObject* parent = nullptr);

    /** @brief Marks now: frames rendered from now on count for renderedSinceMark(). */
    void mark();
    bool renderedSinceMark() const { return m_framesSinceMark > 0; }
    int framesSinceMark() const { return m_framesSinceMark; }
    /** @brief Milliseconds the bowl's last frame took to render (0 without a bowl). */
    double lastFrameMilliseconds() const { return m_lastFrame; }
    /** @brief The longest the event loop went without running this probe's timer, beyond its interval. */
    double blockedMaxMilliseconds() const { return m_blockedMax; }
    /** @brief Measures blocks from now on: what the event loop did before (a lesson loading) is not counted. */
    void resetBlocked()
    {
        m_blockedMax = 0;
        m_sinceTick.restart();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onTick();

    QWindow* m_bowl = nullptr;
    QTimer* m_watchdog = nullptr;
    QElapsedTimer m_sinceTick;
    int m_framesSinceMark = 0;
    double m_lastFrame = 0;
    double m_blockedMax = 0;
};

} // namespace gdlab
