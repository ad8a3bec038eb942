#include "views/loss_plot.h"

#include "session/iteration_model.h"
#include "session/pinned_runs.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/** Where a loss <= 0 is drawn on a log axis: far below any range the view shows, so the curve dives out. */
constexpr double kLogFloor = 1e-300;
/**
 * The lowest loss the log axis reaches, relative to the highest: below ~1e-16 of the start the digits are
 * rounding noise, and showing 300 empty decades for a loss that reached exactly zero helps nobody.
 */
constexpr double kLogDynamicRange = 1e-16;
/** Under this many decades the log ticker would label a single power of ten; plain numbers read better. */
constexpr double kMinimumLogTickerDecades = 2.0;
/** A least-squares loss below this fraction of the starting loss is rounding noise, not a floor. */
constexpr double kMeaningfulMinimum = 1e-12;
/** Above this many rows QCustomPlot's adaptive sampling keeps a replot within a frame. */
constexpr int kAdaptiveSamplingRows = 20000;
/**
 * A pinned run widens the loss range up to this multiple of its starting loss: a diverged pin would otherwise
 * add ten decades and squash every other curve into a line.
 */
constexpr double kPinnedLossFactor = 4.0;

QFont scaledFont(const QFont& base, double factor)
{
    QFont font = base;
    const double points = base.pointSizeF() > 0 ? base.pointSizeF() : 9.0;
    font.setPointSizeF(points * factor);
    return font;
}

} // namespace

