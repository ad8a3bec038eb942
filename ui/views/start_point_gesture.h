#pragma once

#include <QObject>
#include <QPoint>
#include <QPointF>

class QCustomPlot;
class QMouseEvent;

namespace gdlab {

/**
 * @brief Click-to-start on a plot: a left click on the axis rect (not a drag, which may be a zoom or a slip of
 * the hand, and not on the colour scale) is reported in axis coordinates.
 */
class StartPointGesture : public QObject {
    Q_OBJECT

public:
    /** @brief A press and release this many pixels apart or closer (Manhattan) is a click. */
    static constexpr int clickTolerance = 4;

    explicit StartPointGesture(QCustomPlot* plot, QObject* parent = nullptr);

    bool isEnabled() const { return m_enabled; }
    /** @brief Clicks are reported only while enabled (while there is a surface to start on). */
    void setEnabled(bool enabled);

signals:
    /** @brief The user clicked at this point, in the coordinates of the plot's axes. */
    void clicked(QPointF point);

private:
    void onPress(QMouseEvent* event);
    void onRelease(QMouseEvent* event);

    QCustomPlot* m_plot;
    QPoint m_pressPosition;
    bool m_pressed = false;
    bool m_enabled = true;
};

} // namespace gdlab
