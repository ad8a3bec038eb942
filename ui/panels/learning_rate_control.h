#pragma once

#include "optimizer_bounds.h"
#include "solver_settings.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSlider;
class QTimer;
class QToolButton;

namespace gdlab {

class IterationModel;
class LearningRateScale;

/**
 * @brief Chooses the learning rate on a logarithmic scale with an exact entry field, and says where the run's
 * rate sits between the fastest rate of its optimizer and the bound where it diverges (or that an adaptive
 * optimizer has no fixed bound).
 *
 * It shows the rate, bounds and method of the model's run, and sends the user's choice as learningRateEdited;
 * the new run that comes back sets only what differs from what the control shows, and never the slider being
 * dragged or the field being typed in, so a choice is never echoed back into the widget that made it.
 */
class LearningRateControl : public QWidget {
    Q_OBJECT

public:
    /** @brief Where the rate sits relative to the bounds of batch descent. */
    enum class Zone {
        Unknown, ///< no bounds yet (nothing loaded, or a degenerate problem)
        Stable, ///< at or below the fastest rate: monotone convergence
        Oscillating, ///< between the fastest rate and the bound: converges while overshooting
        Diverging, ///< above the bound
        NoFixedBound, ///< an adaptive optimizer (AdaGrad, RMSProp, Adam): theory gives no fixed bound
    };

    explicit LearningRateControl(const IterationModel* model, QWidget* parent = nullptr);

    /** @brief The rate shown: the run's, or the one the user just chose. */
    double learningRate() const { return m_rate; }
    /** @brief The bounds of the run's optimizer (gd's 2/λmax, heavy ball's 2(1+μ)/λmax, …). */
    const OptimizerBounds& bounds() const { return m_bounds; }
    OptimizerKind optimizer() const { return m_optimizer; }
    /** @brief The marks are exact for batch descent only; for SGD and mini-batch the notes say so. */
    bool methodIsBatch() const { return m_methodIsBatch; }

    Zone zone() const;
    /** @brief The note under the slider (empty when there are no bounds). */
    QString noteText() const;

    LearningRateScale* scale() const { return m_scale; }
    QSlider* slider() const;
    QLineEdit* rateEdit() const { return m_edit; }
    QLabel* noteLabel() const { return m_note; }
    QToolButton* fastestButton() const { return m_fastestButton; }

    /** @brief How many times the control read the run (once per runReset, and once per refresh()). */
    int refreshCount() const { return m_refreshCount; }
    /** @brief How many times a rate from the run was written into the slider and the field. */
    int rateSetCount() const { return m_rateSetCount; }

public slots:
    /** @brief Shows the run's rate, bounds and method again (after a refused edit, say). */
    void refresh();

signals:
    /** @brief The user chose a rate (slider, field or the "fastest" button). */
    void learningRateEdited(double rate);
    /** @brief The "fastest" button with momentum: heavy ball's optimal rate and momentum together. */
    void momentumOptimumChosen(double rate, double momentum);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showBounds(const OptimizerBounds& bounds, OptimizerKind optimizer);
    void onFastestClicked();
    /** "batch descent" for gd, the optimizer's name otherwise: who diverges above the bound. */
    QString descentName() const;
    void showRate(double rate);
    bool isBeingEdited() const;
    void onRateMoved(double rate);
    void onEditingFinished();
    void emitPending();
    void userChoseRate(double rate);
    void updateEditText();
    void updateNote();

    const IterationModel* m_model = nullptr;
    LearningRateScale* m_scale = nullptr;
    QLineEdit* m_edit = nullptr;
    QToolButton* m_fastestButton = nullptr;
    QLabel* m_note = nullptr;
    QTimer* m_throttle = nullptr;

    OptimizerBounds m_bounds;
    OptimizerKind m_optimizer = OptimizerKind::Gd;
    double m_rate = SolverSettings().learningRate;
    bool m_methodIsBatch = true;
    bool m_pendingEmit = false;
    int m_refreshCount = 0;
    int m_rateSetCount = 0;
};

} // namespace gdlab
