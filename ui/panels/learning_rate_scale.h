#pragma once

#include <QWidget>

class QSlider;

namespace gdlab {

/**
 * @brief A logarithmic learning-rate slider with the stability of batch descent drawn along it: decade ticks,
 * the fastest fixed rate 2/(λmin+λmax) (green, above the groove), the divergence bound 2/λmax (red, below it),
 * and a band that is amber where the descent oscillates and red where it diverges.
 *
 * The slider has kStepsPerDecade integer steps per decade, normally from 1e-6 to 10; the range widens to keep
 * the bound and the rate on it. A slider position gives a rate rounded to three significant digits, so that a
 * field beside it reads "0.0112", not "0.011220184543". The marks are painted in this widget's margins above
 * and below the slider (a plain QSlider), so they line up with the groove in every style.
 */
class LearningRateScale : public QWidget {
    Q_OBJECT

public:
    /** @brief 400 steps per decade: one step is 0.58 %, a wheel notch (three steps) 1.7 %, so a teacher can land
     * between two marks a percent apart (0.0833 and 0.0845 on five_points). */
    static constexpr int kStepsPerDecade = 400;

    explicit LearningRateScale(QWidget* parent = nullptr);

    /** @brief Moves the handle to rate without emitting rateMoved (the range widens to hold it). */
    void setRate(double rate);
    double rate() const { return m_rate; }
    /** @brief The marks; a value that is not positive is not drawn. */
    void setMarks(double optimalRate, double divergenceBound);

    /** @brief Positions along the slider's range, 0 = left end, 1 = right end; negative when not shown. */
    double boundFraction() const { return fractionOf(m_bound); }
    double optimalFraction() const { return fractionOf(m_optimal); }
    double rateFraction() const { return fractionOf(m_rate); }
    /** @brief The scale spans 10^minimumExponent() … 10^maximumExponent(). */
    int minimumExponent() const { return m_minExponent; }
    int maximumExponent() const { return m_maxExponent; }

    QSlider* slider() const { return m_slider; }

    /** @brief Whether rate can stand on the log scale: finite and positive. */
    static bool isUsableRate(double rate);
    /** @brief Secondary text that stays readable on a washed-out projector (placeholder grey does not). */
    static QColor mutedText(const QPalette& palette);

signals:
    /** @brief The user moved the slider to rate (already rounded); never emitted by setRate(). */
    void rateMoved(double rate);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onSliderValueChanged(int value);
    void updateRange();
    void updateSlider();
    void updateMargins();
    void paintBand(QPainter& painter, double top) const;
    /** Paints the two marks and their labels; returns where the bound's label went. */
    QRectF paintMarks(QPainter& painter) const;
    void paintEnds(QPainter& painter, const QRectF& boundLabel) const;
    double rateForPosition(int position) const;
    int positionForRate(double rate) const;
    double fractionOf(double rate) const;
    /** x (in this widget) of a fraction of the slider's range, centred on where the handle would be. */
    double xForFraction(double fraction) const;

    QSlider* m_slider = nullptr;
    double m_rate = 0;
    double m_optimal = 0;
    double m_bound = 0;
    int m_minExponent = -6;
    int m_maxExponent = 1;
};

} // namespace gdlab
