#include "panels/learning_rate_control.h"

#include "views/view_palette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

// Not in ViewPalette: only this control and the status line need them, and only for text and marks.
const QColor kOscillatingColour(0x9A, 0x62, 0x00); // a dark amber: a caution, milder than the warning red

constexpr int kSliderThrottleMs = 60; // a drag recomputes at most ~16 times a second
constexpr int kTickLength = 4;
constexpr int kBandHeight = 4;
constexpr int kMaxExponentSpan = 30; // rates beyond 1e±30 are typing errors, not lessons

bool isUsable(double value)
{
    return std::isfinite(value) && value > 0;
}

QString formatRate(double rate)
{
    return QString::number(rate, 'g', 6);
}

/** Bounds in the notes: three digits are what a reader compares, e.g. "0.0845". */
QString formatBound(double bound)
{
    return QString::number(bound, 'g', 3);
}

/** Secondary text that stays readable on a washed-out projector (placeholder grey does not). */
QColor secondaryText(const QPalette& palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    return QColor::fromRgbF(0.75f * text.redF() + 0.25f * window.redF(),
        0.75f * text.greenF() + 0.25f * window.greenF(), 0.75f * text.blueF() + 0.25f * window.blueF());
}

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

LearningRateControl::LearningRateControl(QWidget* parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_edit(new QLineEdit(this))
    , m_fastestButton(new QToolButton(this))
    , m_note(new QLabel(this))
    , m_sliderBox(new QVBoxLayout)
    , m_throttle(new QTimer(this))
{
    m_edit->setToolTip(tr("The learning rate η of the update θ ← θ − η·∇L. Type a value and press Enter."));
    m_edit->setAccessibleName(tr("Learning rate"));
    m_fastestButton->setText(tr("fastest"));
    m_fastestButton->setEnabled(false);

    m_slider->setSingleStep(1);
    m_slider->setPageStep(kStepsPerDecade / 4);
    m_slider->setToolTip(tr("Learning rate on a logarithmic scale (%1 steps per decade)").arg(kStepsPerDecade));
    m_slider->setAccessibleName(tr("Learning rate (logarithmic)"));

    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);

    m_throttle->setSingleShot(true);
    m_throttle->setInterval(kSliderThrottleMs);

    auto* entryRow = new QHBoxLayout;
    entryRow->setContentsMargins(0, 0, 0, 0);
    entryRow->addWidget(m_edit, 1);
    entryRow->addWidget(m_fastestButton);

    // The margins around the slider are where paintEvent draws the marks and their labels.
    m_sliderBox->addWidget(m_slider);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(entryRow);
    layout->addLayout(m_sliderBox);
    layout->addWidget(m_note);

    connect(m_slider, &QSlider::valueChanged, this, &LearningRateControl::onSliderValueChanged);
    connect(m_slider, &QSlider::sliderReleased, this, &LearningRateControl::emitPending);
    connect(m_throttle, &QTimer::timeout, this, &LearningRateControl::emitPending);
    connect(m_edit, &QLineEdit::editingFinished, this, &LearningRateControl::onEditingFinished);
    connect(m_fastestButton, &QToolButton::clicked, this, [this] {
        if (isUsable(m_bounds.optimalRate))
            userChoseRate(m_bounds.optimalRate);
    });

    updateMargins();
    updateRange();
    updateSlider();
    updateEditText();
    updateNote();
}

void LearningRateControl::setBounds(const StabilityBounds& bounds)
{
    m_bounds = bounds;
    const bool hasOptimal = isUsable(bounds.optimalRate);
    m_fastestButton->setEnabled(hasOptimal);
    m_fastestButton->setToolTip(hasOptimal
            ? tr("Use the fastest fixed rate of batch descent, 2/(λmin+λmax) = %1").arg(formatRate(bounds.optimalRate))
            : tr("No fastest rate: nothing is loaded"));
    updateRange();
    updateSlider();
    updateNote();
    update();
}

void LearningRateControl::setLearningRate(double rate)
{
    m_throttle->stop();
    m_pendingEmit = false;
    m_rate = rate;
    updateRange();
    updateSlider();
    updateEditText();
    updateNote();
    update();
}

void LearningRateControl::setMethodIsBatch(bool isBatch)
{
    if (m_methodIsBatch == isBatch)
        return;
    m_methodIsBatch = isBatch;
    updateNote();
}