LossPlot::LossPlot(SessionController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(controller->model())
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(minimumSizeHint());

    // Pinned curves go under the live one, so that the run being stepped through is never hidden.
    m_plot->addLayer(QStringLiteral("pinned"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    m_lossGraph = m_plot->addGraph();
    m_lossGraph->setName(tr("loss"));
    // A legend only when there is something to tell apart: the pinned runs and the live one.
    m_plot->legend->setVisible(false);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setIconSize(22, 10);
    m_plot->xAxis->setLabel(tr("iteration"));

    m_minimumLine = new QCPItemStraightLine(m_plot);
    m_minimumLine->setVisible(false);
    m_minimumLabel = new QCPItemText(m_plot);
    m_minimumLabel->setText(tr("least squares"));
    m_minimumLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_minimumLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_minimumLabel->setPadding(QMargins(2, 0, 6, 2));
    m_minimumLabel->setVisible(false);

    // The marker spans the axis rect whatever the loss scale: x in iterations, y as a fraction of the rect.
    m_marker = new QCPItemStraightLine(m_plot);
    m_marker->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_marker->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_marker->point1->setCoords(0, 0);
    m_marker->point2->setCoords(0, 1);
    m_tracer = new QCPItemTracer(m_plot);
    // The graph is attached in updateMarker(), once it has data: QCPItemTracer complains about an empty one.
    m_tracer->setInterpolating(false);
    m_tracer->setStyle(QCPItemTracer::tsCircle);
    m_markerLabel = new QCPItemText(m_plot);
    m_markerLabel->position->setType(QCPItemPosition::ptAbsolute);
    m_markerLabel->position->setParentAnchor(m_tracer->position);
    m_markerLabel->setPadding(QMargins(3, 1, 3, 1));

    // Outside the layout until a run diverges; the plot (its QObject parent) owns it either way.
    m_warningText = new QCPTextElement(m_plot);
    m_warningText->setVisible(false);
    connect(m_plot, &QCustomPlot::beforeReplot, this, &LossPlot::wrapWarning);

    connect(m_controller, &SessionController::problemChanged, this, [this] {
        updateLabels();
        updateMinimum();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_controller, &SessionController::settingsChanged, this, [this] {
        updateLabels();
        updateMinimum();
        updateRanges();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_controller, &SessionController::computationStarted, this, &LossPlot::updateWarning);
    connect(m_controller, &SessionController::computationFinished, this, &LossPlot::updateWarning);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        rebuildCurve();
        updateMinimum();
        updateRanges();
        updateMarker();
        updateWarning();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parent, int first, int last) {
        if (parent.isValid())
            return;
        appendRows(first, last);
        updateMinimum();
        updateRanges();
        updateMarker();
        updateWarning();
    });
    connect(m_model, &IterationModel::currentRowChanged, this, &LossPlot::updateMarker);

    rebuildCurve();
    updateLabels();
    updateMinimum();
    updateRanges();
    updateMarker();
    updateWarning();
    applyStyle();
}

LossPlot::~LossPlot() = default;

QSize LossPlot::minimumSizeHint() const
{
    return QSize(220, 150);
}

QSize LossPlot::sizeHint() const
{
    return QSize(480, 300);
}

void LossPlot::setLogarithmic(bool on)
{
    if (on == m_logarithmic)
        return;
    m_logarithmic = on;
    // The floor applies on a log axis only, so the plotted values change with the scale.
    rebuildCurve();
    rebuildPinned();
    updateMinimum();
    updateRanges();
    updateMarker();
    updateWarning();
    emit logarithmicChanged(on);
}

void LossPlot::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::setPinnedRuns(PinnedRuns* runs)
{
    if (runs == m_pinned)
        return;
    if (m_pinned)
        disconnect(m_pinned, nullptr, this, nullptr);
    m_pinned = runs;
    if (m_pinned) {
        connect(m_pinned, &PinnedRuns::changed, this, &LossPlot::rebuildPinned);
        connect(m_pinned, &PinnedRuns::labelsChanged, this, &LossPlot::updatePinnedLabels);
        connect(m_pinned, &QObject::destroyed, this, [this] {
            m_pinned = nullptr;
            rebuildPinned();
        });
    }
    rebuildPinned();
}

void LossPlot::rebuildPinned()
{
    for (QCPGraph* graph : m_pinnedGraphs)
        m_plot->removePlottable(graph);
    m_pinnedGraphs.clear();
    m_pinnedLastIteration = 0;
    m_pinnedMaxLoss = 0;
    m_pinnedMinPositiveLoss = std::numeric_limits<double>::infinity();
    const int count = m_pinned ? m_pinned->count() : 0;
    for (int index = 0; index < count; ++index) {
        const PinnedRun& run = m_pinned->run(index);
        const int rows = run.rows;
        const History& history = run.history();
        QVector<double> keys(rows);
        QVector<double> values(rows);
        const double limit = rows > 0 ? kPinnedLossFactor * history.loss(0) : 0.0;
        for (int i = 0; i < rows; ++i) {
            const double loss = history.loss(static_cast<std::size_t>(i));
            keys[i] = static_cast<double>(history.iteration(static_cast<std::size_t>(i)));
            values[i] = plottedLoss(loss);
            if (std::isfinite(loss)) {
                m_pinnedMaxLoss = std::max(m_pinnedMaxLoss, std::min(loss, limit));
                if (loss > 0)
                    m_pinnedMinPositiveLoss = std::min(m_pinnedMinPositiveLoss, loss);
            }
        }
        if (rows > 0)
            m_pinnedLastIteration = std::max(m_pinnedLastIteration, keys.back());
        QCPGraph* graph = m_plot->addGraph();
        graph->setLayer(QStringLiteral("pinned"));
        graph->setSelectable(QCP::stNone);
        graph->setData(keys, values, true);
        graph->setAdaptiveSampling(rows > kAdaptiveSamplingRows);
        m_pinnedGraphs.push_back(graph);
    }
    m_plot->legend->setVisible(count > 0);
    updatePinnedLabels();
    applyStyle();
    updateRanges();
}

void LossPlot::updatePinnedLabels()
{
    const bool comparing = m_pinned && !m_pinnedGraphs.empty();
    m_lossGraph->setName(comparing ? m_pinned->liveLabel() : tr("loss"));
    for (std::size_t index = 0; index < m_pinnedGraphs.size(); ++index)
        m_pinnedGraphs[index]->setName(m_pinned->displayLabel(static_cast<int>(index)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double LossPlot::markerIteration() const
{
    return m_marker->point1->key();
}

double LossPlot::plottedLoss(double value) const
{
    if (m_logarithmic && !(value > 0))
        return std::isnan(value) ? value : kLogFloor;
    return value;
}

void LossPlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (m_warningText && (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)) {
        applyStyle();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void LossPlot::rebuildCurve()
{
    const int rows = m_model->lastRow() + 1;
    QVector<double> keys(rows);
    QVector<double> values(rows);
    m_maxLoss = 0;
    m_minPositiveLoss = std::numeric_limits<double>::infinity();
    for (int i = 0; i < rows; ++i) {
        const double loss = m_model->loss(i);
        keys[i] = static_cast<double>(m_model->iteration(i));
        values[i] = plottedLoss(loss);
        if (std::isfinite(loss)) {
            m_maxLoss = std::max(m_maxLoss, loss);
            if (loss > 0)
                m_minPositiveLoss = std::min(m_minPositiveLoss, loss);
        }
    }
    // One call for the whole history: 100,000 rows are one allocation, not 100,000 insertions.
    m_lossGraph->setData(keys, values, true);
    updateSampling();
}

void LossPlot::appendRows(int first, int last)
{
    if (first != m_lossGraph->data()->size()) {
        // Not an append at the end (rows were replaced or inserted elsewhere): start over.
        rebuildCurve();
        return;
    }
    const int count = last - first + 1;
    QVector<double> keys(count);
    QVector<double> values(count);
    for (int i = 0; i < count; ++i) {
        const double loss = m_model->loss(first + i);
        keys[i] = static_cast<double>(m_model->iteration(first + i));
        values[i] = plottedLoss(loss);
        if (std::isfinite(loss)) {
            m_maxLoss = std::max(m_maxLoss, loss);
            if (loss > 0)
                m_minPositiveLoss = std::min(m_minPositiveLoss, loss);
        }
    }
    m_lossGraph->addData(keys, values, true);
    updateSampling();
}

void LossPlot::updateSampling()
{
    // Adaptive sampling draws a steep start as a dashed-looking column; it is only needed for long histories.
    m_lossGraph->setAdaptiveSampling(m_lossGraph->data()->size() > kAdaptiveSamplingRows);
}

void LossPlot::updateRanges()
{
    // x: the iterations asked for, so the axis stays put while a worker appends and a diverged curve visibly
    // stops short.
    long long planned = m_controller->settings().iterations;
    if (!m_model->isEmpty())
        planned = std::max(planned, m_model->iteration(m_model->lastRow()));
    // A run that blew up after a few updates would be a spike at the left edge of a 1000-iteration axis; show
    // the updates it made, with room to see that the curve ends.
    if (isDiverged())
        planned = std::max<long long>(m_model->iteration(m_model->lastRow()) * 5 / 4 + 1, 10);
    // Pinned curves are shown whole: they are what the live run is compared with.
    const double width = std::max({ static_cast<double>(planned), m_pinnedLastIteration, 1.0 });
    m_plot->xAxis->setRange(-0.02 * width, 1.02 * width);

    QCPAxis* axis = m_plot->yAxis;
    const double minimum = minimumLoss();
    if (m_logarithmic) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        const double maxLoss = std::max(m_maxLoss, m_pinnedMaxLoss);
        double high = maxLoss > 0 ? maxLoss : 1.0;
        const double minPositive = std::min(m_minPositiveLoss, m_pinnedMinPositiveLoss);
        double low = std::isfinite(minPositive) ? minPositive : high / 10;
        if (minimum > 0)
            low = std::min(low, minimum);
        low = std::max(low, high * kLogDynamicRange);
        if (!(high > low)) {
            low = high / 2;
            high = high * 2;
        }
        const double decades = std::log10(high / low);
        const double pad = std::pow(10.0, std::max(0.06 * decades, 0.03));
        axis->setRange(low / pad, high * pad);
        if (std::log10(axis->range().upper / axis->range().lower) >= kMinimumLogTickerDecades) {
            auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
            ticker->setLogBase(10);
            // Sub-ticks only while they can be told apart; past a few decades they turn into a grey band.
            ticker->setSubTickCount(decades > 4 ? 0 : 8);
            ticker->setTickCount(5);
            axis->setTicker(ticker);
            axis->setNumberFormat("eb");
            axis->setNumberPrecision(0);
            // Sub-grid lines at 2, 3, … 9 are what makes a log axis readable as one.
            axis->grid()->setSubGridVisible(decades <= 4);
        } else {
            axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
            axis->setNumberFormat("gb");
            axis->setNumberPrecision(4);
            axis->grid()->setSubGridVisible(false);
        }
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->grid()->setSubGridVisible(false);
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        axis->setNumberFormat("gb");
        axis->setNumberPrecision(4);
        const double maxLoss = std::max(m_maxLoss, m_pinnedMaxLoss);
        const double high = maxLoss > 0 ? maxLoss : 1.0;
        axis->setRange(-0.04 * high, 1.08 * high);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::updateMarker()
{
    const bool available = !m_model->isEmpty() && !m_lossGraph->data()->isEmpty();
    m_marker->setVisible(available);
    m_tracer->setVisible(available);
    m_markerLabel->setVisible(available);
    if (!available) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const int row = m_model->currentRow();
    const double k = static_cast<double>(m_model->iteration(row));
    m_marker->point1->setCoords(k, 0);
    m_marker->point2->setCoords(k, 1);
    if (!m_tracer->graph())
        m_tracer->setGraph(m_lossGraph);
    m_tracer->setGraphKey(k);
    m_tracer->updatePosition();
    m_markerLabel->setText(
        tr("k = %1, loss = %2").arg(m_model->iteration(row)).arg(QString::number(m_model->loss(row), 'g', 4)));

    // Keep the label inside the view: left of the marker in the right half, below the dot in the upper half.
    const QCPRange xRange = m_plot->xAxis->range();
    const bool rightHalf = k > xRange.center();
    // Decided in axis coordinates rather than pixels, which are not known before the first layout.
    const QCPRange yRange = m_plot->yAxis->range();
    const double value = plottedLoss(m_model->loss(row));
    const double fraction = m_logarithmic && value > 0 && yRange.lower > 0
        ? std::log(value / yRange.lower) / std::log(yRange.upper / yRange.lower)
        : (value - yRange.lower) / yRange.size();
    const bool upperHalf = fraction > 0.5;
    Qt::Alignment alignment
        = (rightHalf ? Qt::AlignRight : Qt::AlignLeft) | (upperHalf ? Qt::AlignTop : Qt::AlignBottom);
    m_markerLabel->setPositionAlignment(alignment);
    const double offset = 8 * (m_presentation ? 1.5 : 1.0);
    m_markerLabel->position->setCoords(rightHalf ? -offset : offset, upperHalf ? offset : -offset);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::updateLabels()
{
    m_plot->yAxis->setLabel(tr("loss (%1)").arg(QString::fromUtf8(lossName(m_controller->settings().loss))));
}

double LossPlot::minimumLoss() const
{
    const auto& problem = m_controller->problem();
    if (!problem)
        return kNaN;
    const double weight = lossWeight(m_controller->settings().loss, problem->sampleCount());
    const double minimum = weight * m_controller->leastSquares().sumOfSquares;
    // Data on an exact line leave a minimum of rounding noise (1e-28 or so): no floor worth drawing, and it
    // would stretch the log axis over decades the curve never reaches.
    if (!m_model->isEmpty() && minimum < m_model->loss(0) * kMeaningfulMinimum)
        return 0;
    return minimum;
}

void LossPlot::updateMinimum()
{
    const double minimum = minimumLoss();
    // A zero minimum (data on an exact line) has no place on a log axis; the curve diving out says it.
    const bool show = std::isfinite(minimum) && (minimum > 0 || !m_logarithmic);
    m_minimumLine->setVisible(show);
    m_minimumLabel->setVisible(show);
    if (!show)
        return;
    m_minimumLine->point1->setCoords(0, minimum);
    m_minimumLine->point2->setCoords(1, minimum);
    m_minimumLabel->position->setCoords(1.0, minimum);
    m_minimumLabel->setText(tr("least squares: %1").arg(QString::number(minimum, 'g', 4)));
}

bool LossPlot::isDiverged() const
{
    return !m_controller->isComputing() && m_controller->stopReason() == StopReason::Diverged && !m_model->isEmpty();
}

QString LossPlot::warningMessage() const
{
    return m_warningHead.isEmpty() ? QString() : m_warningHead + QLatin1String(": ") + m_warningReason;
}

void LossPlot::updateWarning()
{
    const bool diverged = isDiverged();
    m_warningHead.clear();
    m_warningReason.clear();
    if (diverged) {
        const long long updates = m_model->iteration(m_model->lastRow());
        const SolverSettings& settings = m_controller->settings();
        const double bound = m_controller->stability().divergenceBound;
        const QString rate = QString::number(settings.learningRate, 'g', 3);
        m_warningHead = updates == 1 ? tr("Diverged after 1 update") : tr("Diverged after %1 updates").arg(updates);
        if (bound > 0 && settings.method == DescentMethod::Batch && settings.learningRate > bound)
            m_warningReason
                = tr("learning rate %1 is above the stability bound %2").arg(rate, QString::number(bound, 'g', 3));
        else if (bound > 0)
            // The bound is batch descent's; a sample's or a batch's gradient can diverge below it.
            m_warningReason
                = tr("learning rate %1 is too large for %2 descent (batch bound %3)")
                      .arg(rate, QString::fromUtf8(methodName(settings.method)), QString::number(bound, 'g', 3));
        else
            m_warningReason = tr("learning rate %1 is too large").arg(rate);
    }
    const bool changed = diverged != m_warningText->visible();
    showWarning(diverged);
    wrapWarning();
    if (changed) {
        updateRanges();
        updateMarker();
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::showWarning(bool show)
{
    QCPLayoutGrid* layout = m_plot->plotLayout();
    const bool inLayout = m_warningText->layout() != nullptr;
    if (show && !inLayout) {
        layout->insertRow(0);
        layout->addElement(0, 0, m_warningText);
    } else if (!show && inLayout) {
        layout->take(m_warningText);
        layout->simplify();
    }
    // A taken element is still a layerable: hidden, or it would be drawn at its old place.
    m_warningText->setVisible(show);
}

void LossPlot::wrapWarning()
{
    if (m_warningHead.isEmpty()) {
        m_warningText->setText(QString());
        return;
    }
    // QCPTextElement does not wrap: break the reason into lines that fit the widget, words kept whole.
    const QFontMetrics metrics(m_warningText->font());
    const int available = std::max(m_plot->width() - 24, 120);
    QString text = m_warningHead + QLatin1Char(':');
    QString line;
    for (const QString& word : m_warningReason.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(candidate) > available) {
            text += QLatin1Char('\n') + line;
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty())
        text += QLatin1Char('\n') + line;
    m_warningText->setText(text);
}

void LossPlot::applyStyle()
{
    const double s = m_presentation ? 1.5 : 1.0;
    const QColor text = palette().color(QPalette::Text);
    const QColor base = palette().color(QPalette::Base);
    const QFont labelFont = scaledFont(font(), s);
    const QFont tickFont = scaledFont(font(), 0.9 * s);

    m_plot->setBackground(base);
    QColor gridColour = text;
    gridColour.setAlpha(40);
    QColor subGridColour = text;
    subGridColour.setAlpha(18);
    for (QCPAxis* axis : { m_plot->xAxis, m_plot->yAxis }) {
        axis->setBasePen(QPen(text, s));
        axis->setTickPen(QPen(text, s));
        axis->setSubTickPen(QPen(text, s));
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(labelFont);
        axis->setTickLabelFont(tickFont);
        axis->grid()->setPen(QPen(gridColour, 1));
        axis->grid()->setZeroLinePen(QPen(gridColour, 1));
        axis->grid()->setSubGridPen(QPen(subGridColour, 1));
    }

    // The curve is the history, drawn neutral; the current colour marks where the step-through is now.
    QColor curve = text;
    curve.setAlpha(220);
    m_lossGraph->setPen(QPen(curve, 2.0 * s));

    QColor markerColour = ViewPalette::current();
    markerColour.setAlpha(170);
    m_marker->setPen(QPen(markerColour, 1.5 * s, Qt::DashLine));
    m_tracer->setPen(QPen(base, 1.5 * s));
    m_tracer->setBrush(ViewPalette::current());
    m_tracer->setSize(11 * s);
    m_markerLabel->setFont(scaledFont(font(), 0.9 * s));
    m_markerLabel->setColor(ViewPalette::current().darker(base.lightness() < 128 ? 70 : 115));
    QColor labelBackground = base;
    labelBackground.setAlpha(200);
    m_markerLabel->setBrush(labelBackground);

    m_minimumLine->setPen(QPen(ViewPalette::leastSquares(), 1.5 * s, Qt::DashLine));
    m_minimumLabel->setFont(scaledFont(font(), 0.85 * s));
    m_minimumLabel->setColor(ViewPalette::leastSquares());

    // Pinned runs: thinner than the live curve, each in its own colour from the series.
    for (std::size_t index = 0; index < m_pinnedGraphs.size() && m_pinned; ++index)
        m_pinnedGraphs[index]->setPen(
            QPen(ViewPalette::series(m_pinned->run(static_cast<int>(index)).seriesIndex), 1.4 * s));
    QCPLegend* legend = m_plot->legend;
    legend->setFont(scaledFont(font(), 0.85 * s));
    legend->setTextColor(text);
    QColor legendBase = base;
    legendBase.setAlpha(215);
    legend->setBrush(legendBase);
    QColor legendBorder = text;
    legendBorder.setAlpha(70);
    legend->setBorderPen(QPen(legendBorder, 1));

    QFont warningFont = scaledFont(font(), 1.05 * s);
    warningFont.setBold(true);
    m_warningText->setFont(warningFont);
    m_warningText->setTextColor(ViewPalette::warning());
    m_warningText->setMargins(QMargins(8, 6, 8, 2));
}

} // namespace gdlab
