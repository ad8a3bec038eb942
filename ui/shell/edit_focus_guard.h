#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace gdlab {

/**
 * @brief Ends a text edit in the main window the way a user expects where keys step the descent: Enter ends it,
 * Esc puts back what the field showed and ends it, and a click anywhere else in the window (a playback button, a
 * plot) ends it too. The field then gives up the focus, so End, Space, the arrows and Home step the descent again.
 *
 * The playback keys are window shortcuts, and a focused text field or spin box keeps them (QLineEdit accepts the
 * ShortcutOverride for keys it uses): the caret in a field is the one sign that typing goes there. Without this,
 * the focus stays in the field after Enter and buttons that do not take the focus never take it back.
 */
class EditFocusGuard : public QObject {
    Q_OBJECT

public:
    /** @brief Watches the text fields and spin boxes of window (and only of that window). */
    explicit EditFocusGuard(QWidget* window);

    /** @brief A widget that takes typed text: a line edit, a spin box or an editable combo box. */
    static bool isTextField(const QWidget* widget);
    /** @brief The text field being edited, or null. */
    QWidget* editedField() const { return m_field; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /** The text field widget belongs to (itself, or the spin box or combo box of its line edit), or null. */
    QWidget* fieldOf(QWidget* widget) const;
    void onFocusIn(QWidget* field);
    void onEndKey(int key);
    void endEdit();

    QWidget* m_window;
    QPointer<QWidget> m_field;
    /** What the field showed when its edit began: Esc puts it back. */
    QString m_textAtStart;
};

} // namespace gdlab
