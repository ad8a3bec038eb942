#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QRect>

class QAction;
class QMainWindow;
class QShortcut;
class QSplitter;
class QToolButton;
class QWidget;

namespace gdlab {

/**
 * @brief What presentation mode does to the window's arrangement: the four views take the whole screen, the menu
 * bar, the toolbar and the side panel go, and one "Controls" button beside the playback bar brings the side panel
 * back while presenting. Esc leaves, and leaving restores the window exactly as it was (size, state, what was
 * shown).
 *
 * The sizes of text and lines are the views' own business (their setPresentationMode); this class only arranges.
 */
class PresentationLayout : public QObject {
    Q_OBJECT

public:
    /**
     * @param toggle the action that turns presentation mode on and off (F11); Esc unchecks it
     * @param controls the side panel, hidden while presenting unless the user asks for it
     */
    PresentationLayout(QMainWindow* window, QAction* toggle, QWidget* controls);

    /** @brief The "Controls" button, shown only while presenting; the window places it. */
    QToolButton* controlsButton() const { return m_controlsButton; }

    void enter();
    void leave();

private:
    QMainWindow* m_window;
    QAction* m_toggle;
    QWidget* m_controls;
    QToolButton* m_controlsButton;
    QShortcut* m_escape;
    /** What leave() puts back. */
    Qt::WindowStates m_state;
    QRect m_geometry;
    QList<QWidget*> m_hidden;
    /** Hiding the side panel gives its width to the views; showing it again must not take a different width. */
    QHash<QSplitter*, QList<int>> m_splitterSizes;
    /** Menu actions added to the window so that their shortcuts work with the menu bar hidden. */
    QList<QAction*> m_borrowed;
};

} // namespace gdlab
