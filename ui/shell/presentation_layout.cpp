#include "shell/presentation_layout.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace gdlab {

PresentationLayout::PresentationLayout(QMainWindow* window, QAction* toggle, QWidget* controls)
    : QObject(window)
    , m_window(window)
    , m_toggle(toggle)
    , m_controls(controls)
    , m_controlsButton(new QToolButton)
    , m_escape(new QShortcut(QKeySequence(Qt::Key_Escape), window))
{
    m_controlsButton->setText(tr("Controls"));
    m_controlsButton->setToolTip(
        tr("Show or hide the controls while presenting (Esc or F11 leaves presentation mode)"));
    m_controlsButton->setCheckable(true);
    m_controlsButton->setVisible(false);
    connect(m_controlsButton, &QToolButton::toggled, m_controls, &QWidget::setVisible);
    // Esc means "leave" only while presenting; otherwise it stays free for dialogs and editors.
    m_escape->setEnabled(false);
    connect(m_escape, &QShortcut::activated, m_toggle, [this] { m_toggle->setChecked(false); });
}

void PresentationLayout::enter()
{
    m_state = m_window->windowState();
    m_geometry = m_window->geometry();
    m_hidden.clear();
    m_splitterSizes.clear();
    for (QSplitter* splitter : m_window->findChildren<QSplitter*>())
        m_splitterSizes.insert(splitter, splitter->sizes());
    QList<QWidget*> chrome { m_window->menuBar(), m_controls };
    for (QToolBar* bar : m_window->findChildren<QToolBar*>(Qt::FindDirectChildrenOnly))
        chrome << bar;
    for (QWidget* widget : chrome) {
        if (widget && !widget->isHidden()) {
            widget->hide();
            m_hidden << widget;
        }
    }
    // An action reachable only through a hidden menu bar loses its shortcut; the window lends it one.
    m_borrowed.clear();
    const QList<QAction*> own = m_window->actions();
    for (QAction* action : m_window->findChildren<QAction*>())
        if (!action->shortcut().isEmpty() && !own.contains(action))
            m_borrowed << action;
    m_window->addActions(m_borrowed);
    {
        const QSignalBlocker blocker(m_controlsButton);
        m_controlsButton->setChecked(false);
    }
    m_controlsButton->setVisible(true);
    m_escape->setEnabled(true);
    m_window->showFullScreen();
}

void PresentationLayout::leave()
{
    m_escape->setEnabled(false);
    m_controlsButton->setVisible(false);
    for (QAction* action : std::as_const(m_borrowed))
        m_window->removeAction(action);
    m_borrowed.clear();
    for (QWidget* widget : std::as_const(m_hidden))
        widget->show();
    m_hidden.clear();
    m_window->setWindowState(m_state);
    if (!(m_state & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        m_window->setGeometry(m_geometry);
    m_window->show();
    // Once the window has its old size again (the window system answers asynchronously).
    QTimer::singleShot(50, this, [this] {
        for (auto it = m_splitterSizes.cbegin(); it != m_splitterSizes.cend(); ++it)
            it.key()->setSizes(it.value());
    });
}

} // namespace gdlab