LearningRateControl::Zone LearningRateControl::zone() const
{
    if (!isUsable(m_bounds.divergenceBound) || !isUsable(m_rate))
        return Zone::Unknown;
    // A relative tolerance, so that a lesson set exactly to the fastest rate (or the bound) counts as that rate.
    constexpr double slack = 1 + 1e-12;
    if (m_rate > m_bounds.divergenceBound * slack)
        return Zone::Diverging;
    if (isUsable(m_bounds.optimalRate) && m_rate > m_bounds.optimalRate * slack)
        return Zone::Oscillating;
    return Zone::Stable;
}

QString LearningRateControl::noteText() const
{
    const QString bound = formatBound(m_bounds.divergenceBound);
    const QString fastest = formatBound(m_bounds.optimalRate);
    const QString batchOnly = tr("The bound is for batch descent; SGD is noisier.");
    switch (zone()) {
    case Zone::Unknown:
        return {};
    case Zone::Diverging:
        return m_methodIsBatch ? tr("Above the stability bound %1: batch descent will diverge.").arg(bound)
                               : tr("Above the stability bound %1. %2").arg(bound, batchOnly);
    case Zone::Oscillating:
        return m_methodIsBatch ? tr("Above the fastest rate %1 (bound %2): the descent oscillates.").arg(fastest, bound)
                               : tr("Above the fastest rate %1 (bound %2). %3").arg(fastest, bound, batchOnly);
    case Zone::Stable:
        return m_methodIsBatch ? tr("Stable: the fastest rate is %1, the bound %2.").arg(fastest, bound)
                               : tr("Fastest rate %1, bound %2. %3").arg(fastest, bound, batchOnly);
    }
    return {};
}

void LearningRateControl::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    if (m_slider->maximum() <= m_slider->minimum())
        return;

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const QRect sliderRect = m_slider->geometry();
    const double topLabelY = sliderRect.top() - kTickLength - metrics.height();
    const double bandTop = sliderRect.bottom() + 1;
    const double bottomLabelY = bandTop + kBandHeight + kTickLength;
    const QColor muted = secondaryText(palette());

    // Decade ticks under the slider, so the log scale can be read.
    painter.setPen(QPen(muted, 1));
    for (int exponent = m_minExponent; exponent <= m_maxExponent; ++exponent) {
        const double x = xForFraction(double(exponent - m_minExponent) / (m_maxExponent - m_minExponent));
        painter.drawLine(QPointF(x, bandTop), QPointF(x, bandTop + kBandHeight + 2));
    }

    const double optimal = optimalFraction();
    const double bound = boundFraction();
    if (bound >= 0) {
        // The band says what the rate does in each region: amber where it oscillates, red where it diverges.
        const double boundX = xForFraction(bound);
        const double endX = xForFraction(1);
        if (optimal >= 0) {
            const double optimalX = xForFraction(optimal);
            QColor amber = kOscillatingColour;
            amber.setAlpha(150);
            painter.fillRect(QRectF(optimalX, bandTop, boundX - optimalX, kBandHeight), amber);
        }
        QColor red = ViewPalette::warning();
        red.setAlpha(170);
        painter.fillRect(QRectF(boundX, bandTop, std::max(0.0, endX - boundX), kBandHeight), red);
    }

    // The two marks can be a pixel apart (the bound is at most twice the fastest rate, and ill-conditioned data
    // brings them together), so the fastest rate is marked above the groove and the bound below it.
    const double grooveY = sliderRect.center().y();
    QRectF boundLabel;
    if (optimal >= 0) {
        const double x = xForFraction(optimal);
        painter.setPen(QPen(ViewPalette::good(), 2));
        painter.drawLine(QPointF(x, sliderRect.top() - kTickLength), QPointF(x, grooveY));
        const QRectF label = labelRect(metrics, tr("fastest"), x, topLabelY, width());
        painter.drawText(label, Qt::AlignCenter, tr("fastest"));
    }
    if (bound >= 0) {
        const double x = xForFraction(bound);
        painter.setPen(QPen(ViewPalette::warning(), 2));
        painter.drawLine(QPointF(x, grooveY), QPointF(x, bottomLabelY));
        boundLabel = labelRect(metrics, tr("diverges above"), x, bottomLabelY, width());
        painter.drawText(boundLabel, Qt::AlignCenter, tr("diverges above"));
    }

    // The ends of the scale, where they do not collide with the bound's label.
    painter.setPen(muted);
    const QString low = powerOfTen(m_minExponent);
    const QString high = powerOfTen(m_maxExponent);
    const QRectF lowRect(0, bottomLabelY, metrics.horizontalAdvance(low) + 2, metrics.height());
    const QRectF highRect(width() - metrics.horizontalAdvance(high) - 2, bottomLabelY,
        metrics.horizontalAdvance(high) + 2, metrics.height());
    if (!lowRect.intersects(boundLabel))
        painter.drawText(lowRect, Qt::AlignLeft | Qt::AlignVCenter, low);
    if (!highRect.intersects(boundLabel))
        painter.drawText(highRect, Qt::AlignRight | Qt::AlignVCenter, high);
}

