#pragma once

#include <QString>
#include <QWidget>

class QLabel;

namespace gdlab {

class SessionController;

/**
 * @brief "The update, with numbers": the step from θ_k to θ_{k+1} at the model's current row, one line per
 * parameter with the actual numbers substituted, so that a student can check it by hand:
 *
 *     θ0:  0.75 − 0.01 × (−1.62) = 0.7662
 *
 * The gradient is the one the update used (IterationState::stepGradient): all rows for batch descent, one
 * sample for SGD, one mini-batch otherwise. Below it, the loss formula in use and L(θ_k) → L(θ_{k+1}); with
 * standardized features also θ in the original units. Every number is the model's own, printed with seven
 * significant digits.
 */
class UpdatePanel : public QWidget {
    Q_OBJECT

public:
    explicit UpdatePanel(SessionController* controller, QWidget* parent = nullptr);

    /** @brief Everything the panel shows, as plain text, one line per displayed line or table row. */
    QString text() const { return m_plainText; }
    /** @brief The rich text the label shows. */
    QString richText() const;

    bool isPresentationMode() const { return m_presentation; }
    /** @brief Larger text for the back row of a classroom, on top of the font the panel inherits. */
    void setPresentationMode(bool on);

    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void applyFont();
    /** Which rows the update into row + 1 used, e.g. "gradient of all 5 rows"; empty if unknown. */
    QString gradientSource(int row) const;

    SessionController* m_controller = nullptr;
    QLabel* m_label = nullptr;
    QString m_plainText;
    bool m_presentation = false;
    bool m_applyingFont = false;
};

} // namespace gdlab
