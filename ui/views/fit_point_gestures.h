#pragma once

#include <QObject>
#include <QPoint>
#include <QPointF>

class QCustomPlot;
class QMouseEvent;

namespace gdlab {

class FitPoints;

/**
 * @brief The mouse and keys that edit the fit view's points, turned into requests: a double click on empty space
 * adds a point (a single click adds nothing: one to focus the window must not edit the data), a press on a point
 * selects it and a drag moves it, a right-click or Delete removes it, Escape drops the
 * selection.
 *
 * It edits nothing itself: it says what the user asked for, with the pixel where an answer (a refusal) belongs,
 * and previews a drag until the release. It owns the selection, since only its gestures make one.
 */
class FitPointGestures : public QObject {
    Q_OBJECT

public:
    /** @brief How far from a point (in pixels, before presentation scaling) a press still grabs it. */
    static constexpr double grabDistance = 8.0;
    /** @brief A press that moves less than this many pixels before its release is a click, not a drag. */
    static constexpr double clickSlop = 4.0;

    /** @brief Gestures on plot over points (which must outlive this). Off until setEnabled(true). */
    FitPointGestures(QCustomPlot* plot, const FitPoints* points, QObject* parent = nullptr);

    bool isEnabled() const { return m_enabled; }
    /** @brief Off drops a gesture in progress and the selection. */
    void setEnabled(bool enabled);
    /** @brief The grab distance grows with the markers in presentation mode. */
    void setScale(double scale) { m_scale = scale; }

    /** @brief The selected data row, or -1. */
    int selectedRow() const { return m_selectedRow; }
    /** @brief Selects row (-1, an invalid row or gestures off: none); emits selectionChanged when it changes. */
    void select(int row);
    /** @brief Forgets a press or drag in progress (the points it was on are gone). */
    void cancel();

    /** @brief The data row whose point is nearest to pixel, within grabbing distance; -1 if none. */
    int pointAt(const QPointF& pixel) const;

signals:
    void selectionChanged(int row);
    /** @brief A point dragged to (x, y) and not yet released: draw it there, change nothing. */
    void previewRequested(int row, double x, double y);
    /** @brief where: the pixel (in plot coordinates) to answer at. */
    void addRequested(double x, double y, QPoint where);
    void moveRequested(int row, double x, double y, QPoint where);
    void removeRequested(int row, QPoint where);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);
    void onDoubleClick(QMouseEvent* event);
    bool onKey(int key);
    bool isOnPlotArea(const QPointF& pixel) const;
    /** @brief A pixel kept inside the axis rectangle, so that a point cannot be dragged out of sight. */
    QPointF clampedToAxisRect(const QPointF& pixel) const;
    QPointF toCoords(const QPointF& pixel) const;
    void updateCursor(int hoveredRow);

    QCustomPlot* m_plot = nullptr;
    const FitPoints* m_points = nullptr;
    bool m_enabled = false;
    double m_scale = 1.0;
    int m_selectedRow = -1;
    /** The press that started the gesture: its button, where, and the row it grabbed (-1 on empty space). */
    Qt::MouseButton m_pressButton = Qt::NoButton;
    QPointF m_pressPos;
    int m_pressRow = -1;
    bool m_dragging = false;
};

} // namespace gdlab