void LearningRateControl::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMargins();
    if (event->type() == QEvent::PaletteChange)
        updateNote();
}

void LearningRateControl::onSliderValueChanged(int value)
{
    m_rate = rateForPosition(value);
    updateEditText();
    updateNote();
    update();
    if (m_slider->isSliderDown()) {
        // While dragging, recompute at most every kSliderThrottleMs; the release sends the final value.
        m_pendingEmit = true;
        if (!m_throttle->isActive())
            m_throttle->start();
    } else {
        m_throttle->stop();
        m_pendingEmit = false;
        emit learningRateChanged(m_rate);
    }
}

void LearningRateControl::onEditingFinished()
{
    bool ok = false;
    const QString text = m_edit->text().trimmed();
    double rate = locale().toDouble(text, &ok);
    if (!ok)
        rate = text.toDouble(&ok); // "0.01" also where the locale writes "0,01"
    if (!ok || !isUsable(rate)) {
        updateEditText();
        return;
    }
    if (rate != m_rate)
        userChoseRate(rate);
}

void LearningRateControl::emitPending()
{
    m_throttle->stop();
    if (!m_pendingEmit)
        return;
    m_pendingEmit = false;
    emit learningRateChanged(m_rate);
}

void LearningRateControl::userChoseRate(double rate)
{
    setLearningRate(rate);
    emit learningRateChanged(m_rate);
}

void LearningRateControl::updateRange()
{
    int low = -6;
    int high = 1;
    // Keep at least three decades below the bound and one above it, so the marks never sit at the very end.
    if (isUsable(m_bounds.divergenceBound)) {
        const double exponent = std::log10(m_bounds.divergenceBound);
        low = std::min(low, int(std::floor(exponent)) - 3);
        high = std::max(high, int(std::ceil(exponent)) + 1);
    }
    if (isUsable(m_rate)) {
        const double exponent = std::log10(m_rate);
        low = std::min(low, int(std::floor(exponent)));
        high = std::max(high, int(std::ceil(exponent)));
    }
    m_minExponent = std::max(low, -kMaxExponentSpan);
    m_maxExponent = std::min(high, kMaxExponentSpan);
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, (m_maxExponent - m_minExponent) * kStepsPerDecade);
}

void LearningRateControl::updateSlider()
{
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(positionForRate(m_rate));
}

void LearningRateControl::updateEditText()
{
    m_edit->setText(isUsable(m_rate) ? formatRate(m_rate) : QString());
}

void LearningRateControl::updateNote()
{
    m_note->setText(noteText());
    QPalette palette = this->palette();
    QFont font = this->font();
    switch (zone()) {
    case Zone::Diverging:
        palette.setColor(QPalette::WindowText, ViewPalette::warning());
        font.setBold(true);
        break;
    case Zone::Oscillating:
        palette.setColor(QPalette::WindowText, kOscillatingColour);
        break;
    case Zone::Stable:
    case Zone::Unknown:
        palette.setColor(QPalette::WindowText, secondaryText(palette));
        break;
    }
    m_note->setPalette(palette);
    m_note->setFont(font);
    m_note->setVisible(zone() != Zone::Unknown);
}

void LearningRateControl::updateMargins()
{
    const int labelRow = fontMetrics().height() + kTickLength;
    m_sliderBox->setContentsMargins(0, labelRow, 0, kBandHeight + labelRow + 1);
}

double LearningRateControl::rateForPosition(int position) const
{
    const double exact = std::pow(10.0, m_minExponent + double(position) / kStepsPerDecade);
    // Three significant digits tell 40 steps per decade apart and read well ("0.0112"); going through the
    // text makes the value the double nearest to what the field shows.
    return QString::number(exact, 'g', 3).toDouble();
}

int LearningRateControl::positionForRate(double rate) const
{
    if (!isUsable(rate))
        return m_slider->minimum();
    const double position = (std::log10(rate) - m_minExponent) * kStepsPerDecade;
    return std::clamp(int(std::lround(position)), m_slider->minimum(), m_slider->maximum());
}

double LearningRateControl::fractionOf(double rate) const
{
    if (!isUsable(rate))
        return -1;
    const double fraction = (std::log10(rate) - m_minExponent) / (m_maxExponent - m_minExponent);
    return (fraction < 0 || fraction > 1) ? -1 : fraction;
}

double LearningRateControl::xForFraction(double fraction) const
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
