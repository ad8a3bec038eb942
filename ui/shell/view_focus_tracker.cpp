#include "shell/view_focus_tracker.h"

#include "views/bowl_view.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace gdlab {

ViewFocusTracker::ViewFocusTracker(const ViewExporter* views, const BowlView* bowl, QObject* parent)
    : QObject(parent)
    , m_views(views)
    , m_bowl(bowl)
{
    QCoreApplication::instance()->installEventFilter(this);
}

bool ViewFocusTracker::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::FocusIn)
        return false;
    if (m_bowl->isGraphWindow(watched)) {
        m_current = ViewExporter::Bowl;
        return false;
    }
    const auto* widget = qobject_cast<const QWidget*>(watched);
    if (!widget)
        return false;
    for (const ViewExporter::Target target : { ViewExporter::Fit, ViewExporter::Loss, ViewExporter::Contour,
             ViewExporter::AlongParameter, ViewExporter::Bowl }) {
        const QWidget* view = m_views->widget(target);
        if (view == widget || view->isAncestorOf(widget)) {
            m_current = target;
            break;
        }
    }
    return false;
}

} // namespace gdlab
