#pragma once

#include "views/update_document.h"

#include <Eigen/Core>

#include <QString>
#include <QWidget>

#include <tuple>

class QTextBrowser;

namespace gdlab {

class IterationModel;
struct Run;
struct UpdateStepText;

/**
 * @brief "The update, with numbers": the step from θ_k to θ_{k+1} at the model's current row, one line per
 * parameter with the actual numbers substituted, so that a student can check it by hand:
 *
 *     θ0:  0.75 − 0.01 × (−1.62) = 0.7662
 *
 * The gradient is the one the update used (IterationModel::stepGradient): all rows for batch descent, one
 * sample for SGD, one mini-batch otherwise. Below it, the loss formula in use and L(θ_k) → L(θ_{k+1}); with
 * standardized features also θ in the original units. Every number is the run's own, printed with
 * SignificantDigits::byHand digits. For a logistic run, the rows the gradient used come first (LogisticUpdateText):
 * z = xᵀθ, p = σ(z) and p − y for the first few, and each parameter's gradient (1/n)·Σ (pᵢ − yᵢ)·xᵢⱼ.
 */
class UpdatePanel : public QWidget {
    Q_OBJECT

public:
    explicit UpdatePanel(const IterationModel* model, QWidget* parent = nullptr);
    ~UpdatePanel() override;

    /** @brief Everything the panel shows, as plain text, one line per displayed line or table row. */
    QString text() const { return m_plainText; }
    /** @brief The rich text the panel shows. */
    QString richText() const;
    /** @brief How many times the panel was built anew for a whole new run (once per runReset). */
    int refreshCount() const { return m_refreshCount; }

    bool isPresentationMode() const { return m_presentation; }
    /** @brief Larger text for the back row of a classroom, on top of the font the panel inherits. */
    void setPresentationMode(bool on);

    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /**
     * How a step is laid out: on one line; with each new value on a line of its own (the panel is narrower than a
     * step); or, narrower still, θ_k, "− lr × gradient" and "= θ_k+1" on three lines.
     */
    enum class StepLayout { OneLine, ResultBelow, ThreeLines };

    void refresh();
    void onRowsAppended(int first);
    void onCurrentRowChanged(int row);
    void showRow(int row);
    void addLastRow(UpdateDocument& document, int row) const;
    void addUpdate(UpdateDocument& document, int row) const;
    void addStepTable(UpdateDocument& document, int row) const;
    /** A logistic run's p = σ(xᵀθ), p − y and gradient for the first rows of the update from row; else nothing. */
    void addLogisticTerms(UpdateDocument& document, int row) const;
    /** The update of momentum, Adam, …: its rule and the states it carries, with the step's numbers. */
    void addOptimizerStep(UpdateDocument& document, int row) const;
    void addLossFormula(UpdateDocument& document) const;
    void addLossChange(UpdateDocument& document, int row) const;
    /** A logistic run's accuracy at row and, when next differs, at next. */
    void addAccuracy(UpdateDocument& document, int row, int next) const;
    void addOriginalUnits(UpdateDocument& document, int row) const;
    /** Which rows the update from row used, e.g. "gradient of all 5 rows". */
    QString gradientSource(int row) const;
    QString symbol(Eigen::Index parameter) const;
    void applyFont();
    /** The text about the shown row, for run, with each step laid out as m_layout says. */
    UpdateDocument buildDocument(const Run* run) const;
    /** The steps of batch descent on three lines each: θ_k, − lr × gradient, = θ_k+1. */
    UpdateDocument::Table threeLineSteps(double learningRate, const Eigen::VectorXd& before,
        const Eigen::VectorXd& gradient, const Eigen::VectorXd& after) const;
    /** The step's gradient in the colour of the −∇ arrow. */
    static QString gradientText(const UpdateStepText& step);
    /** Whether html needs no horizontal scrolling in the view. */
    bool fitsTheWidth(const QString& html) const;

    const IterationModel* m_model = nullptr;
    QTextBrowser* m_text = nullptr;
    QString m_html; ///< the rich text shown, as built (the view's toHtml() is its own rewriting)
    QString m_plainText;
    int m_shownRow = -1; ///< the row the text is about; -1 before anything is shown
    int m_refreshCount = 0;
    bool m_presentation = false;
    StepLayout m_layout = StepLayout::OneLine;
    /** What m_layout was found for: the text's width and point size, the run's parameters, model, optimizer, method. */
    using LayoutKey = std::tuple<int, double, long long, bool, int, int>;
    LayoutKey m_layoutKey {};
};

} // namespace gdlab
