#pragma once

#include <QFrame>

class QLabel;

namespace gdlab {

/** @brief A view with a title above it, so each of the four views says what it is from the back of a room. */
class ViewFrame : public QFrame {
    Q_OBJECT

public:
    /** @brief How much larger the title is than the text around it. */
    static constexpr double titleScale = 7.0 / 6.0;

    ViewFrame(const QString& title, QWidget* view, QWidget* parent = nullptr);

    QWidget* view() const { return m_view; }
    QString title() const;
    /** @brief The label that shows the title. */
    QLabel* titleLabel() const { return m_title; }
    bool isPresentationMode() const { return m_presentation; }
    /** @brief Dims the view under a veil (a guide emphasises another view); the bowl's OpenGL window shows through
     * it, so its title greys too. */
    void setDimmed(bool on);
    bool isDimmed() const { return m_dimmed; }
    /** @brief Larger title text for presentation mode (PlotStyle's scale, as the plots). */
    void setPresentationMode(bool on);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyFont();

    QLabel* m_title;
    QWidget* m_view;
    QWidget* m_veil;
    bool m_presentation = false;
    bool m_dimmed = false;
};

} // namespace gdlab
