#pragma once

#include "stability.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSlider;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace gdlab {

/**
 * @brief Chooses the learning rate on a logarithmic slider with an exact entry field, and shows where batch
 * descent becomes fastest (2/(λmin+λmax), green) and where it diverges (2/λmax, red).
 *
 * The slider has kStepsPerDecade integer steps per decade, normally from 1e-6 to 10; the range widens to keep
 * the bounds and the rate on it. A slider position gives a rate rounded to three significant digits so that the
 * field reads "0.0112", not "0.011220184543". The marks are painted by this widget in the margins above and
 * below the slider (the slider itself is a plain QSlider), so they line up with the groove in every style.
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
    };

    static constexpr int kStepsPerDecade = 40;

    explicit LearningRateControl(QWidget* parent = nullptr);

    void setBounds(const StabilityBounds& bounds);
    const StabilityBounds& bounds() const { return m_bounds; }
    /** @brief Shows rate without emitting learningRateChanged (a refresh from the controller). */
    void setLearningRate(double rate);
    double learningRate() const { return m_rate; }
    /** @brief The marks are exact for batch descent only; for SGD and mini-batch the notes say so. */
    void setMethodIsBatch(bool isBatch);
    bool methodIsBatch() const { return m_methodIsBatch; }

    Zone zone() const;
    /** @brief The note under the slider (empty when there are no bounds). */
    QString noteText() const;

    /** @brief Positions along the slider's range, 0 = left end, 1 = right end; negative when not shown. */
    double boundFraction() const { return fractionOf(m_bounds.divergenceBound); }
    double optimalFraction() const { return fractionOf(m_bounds.optimalRate); }
    double rateFraction() const { return fractionOf(m_rate); }

    QSlider* slider() const { return m_slider; }
    QLineEdit* rateEdit() const { return m_edit; }
    QLabel* noteLabel() const { return m_note; }
    QToolButton* fastestButton() const { return m_fastestButton; }

signals:
    /** @brief The user chose a rate (slider, field or the "fastest" button); never emitted by setLearningRate. */
    void learningRateChanged(double rate);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onSliderValueChanged(int value);
    void onEditingFinished();
    void emitPending();
    void userChoseRate(double rate);
    void updateRange();
    void updateSlider();
    void updateEditText();
    void updateNote();
    void updateMargins();
    double rateForPosition(int position) const;
    int positionForRate(double rate) const;
    double fractionOf(double rate) const;
    /** @brief x (in this widget) of a fraction of the slider's range, centred on where the handle would be. */
    double xForFraction(double fraction) const;

    QSlider* m_slider = nullptr;
    QLineEdit* m_edit = nullptr;
    QToolButton* m_fastestButton = nullptr;
    QLabel* m_note = nullptr;
    QVBoxLayout* m_sliderBox = nullptr; ///< its margins hold the marks' labels
    QTimer* m_throttle = nullptr;

    StabilityBounds m_bounds;
    double m_rate = 0.01;
    bool m_methodIsBatch = true;
    bool m_pendingEmit = false;
    int m_minExponent = -6; ///< the slider spans 10^m_minExponent … 10^m_maxExponent
    int m_maxExponent = 1;
};

} // namespace gdlab
