#include "panels/learning_rate_scale.h"

#include "number_format.h"
#include "views/view_palette.h"

#include <QEvent>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace gdlab {

namespace {

constexpr int kTickLength = 4;
constexpr int kBandHeight = 4;
constexpr int kMaxExponentSpan = 30; // rates beyond 1e±30 are typing errors, not lessons

/** "10⁻⁶", "1", "10": decade labels of the log scale. */
QString powerOfTen(int exponent)
{
    if (exponent == 0)
        return QStringLiteral("1");
    if (exponent == 1)
        return QStringLiteral("10");
    static const QChar superscripts[] = { QChar(0x2070), QChar(0x00B9), QChar(0x00B2), QChar(0x00B3), QChar(0x2074),
        QChar(0x2075), QChar(0x2076), QChar(0x2077), QChar(0x2078), QChar(0x2079) };
    QString text = QStringLiteral("10");
    if (exponent < 0)
        text += QChar(0x207B);
    for (const QChar digit : QString::number(std::abs(exponent)))
        text += superscripts[digit.digitValue()];
    return text;
}

/** A label rectangle centred on x, kept inside [0, width]. */
QRectF labelRect(const QFontMetrics& metrics, const QString& text, double x, double top, int width)
{
    const double textWidth = metrics.horizontalAdvance(text) + 2;
    const double left = std::clamp(x - textWidth / 2, 0.0, std::max(0.0, width - textWidth));
    return QRectF(left, top, textWidth, metrics.height());
}

} // namespace

LearningRateScale::LearningRateScale(QWidget* parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
{
    m_slider->setSingleStep(1);
    m_slider->setPageStep(kStepsPerDecade / 10);
    m_slider->setToolTip(tr("Learning rate on a logarithmic scale (%1 steps per decade)").arg(kStepsPerDecade));
    m_slider->setAccessibleName(tr("Learning rate (logarithmic)"));

    // The margins around the slider are where paintEvent draws the marks and their labels.
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_slider);

    connect(m_slider, &QSlider::valueChanged, this, &LearningRateScale::onSliderValueChanged);
    updateMargins();
    updateRange();
    updateSlider();
}

void LearningRateScale::setRate(double rate)
{
    m_rate = rate;
    updateRange();
    updateSlider();
    update();
}

void LearningRateScale::setMarks(double optimalRate, double divergenceBound)
{
    m_optimal = optimalRate;
    m_bound = divergenceBound;
    updateRange();
    updateSlider();
    update();
}

bool LearningRateScale::isUsableRate(double rate)
{
    return std::isfinite(rate) && rate > 0;
}

QColor LearningRateScale::mutedText(const QPalette& palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    return QColor::fromRgbF(0.75f * text.redF() + 0.25f * window.redF(),
        0.75f * text.greenF() + 0.25f * window.greenF(), 0.75f * text.blueF() + 0.25f * window.blueF());
}

void LearningRateScale::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    if (m_slider->maximum() <= m_slider->minimum())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const double bandTop = m_slider->geometry().bottom() + 1;

    // Decade ticks under the slider, so the log scale can be read.
    painter.setPen(QPen(mutedText(palette()), 1));
    for (int exponent = m_minExponent; exponent <= m_maxExponent; ++exponent) {
        const double x = xForFraction(double(exponent - m_minExponent) / (m_maxExponent - m_minExponent));
        painter.drawLine(QPointF(x, bandTop), QPointF(x, bandTop + kBandHeight + 2));
    }
    paintBand(painter, bandTop);
    paintEnds(painter, paintMarks(painter));
}

void LearningRateScale::paintBand(QPainter& painter, double top) const
{
    const double bound = boundFraction();
    if (bound < 0)
        return;
    // The band says what the rate does in each region: amber where it oscillates, red where it diverges.
    const double boundX = xForFraction(bound);
    const double endX = xForFraction(1);
    if (optimalFraction() >= 0) {
        const double optimalX = xForFraction(optimalFraction());
        QColor amber = ViewPalette::caution();
        amber.setAlpha(150);
        painter.fillRect(QRectF(optimalX, top, boundX - optimalX, kBandHeight), amber);
    }
    QColor red = ViewPalette::warning();
    red.setAlpha(170);
    painter.fillRect(QRectF(boundX, top, std::max(0.0, endX - boundX), kBandHeight), red);
}

