#pragma once

#include <QFrame>

class QLabel;

namespace gdlab {

/** @brief A view with a title above it, so each of the four views says what it is from the back of a room. */
class ViewFrame : public QFrame {
    Q_OBJECT

public:
    ViewFrame(const QString& title, QWidget* view, QWidget* parent = nullptr);

    QWidget* view() const { return m_view; }
    QString title() const;
    /** @brief Larger title text for presentation mode. */
    void setPresentationMode(bool on);

private:
    QLabel* m_title;
    QWidget* m_view;
};

} // namespace gdlab
