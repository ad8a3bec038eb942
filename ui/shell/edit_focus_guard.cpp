#include "shell/edit_focus_guard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QWidget>

namespace gdlab {

namespace {

/** The line edit that holds a field's text: the field itself, or the one inside a spin box or combo box. */
QLineEdit* lineEditOf(QWidget* field)
{
    if (auto* edit = qobject_cast<QLineEdit*>(field))
        return edit;
    if (auto* combo = qobject_cast<QComboBox*>(field))
        return combo->lineEdit();
    return field ? field->findChild<QLineEdit*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

bool endsAnEdit(int key)
{
    return key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Escape;
}

} // namespace

EditFocusGuard::EditFocusGuard(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    // Key and mouse events go to whichever widget has them, so the guard watches the application and keeps to
    // the widgets of its window.
    qApp->installEventFilter(this);
}

bool EditFocusGuard::isTextField(const QWidget* widget)
{
    if (qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget))
        return true;
    const auto* combo = qobject_cast<const QComboBox*>(widget);
    return combo && combo->isEditable();
}

QWidget* EditFocusGuard::fieldOf(QWidget* widget) const
{
    if (!widget || widget->window() != m_window)
        return nullptr;
    // A spin box's or combo box's line edit is part of it: the outer widget is the field.
    QWidget* parent = widget->parentWidget();
    if (qobject_cast<QLineEdit*>(widget) && parent && isTextField(parent))
        return parent;
    return isTextField(widget) ? widget : nullptr;
}

bool EditFocusGuard::eventFilter(QObject* watched, QEvent* event)
{
    if (!watched->isWidgetType())
        return false;
    auto* widget = static_cast<QWidget*>(watched);
    switch (event->type()) {
    case QEvent::FocusIn:
        if (QWidget* field = fieldOf(widget))
            onFocusIn(field);
        break;
    case QEvent::FocusOut:
        // A popup (a context menu, a completer) takes the focus for a moment; the edit goes on under it.
        if (m_field && fieldOf(widget) == m_field && static_cast<QFocusEvent*>(event)->reason() != Qt::PopupFocusReason)
            m_field = nullptr;
        break;
    case QEvent::KeyRelease:
        // On the release, so that the field has had the press (Enter commits the value) before it lets go.
        if (m_field && fieldOf(widget) == m_field && endsAnEdit(static_cast<QKeyEvent*>(event)->key()))
            onEndKey(static_cast<QKeyEvent*>(event)->key());
        break;
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
        // A click elsewhere in the window ends the edit, even on a button or a plot that takes no focus.
        if (m_field && widget->window() == m_window && widget != m_field && !m_field->isAncestorOf(widget))
            endEdit();
        break;
    default:
        break;
    }
    return false;
}

void EditFocusGuard::onFocusIn(QWidget* field)
{
    if (field == m_field)
        return;
    m_field = field;
    const QLineEdit* edit = lineEditOf(field);
    m_textAtStart = edit ? edit->text() : QString();
}

void EditFocusGuard::onEndKey(int key)
{
    QLineEdit* edit = lineEditOf(m_field);
    if (key == Qt::Key_Escape && edit && edit->text() != m_textAtStart) {
        // Put back what was shown, as not typed: leaving the field then commits nothing new.
        edit->setText(m_textAtStart);
        edit->setModified(false);
    }
    endEdit();
}

void EditFocusGuard::endEdit()
{
    QPointer<QWidget> field = m_field;
    m_field = nullptr;
    if (field && field->hasFocus())
        field->clearFocus();
}

} // namespace gdlab