QRectF LearningRateScale::paintMarks(QPainter& painter) const
{
    // The two marks can be a pixel apart (the bound is at most twice the fastest rate, and ill-conditioned data
    // brings them together), so the fastest rate is marked above the groove and the bound below it.
    const QFontMetrics metrics = fontMetrics();
    const QRect sliderRect = m_slider->geometry();
    const double grooveY = sliderRect.center().y();
    const double bottomLabelY = sliderRect.bottom() + 1 + kBandHeight + kTickLength;
    if (optimalFraction() >= 0) {
        const double x = xForFraction(optimalFraction());
        painter.setPen(QPen(ViewPalette::good(), 2));
        painter.drawLine(QPointF(x, sliderRect.top() - kTickLength), QPointF(x, grooveY));
        const double top = sliderRect.top() - kTickLength - metrics.height();
        painter.drawText(labelRect(metrics, tr("fastest"), x, top, width()), Qt::AlignCenter, tr("fastest"));
    }
    QRectF boundLabel;
    if (boundFraction() >= 0) {
        const double x = xForFraction(boundFraction());
        painter.setPen(QPen(ViewPalette::warning(), 2));
        painter.drawLine(QPointF(x, grooveY), QPointF(x, bottomLabelY));
        boundLabel = labelRect(metrics, tr("diverges above"), x, bottomLabelY, width());
        painter.drawText(boundLabel, Qt::AlignCenter, tr("diverges above"));
    }
    return boundLabel;
}

void LearningRateScale::paintEnds(QPainter& painter, const QRectF& boundLabel) const
{
    // The ends of the scale, where they do not collide with the bound's label.
    const QFontMetrics metrics = fontMetrics();
    const double top = m_slider->geometry().bottom() + 1 + kBandHeight + kTickLength;
    painter.setPen(mutedText(palette()));
    const QString low = powerOfTen(m_minExponent);
    const QString high = powerOfTen(m_maxExponent);
    const QRectF lowRect(0, top, metrics.horizontalAdvance(low) + 2, metrics.height());
    const QRectF highRect(
        width() - metrics.horizontalAdvance(high) - 2, top, metrics.horizontalAdvance(high) + 2, metrics.height());
    if (!lowRect.intersects(boundLabel))
        painter.drawText(lowRect, Qt::AlignLeft | Qt::AlignVCenter, low);
    if (!highRect.intersects(boundLabel))
        painter.drawText(highRect, Qt::AlignRight | Qt::AlignVCenter, high);
}

void LearningRateScale::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMargins();
}

void LearningRateScale::onSliderValueChanged(int value)
{
    m_rate = rateForPosition(value);
    update();
    emit rateMoved(m_rate);
}

void LearningRateScale::updateRange()
{
    int low = -6;
    int high = 1;
    // Keep at least three decades below the bound and one above it, so the marks never sit at the very end.
    if (isUsableRate(m_bound)) {
        const double exponent = std::log10(m_bound);
        low = std::min(low, int(std::floor(exponent)) - 3);
        high = std::max(high, int(std::ceil(exponent)) + 1);
    }
    if (isUsableRate(m_rate)) {
        const double exponent = std::log10(m_rate);
        low = std::min(low, int(std::floor(exponent)));
        high = std::max(high, int(std::ceil(exponent)));
    }
    m_minExponent = std::max(low, -kMaxExponentSpan);
    m_maxExponent = std::min(high, kMaxExponentSpan);
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, (m_maxExponent - m_minExponent) * kStepsPerDecade);
}

void LearningRateScale::updateSlider()
{
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(positionForRate(m_rate));
}

void LearningRateScale::updateMargins()
{
    const int labelRow = fontMetrics().height() + kTickLength;
    layout()->setContentsMargins(0, labelRow, 0, kBandHeight + labelRow + 1);
}

double LearningRateScale::rateForPosition(int position) const
{
    const double exact = std::pow(10.0, m_minExponent + double(position) / kStepsPerDecade);
    // Four significant digits tell 400 steps per decade apart and read well ("0.08427"); going through the
    // text makes the value the double nearest to what a field shows.
    const std::string text = formatSignificant(exact, SignificantDigits::label);
    double rounded = exact;
    std::from_chars(text.data(), text.data() + text.size(), rounded);
    return rounded;
}

int LearningRateScale::positionForRate(double rate) const
{
    if (!isUsableRate(rate))
        return m_slider->minimum();
    const double position = (std::log10(rate) - m_minExponent) * kStepsPerDecade;
    return std::clamp(int(std::lround(position)), m_slider->minimum(), m_slider->maximum());
}

double LearningRateScale::fractionOf(double rate) const
{
    if (!isUsableRate(rate))
        return -1;
    const double fraction = (std::log10(rate) - m_minExponent) / (m_maxExponent - m_minExponent);
    return (fraction < 0 || fraction > 1) ? -1 : fraction;
}

double LearningRateScale::xForFraction(double fraction) const
{
    // Ask the style where the handle's centre is at both ends; the groove runs linearly in between.
    QStyleOptionSlider option;
    option.initFrom(m_slider);
    option.orientation = Qt::Horizontal;
    option.minimum = m_slider->minimum();
    option.maximum = m_slider->maximum();
    option.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderHandle;
    option.sliderPosition = option.minimum;
    const QRect first = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, m_slider);
    option.sliderPosition = option.maximum;
    const QRect last = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, m_slider);
    const double left = QRectF(first).center().x();
    const double right = QRectF(last).center().x();
    return m_slider->x() + left + fraction * (right - left);
}

} // namespace gdlab
