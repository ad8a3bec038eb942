#pragma once

#include "shell/view_exporter.h"

#include <QObject>

class QEvent;

namespace gdlab {

class BowlView;

/**
 * @brief Remembers the view the user last clicked or moved the focus into: the one Edit › Copy view copies and
 * File › Export view… offers first.
 *
 * It watches the application's mouse presses and focus changes (an event filter that only looks), since a
 * click on a plot gives it no focus and the bowl's clicks go to its own OpenGL window.
 */
class ViewFocusTracker : public QObject {
    Q_OBJECT

public:
    ViewFocusTracker(const ViewExporter* views, const BowlView* bowl, QObject* parent = nullptr);

    /** @brief The last view clicked or focused; the fit view until then. */
    ViewExporter::Target current() const { return m_current; }
    void setCurrent(ViewExporter::Target target) { m_current = target; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const ViewExporter* m_views;
    const BowlView* m_bowl;
    ViewExporter::Target m_current = ViewExporter::Fit;
};

} // namespace gdlab
