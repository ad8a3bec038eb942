#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace gdlab {

class IterationModel;

/**
 * @brief One line for the main window's status bar: "iteration k / N · loss … · RMSE … · |∇| … · distance to
 * least squares … · status", for the model's current row. For the logistic model the accuracy takes the RMSE's place
 * and the distance is to Newton's optimum, or, when the data is linearly separable, the line says there is none.
 *
 * The status is "running" before the last row (or while a worker still computes) and, at the last row, why
 * the descent stopped: "converged" (green), "max iterations" or "diverged" (ViewPalette::warning()).
 */
class StatusSummary : public QWidget {
    Q_OBJECT

public:
    explicit StatusSummary(const IterationModel* model, QWidget* parent = nullptr);

    /** @brief The whole line as plain text. */
    QString text() const;
    /** @brief The line as it is shown: in a narrow window the last numbers give way to "…". */
    QString shownText() const;
    /** @brief The status word alone: "running", "converged", "max iterations", "diverged", or empty. */
    QString statusText() const;
    /** @brief How many times the line was rebuilt for a whole new run (once per runReset). */
    int refreshCount() const { return m_refreshCount; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    void showCurrentRow();
    void showStatus();
    void showParts();
    /** "distance to least squares …", "distance to Newton's optimum …" or why there is no optimum. */
    QString distancePart(int row) const;
    /** The numbers' tooltip: what each one is, for the run's model. */
    QString explanation() const;

    const IterationModel* m_model = nullptr;
    QLabel* m_numbers = nullptr;
    QLabel* m_status = nullptr;
    QStringList m_parts;
    QString m_explanation;
    int m_refreshCount = 0;
};

} // namespace gdlab
