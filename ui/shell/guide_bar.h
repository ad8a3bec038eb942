#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace gdlab {

/**
 * @brief The strip a guide is driven from, above the playback bar: Back · "step k of n" · Next, the guide's title and
 * the step's caption in large type (read from the back row), "Show answer" on a question step, and a close button.
 * It only shows what it is given and says what was pressed; GuideRunner does the rest.
 */
class GuideBar : public QFrame {
    Q_OBJECT

public:
    /** @brief How much larger the caption is than the window's text (which presentation mode enlarges already). */
    static constexpr double captionScale = 1.3;

    explicit GuideBar(QWidget* parent = nullptr);

    /** @brief Shows step index (from 0) of count: its caption, and the question with its answer once shown. */
    void showStep(const QString& title, int index, int count, const QString& caption, const QString& question,
        const QString& answer, bool answerShown);
    /** @brief A command the step sent was refused: why, on the bar (empty: no message). */
    void setMessage(const QString& message);

    QToolButton* backButton() const { return m_back; }
    QToolButton* nextButton() const { return m_next; }
    QToolButton* answerButton() const { return m_answer; }
    QToolButton* closeButton() const { return m_close; }
    QLabel* positionLabel() const { return m_position; }
    QLabel* captionLabel() const { return m_caption; }
    QLabel* messageLabel() const { return m_message; }

signals:
    void backRequested();
    void nextRequested();
    void answerRequested();
    void closeRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    QToolButton* makeButton(const QString& text, const QString& toolTip);
    void applyFont();

    QToolButton* m_back;
    QLabel* m_position;
    QToolButton* m_next;
    QLabel* m_title;
    QLabel* m_caption;
    QLabel* m_message;
    QToolButton* m_answer;
    QToolButton* m_close;
};

} // namespace gdlab
