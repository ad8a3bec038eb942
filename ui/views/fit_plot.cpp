#include "views/fit_plot.h"

#include "dataset.h"

#include "session/iteration_model.h"
#include "session/point_editor.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace gdlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/** Axis ranges: the data's extent plus this fraction of it on each side. */
constexpr double kRangeMargin = 0.08;
/**
 * Lines run this fraction of the data's x extent beyond it on each side, so that they always reach the edges
 * of the view and a test can read them at x = 0 even when the data starts at 1.
 */
constexpr double kLineOverhang = 0.5;
/** Above this many points the markers shrink, so that 10,000 points stay a cloud rather than a blot. */
constexpr Eigen::Index kManyPoints = 1000;
const char* const kGhostLayer = "ghosts";
/** How far from a point (in pixels, before presentation scaling) a press still grabs it. */
constexpr double kGrabDistance = 8.0;
/** A press that moves less than this many pixels before its release is a click, not a drag. */
constexpr double kClickSlop = 4.0;

/**
 * The range kept after an edit: the old one, with a side moved out only where the data left it, by the usual
 * margin of the data's new extent.
 */
QCPRange keptRange(const QCPRange& old, double low, double high)
{
    const double margin = kRangeMargin * std::max(high - low, old.size());
    QCPRange range = old;
    if (low < old.lower)
        range.lower = low - margin;
    if (high > old.upper)
        range.upper = high + margin;
    return range;
}

QCPRange paddedRange(double low, double high)
{
    if (!std::isfinite(low) || !std::isfinite(high))
        return QCPRange(0, 1);
    double span = high - low;
    if (!(span > 0)) {
        // A single value (or a constant column): give it some room instead of an empty range.
        const double pad = std::max(std::abs(low) * 0.1, 1.0);
        return QCPRange(low - pad, high + pad);
    }
    return QCPRange(low - kRangeMargin * span, high + kRangeMargin * span);
}

QString ghostText(long long iteration)
{
    return iteration == 1 ? FitPlot::tr("after 1 step") : FitPlot::tr("after %1 steps").arg(iteration);
}

/**
 * A disc drawn once into a pixmap: blitting it is several times faster than drawing thousands of ellipses,
 * which keeps a 10,000-point replot within a frame.
 */
QCPScatterStyle discPixmapStyle(const QColor& colour, double diameter, qreal devicePixelRatio)
{
    const int side = static_cast<int>(std::ceil(diameter)) + 2;
    QPixmap pixmap(QSize(side, side) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1, 1, diameter, diameter));
    painter.end();
    return QCPScatterStyle(pixmap);
}

/** A two-point line graph read at x. */
double lineAt(const QCPGraph* graph, double x)
{
    const auto data = graph->data();
    if (data->size() != 2)
        return kNaN;
    const auto first = data->constBegin();
    const auto second = first + 1;
    return first->value + (second->value - first->value) * (x - first->key) / (second->key - first->key);
}

QFont scaledFont(const QFont& base, double factor)
{
    QFont font = base;
    const double points = base.pointSizeF() > 0 ? base.pointSizeF() : 9.0;
    font.setPointSizeF(points * factor);
    return font;
}

} // namespace

FitPlot::FitPlot(SessionController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(controller->model())
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    // QCustomPlot's own hint grows with its fonts; four views and a panel must still fit at 1280x720.
    m_plot->setMinimumSize(minimumSizeHint());

    // Ghosts go on their own layer below the main one, so the current line and the data stay on top.
    m_plot->addLayer(kGhostLayer, m_plot->layer("grid"), QCustomPlot::limAbove);

    // Creation order is drawing order on the main layer: residuals under the lines under the points.
    m_residualCurve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_residualCurve->setName(tr("residuals"));
    m_leastSquaresGraph = m_plot->addGraph();
    m_leastSquaresGraph->setName(tr("least squares"));
    m_identityGraph = m_plot->addGraph();
    m_identityGraph->setName(tr("perfect fit (ŷ = y)"));
    m_leastSquaresPredictionGraph = m_plot->addGraph();
    m_leastSquaresPredictionGraph->setName(tr("least squares"));
    m_leastSquaresPredictionGraph->setLineStyle(QCPGraph::lsNone);
    m_currentGraph = m_plot->addGraph();
    m_currentGraph->setName(tr("current fit"));
    m_dataGraph = m_plot->addGraph();
    m_dataGraph->setName(tr("data"));
    m_dataGraph->setLineStyle(QCPGraph::lsNone);
    m_selectionGraph = m_plot->addGraph();
    m_selectionGraph->setName(tr("selected point"));
    m_selectionGraph->setLineStyle(QCPGraph::lsNone);

    m_editor = new PointEditor(m_controller, this);
    connect(m_editor, &PointEditor::refused, this, [this](const QString& message) { refuse(message, m_refusalPos); });
    // An undo or redo may shift rows under the selection; a gesture selects its point again once it is pushed.
    connect(m_editor->undoStack(), &QUndoStack::indexChanged, this, [this] { setSelectedRow(-1); });
    // Clicks give the plot the focus, so that Delete reaches keyPressEvent() through it.
    m_plot->setFocusPolicy(Qt::ClickFocus);
    connect(m_plot, &QCustomPlot::mousePress, this, &FitPlot::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &FitPlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &FitPlot::onMouseRelease);

    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    // Label placement and the legend's room depend on pixel sizes, known only once the plot is laid out.
    connect(m_plot, &QCustomPlot::afterLayout, this, &FitPlot::arrangeOverlays);
    connect(m_controller, &SessionController::problemChanged, this, &FitPlot::onProblemChanged);
    connect(m_controller, &SessionController::settingsChanged, this, [this] {
        updateGhosts();
        updateLegend();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    // A new history (or a worker's batch) may bring the ghosts' iterations and a new current row.
    const auto historyChanged = [this] {
        updateGhosts();
        updateCurrent();
        updateLegend();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, historyChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, historyChanged);
    connect(m_model, &IterationModel::currentRowChanged, this, &FitPlot::updateCurrent);

    rebuildAll();
    updateEditability();
}

FitPlot::~FitPlot()
{
    // QWidget deletes the children after this destructor, the plot before the editor, and the undo stack emits
    // indexChanged while it is cleared: nothing of this view may answer it by then.
    disconnect(m_editor->undoStack(), nullptr, this, nullptr);
}

QSize FitPlot::minimumSizeHint() const
{
    return QSize(220, 160);
}

QSize FitPlot::sizeHint() const
{
    return QSize(480, 340);
}

void FitPlot::setFitMode(FitMode mode)
{
    if (mode == m_fitMode)
        return;
    m_fitMode = mode;
    rebuildAll();
    updateEditability();
    emit fitModeChanged(mode);
}

void FitPlot::setFeature(int featureIndex)
{
    const int count = static_cast<int>(m_features.cols());
    const int clamped = std::clamp(featureIndex, 0, std::max(count - 1, 0));
    if (clamped == m_feature)
        return;
    m_feature = clamped;
    setSelectedRow(-1);
    rebuildAll();
    emit featureChanged(m_feature);
}

QStringList FitPlot::featureNames() const
{
    QStringList names;
    if (!hasProblem())
        return names;
    const Problem& problem = *m_controller->problem();
    const auto& parameterNames = problem.parameterNames();
    for (std::size_t p = problem.hasIntercept() ? 1 : 0; p < parameterNames.size(); ++p)
        names << QString::fromStdString(parameterNames[p]);
    return names;
}

void FitPlot::setShowLeastSquares(bool show)
{
    if (show == m_showLeastSquares)
        return;
    m_showLeastSquares = show;
    updateLegend();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FitPlot::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double FitPlot::currentLineY(double x) const
{
    if (m_fitMode != FeatureVsTarget || m_model->isEmpty())
        return kNaN;
    double intercept = 0;
    double slope = 0;
    if (!lineFor(m_model->theta(m_model->currentRow()), intercept, slope))
        return kNaN;
    return intercept + slope * x;
}

void FitPlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (m_dataGraph && (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)) {
        applyStyle();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

bool FitPlot::hasProblem() const
{
    return m_controller->problem() != nullptr && m_target.size() > 0;
}

bool FitPlot::isUsableTheta(const Eigen::VectorXd& theta) const
{
    const auto& problem = m_controller->problem();
    return problem && theta.size() == problem->parameterCount() && theta.allFinite();
}

bool FitPlot::originalCoefficients(const Eigen::VectorXd& theta, double& intercept, Eigen::VectorXd& weights) const
{
    if (!hasProblem() || !isUsableTheta(theta))
        return false;
    const Problem& problem = *m_controller->problem();
    const Eigen::VectorXd original = problem.toOriginalUnits(theta);
    const Eigen::Index offset = problem.hasIntercept() ? 1 : 0;
    intercept = offset ? original[0] : 0.0;
    weights = original.tail(original.size() - offset);
    return weights.size() == m_features.cols();
}

bool FitPlot::lineFor(const Eigen::VectorXd& theta, double& intercept, double& slope) const
{
    Eigen::VectorXd weights;
    if (!originalCoefficients(theta, intercept, weights))
        return false;
    if (weights.size() == 0) {
        slope = 0; // intercept only: a horizontal line over the row index
        return true;
    }
    // The other features held at their means: the slice of the fitted plane through the data's centre.
    for (Eigen::Index j = 0; j < weights.size(); ++j)
        if (j != m_feature)
            intercept += weights[j] * m_featureMeans[j];
    slope = weights[m_feature];
    return true;
}

bool FitPlot::predictionsFor(const Eigen::VectorXd& theta, Eigen::VectorXd& predictions) const
{
    double intercept = 0;
    Eigen::VectorXd weights;
    if (!originalCoefficients(theta, intercept, weights))
        return false;
    predictions = (m_features * weights).array() + intercept;
    return true;
}

QColor FitPlot::textColour() const
{
    return palette().color(QPalette::Text);
}

QColor FitPlot::dataColour() const
{
    // The shared data colour is a dark grey that vanishes on a dark theme; there the points take the text colour.
    if (palette().color(QPalette::Base).lightness() < 128)
        return textColour();
    return ViewPalette::data();
}

void FitPlot::rebuildAll()
{
    rebuildData();
    updateAxisRanges();
    updateLeastSquares();
    updateGhosts();
    updateCurrent();
    updateLegend();
    // The legend moving to another corner at every added point would distract more than it helps.
    if (!m_keepRanges)
        placeLegend();
    applyStyle();
    updateSelection();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FitPlot::rebuildData()
{
    m_features.resize(0, 0);
    m_target.resize(0);
    m_featureMeans.resize(0);
    m_segmentKeys.clear();
    m_segmentFixed.clear();
    m_sortedRows.clear();
    m_dataGraph->data()->clear();
    m_residualCurve->data()->clear();
    m_plot->xAxis->setLabel(QString());
    m_plot->yAxis->setLabel(QString());

    const auto& problemPointer = m_controller->problem();
    const Dataset& dataset = m_controller->dataset();
    if (!problemPointer || dataset.rowCount() != problemPointer->sampleCount())
        return;
    const Problem& problem = *problemPointer;
    const auto& columns = problem.featureColumns();
    const Eigen::Index rows = dataset.rowCount();
    const Eigen::Index featureCount = static_cast<Eigen::Index>(columns.size());

    m_features.resize(rows, featureCount);
    for (Eigen::Index j = 0; j < featureCount; ++j)
        m_features.col(j) = dataset.values().col(columns[static_cast<std::size_t>(j)]);
    m_target = dataset.values().col(problem.spec().target);
    m_featureMeans = featureCount > 0 ? Eigen::VectorXd(m_features.colwise().mean().transpose()) : Eigen::VectorXd();
    m_feature = std::clamp(m_feature, 0, std::max(static_cast<int>(featureCount) - 1, 0));

    const QString targetName = QString::fromStdString(problem.targetName());
    m_segmentKeys.resize(rows);
    m_segmentFixed.resize(rows);
    if (m_fitMode == FeatureVsTarget) {
        for (Eigen::Index i = 0; i < rows; ++i) {
            // Without any feature (intercept only) the points are spread over their row number.
            m_segmentKeys[i] = featureCount > 0 ? m_features(i, m_feature) : static_cast<double>(i + 1);
            m_segmentFixed[i] = m_target[i];
        }
        m_plot->xAxis->setLabel(featureCount > 0 ? featureNames().value(m_feature) : tr("row"));
        m_plot->yAxis->setLabel(targetName);
    } else {
        for (Eigen::Index i = 0; i < rows; ++i) {
            m_segmentKeys[i] = m_target[i];
            m_segmentFixed[i] = m_target[i]; // the residual runs from ŷ to the identity line
        }
        m_plot->xAxis->setLabel(tr("actual %1").arg(targetName));
        m_plot->yAxis->setLabel(tr("predicted %1").arg(targetName));
    }

    m_sortedRows.resize(static_cast<std::size_t>(rows));
    std::iota(m_sortedRows.begin(), m_sortedRows.end(), Eigen::Index(0));
    std::stable_sort(m_sortedRows.begin(), m_sortedRows.end(),
        [this](Eigen::Index a, Eigen::Index b) { return m_segmentKeys[a] < m_segmentKeys[b]; });

    // The data graph keeps its keys sorted; in PredictedVsActual mode updateCurrent() rewrites only the values.
    QVector<double> keys(rows);
    QVector<double> values(rows);
    for (Eigen::Index j = 0; j < rows; ++j) {
        const Eigen::Index row = m_sortedRows[static_cast<std::size_t>(j)];
        keys[j] = m_segmentKeys[row];
        values[j] = m_fitMode == FeatureVsTarget ? m_target[row] : kNaN;
    }
    m_dataGraph->setData(keys, values, true);

    // One curve for all residuals, three points per segment: the fixed end, the end on the fit, and a NaN gap.
    QVector<double> t(3 * rows);
    QVector<double> segmentKeys(3 * rows);
    QVector<double> segmentValues(3 * rows);
    for (Eigen::Index i = 0; i < rows; ++i) {
        t[3 * i] = 3 * i;
        t[3 * i + 1] = 3 * i + 1;
        t[3 * i + 2] = 3 * i + 2;
        segmentKeys[3 * i] = m_segmentKeys[i];
        segmentKeys[3 * i + 1] = m_segmentKeys[i];
        segmentKeys[3 * i + 2] = kNaN;
        segmentValues[3 * i] = m_segmentFixed[i];
        segmentValues[3 * i + 1] = kNaN;
        segmentValues[3 * i + 2] = kNaN;
    }
    m_residualCurve->setData(t, segmentKeys, segmentValues, true);

    const auto [lowest, highest] = std::minmax_element(m_segmentKeys.cbegin(), m_segmentKeys.cend());
    const double span = std::max(*highest - *lowest, 1e-12);
    m_lineX0 = *lowest - kLineOverhang * span;
    m_lineX1 = *highest + kLineOverhang * span;
}

void FitPlot::updateAxisRanges()
{
    if (!hasProblem()) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
        m_identityGraph->data()->clear();
        return;
    }
    const auto [keyLow, keyHigh] = std::minmax_element(m_segmentKeys.cbegin(), m_segmentKeys.cend());
    double low = m_target.minCoeff();
    double high = m_target.maxCoeff();
    if (m_fitMode == FeatureVsTarget) {
        QCPRange x = paddedRange(*keyLow, *keyHigh);
        QCPRange y = paddedRange(low, high);
        if (m_keepRanges) {
            // After an edit the view stays put, so that the class sees the point and the line move, not the axes.
            x = keptRange(m_plot->xAxis->range(), *keyLow, *keyHigh);
            y = keptRange(m_plot->yAxis->range(), low, high);
        }
        m_plot->xAxis->setRange(x);
        m_plot->yAxis->setRange(y);
        // A kept view can be wider than the data the lines were sized for; they must still reach its edges.
        m_lineX0 = std::min(m_lineX0, x.lower - kLineOverhang * x.size());
        m_lineX1 = std::max(m_lineX1, x.upper + kLineOverhang * x.size());
        return;
    }
    // Predicted against actual: one range on both axes so that y = x is the diagonal; the least-squares
    // predictions are included because they are where the descent is heading.
    Eigen::VectorXd best;
    if (predictionsFor(m_controller->leastSquares().theta, best) && best.allFinite()) {
        low = std::min(low, best.minCoeff());
        high = std::max(high, best.maxCoeff());
    }
    const QCPRange range = paddedRange(low, high);
    m_plot->xAxis->setRange(range);
    m_plot->yAxis->setRange(range);
    const double reach = range.size();
    m_identityGraph->setData(
        { range.lower - reach, range.upper + reach }, { range.lower - reach, range.upper + reach }, true);
}

void FitPlot::updateLeastSquares()
{
    m_leastSquaresGraph->data()->clear();
    m_leastSquaresPredictionGraph->data()->clear();
    if (!hasProblem())
        return;
    const Eigen::VectorXd& theta = m_controller->leastSquares().theta;
    if (m_fitMode == FeatureVsTarget) {
        double intercept = 0;
        double slope = 0;
        if (lineFor(theta, intercept, slope))
            m_leastSquaresGraph->setData(
                { m_lineX0, m_lineX1 }, { intercept + slope * m_lineX0, intercept + slope * m_lineX1 }, true);
        return;
    }
    Eigen::VectorXd best;
    if (!predictionsFor(theta, best))
        return;
    QVector<double> keys(best.size());
    QVector<double> values(best.size());
    for (Eigen::Index j = 0; j < best.size(); ++j) {
        const Eigen::Index row = m_sortedRows[static_cast<std::size_t>(j)];
        keys[j] = m_segmentKeys[row];
        values[j] = best[row];
    }
    m_leastSquaresPredictionGraph->setData(keys, values, true);
}

void FitPlot::updateGhosts()
{
    for (QCPGraph* graph : m_ghostGraphs)
        m_plot->removeGraph(graph);
    for (QCPItemText* label : m_ghostLabels)
        m_plot->removeItem(label);
    m_ghostGraphs.clear();
    m_ghostLabels.clear();
    if (!hasProblem() || m_model->isEmpty() || m_fitMode != FeatureVsTarget)
        return;

    std::vector<long long> iterations = m_controller->ghostIterations();
    std::sort(iterations.begin(), iterations.end());
    iterations.erase(std::unique(iterations.begin(), iterations.end()), iterations.end());
    const long long lastIteration = m_model->iteration(m_model->lastRow());
    // Labels sit at the right edge of the view, where the lines are furthest apart when they pivot round the
    // data's centre.
    const double labelX = m_plot->xAxis->range().upper;
    for (long long iteration : iterations) {
        if (iteration < 0 || iteration > lastIteration)
            continue;
        double intercept = 0;
        double slope = 0;
        if (!lineFor(m_model->theta(m_model->rowForIteration(iteration)), intercept, slope))
            continue;
        QCPGraph* graph = m_plot->addGraph();
        graph->setLayer(kGhostLayer);
        graph->setName(tr("earlier fits"));
        graph->setData({ m_lineX0, m_lineX1 }, { intercept + slope * m_lineX0, intercept + slope * m_lineX1 }, true);
        m_ghostGraphs.push_back(graph);

        auto* label = new QCPItemText(m_plot);
        label->setLayer(kGhostLayer);
        label->setText(ghostText(iteration));
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        label->position->setCoords(labelX, intercept + slope * labelX);
        label->setPadding(QMargins(2, 0, 4, 1));
        m_ghostLabels.push_back(label);
    }
    applyStyle();
}

void FitPlot::updateCurrent()
{
    const bool available = hasProblem() && !m_model->isEmpty() && isUsableTheta(m_model->theta(m_model->currentRow()));
    Eigen::VectorXd predictions;
    if (available)
        predictionsFor(m_model->theta(m_model->currentRow()), predictions);
    const Eigen::Index rows = m_target.size();
    const bool havePredictions = available && predictions.size() == rows;

    // Residuals change with every step; their values are rewritten in place, the keys never move.
    auto residuals = m_residualCurve->data();
    if (residuals->size() == 3 * rows) {
        auto it = residuals->begin();
        for (Eigen::Index i = 0; i < rows; ++i)
            (it + 3 * i + 1)->value = havePredictions ? predictions[i] : kNaN;
    }

    if (m_fitMode == PredictedVsActual) {
        m_currentGraph->data()->clear();
        auto points = m_dataGraph->data();
        if (points->size() == rows) {
            auto it = points->begin();
            for (Eigen::Index j = 0; j < rows; ++j)
                (it + j)->value = havePredictions ? predictions[m_sortedRows[static_cast<std::size_t>(j)]] : kNaN;
        }
        m_dataGraph->setName(available ? tr("predictions (iteration %1)").arg(m_model->iteration(m_model->currentRow()))
                                       : tr("predictions"));
    } else {
        double intercept = 0;
        double slope = 0;
        if (available && lineFor(m_model->theta(m_model->currentRow()), intercept, slope)) {
            m_currentGraph->setData(
                { m_lineX0, m_lineX1 }, { intercept + slope * m_lineX0, intercept + slope * m_lineX1 }, true);
            m_currentGraph->setName(tr("current fit (iteration %1)").arg(m_model->iteration(m_model->currentRow())));
        } else {
            m_currentGraph->data()->clear();
            m_currentGraph->setName(tr("current fit"));
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FitPlot::updateLegend()
{
    const bool featureMode = m_fitMode == FeatureVsTarget;
    m_currentGraph->setVisible(featureMode);
    m_leastSquaresGraph->setVisible(featureMode && m_showLeastSquares);
    m_identityGraph->setVisible(!featureMode);
    m_leastSquaresPredictionGraph->setVisible(!featureMode && m_showLeastSquares);
    if (featureMode)
        m_dataGraph->setName(tr("data"));

    QCPLegend* legend = m_plot->legend;
    legend->clearItems();
    m_dataGraph->addToLegend();
    if (featureMode) {
        m_currentGraph->addToLegend();
        if (m_showLeastSquares)
            m_leastSquaresGraph->addToLegend();
        // One entry stands for every ghost: each line carries its own label.
        if (!m_ghostGraphs.empty())
            m_ghostGraphs.front()->addToLegend();
    } else {
        m_identityGraph->addToLegend();
        if (m_showLeastSquares)
            m_leastSquaresPredictionGraph->addToLegend();
    }
}

void FitPlot::placeLegend()
{
    Qt::Alignment corner = Qt::AlignTop | Qt::AlignLeft;
    if (m_fitMode == FeatureVsTarget && hasProblem()) {
        // Put the legend in the corner with the fewest points; the data usually leaves one empty.
        const QCPRange xRange = m_plot->xAxis->range();
        const QCPRange yRange = m_plot->yAxis->range();
        int counts[4] = { 0, 0, 0, 0 }; // top-left, top-right, bottom-left, bottom-right
        for (Eigen::Index i = 0; i < m_target.size(); ++i) {
            const double u = (m_segmentKeys[i] - xRange.lower) / xRange.size();
            const double v = (m_segmentFixed[i] - yRange.lower) / yRange.size();
            if (u > 0.45 && u < 0.55)
                continue;
            if (v > 0.4 && v < 0.6)
                continue;
            ++counts[(v < 0.5 ? 2 : 0) + (u < 0.5 ? 0 : 1)];
        }
        const Qt::Alignment corners[4] = { Qt::AlignTop | Qt::AlignLeft, Qt::AlignTop | Qt::AlignRight,
            Qt::AlignBottom | Qt::AlignLeft, Qt::AlignBottom | Qt::AlignRight };
        corner = corners[std::min_element(std::begin(counts), std::end(counts)) - std::begin(counts)];
    }
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, corner);
}

void FitPlot::arrangeOverlays()
{
    // A legend that would cover most of a small view (a 1280x720 screen split four ways and more) is dropped;
    // the colours are the same in every view and the large view has it.
    const QRect area = m_plot->axisRect()->rect();
    const QSize legendSize = m_plot->legend->minimumOuterSizeHint();
    m_plot->legend->setVisible(legendSize.width() <= 0.6 * area.width() && legendSize.height() <= 0.5 * area.height());

    if (m_ghostLabels.empty())
        return;
    // Ghost labels sit at the right edge on their lines; where lines run close together (late iterations
    // near the optimum) they are pushed apart, keeping the lines' top-to-bottom order, and kept inside the view.
    QCPAxis* yAxis = m_plot->yAxis;
    const double right = m_plot->xAxis->range().upper;
    struct Placement {
        QCPItemText* label;
        double pixelY;
    };
    std::vector<Placement> placements;
    double height = 0;
    const QCPRange xRange = m_plot->xAxis->range();
    const QCPRange yRange = yAxis->range();
    for (std::size_t i = 0; i < m_ghostLabels.size() && i < m_ghostGraphs.size(); ++i) {
        QCPItemText* label = m_ghostLabels[i];
        const double y = lineAt(m_ghostGraphs[i], right);
        const double yLeft = lineAt(m_ghostGraphs[i], xRange.lower);
        // A line that misses the view entirely (both ends above or both below) gets no label pinned to an edge.
        const bool seen = std::isfinite(y) && std::isfinite(yLeft)
            && !((y > yRange.upper && yLeft > yRange.upper) || (y < yRange.lower && yLeft < yRange.lower));
        label->setVisible(seen);
        if (!seen)
            continue;
        placements.push_back({ label, yAxis->coordToPixel(y) });
        const QMargins padding = label->padding();
        height = std::max(height, double(QFontMetrics(label->font()).height() + padding.top() + padding.bottom()));
    }
    std::stable_sort(placements.begin(), placements.end(),
        [](const Placement& a, const Placement& b) { return a.pixelY < b.pixelY; });
    // The labels hang above their points (AlignBottom), so a label needs `height` pixels above its y.
    const double top = area.top() + height;
    const double bottom = area.bottom();
    for (std::size_t i = 0; i < placements.size(); ++i) {
        double& y = placements[i].pixelY;
        y = std::clamp(y, top, bottom);
        if (i > 0)
            y = std::max(y, placements[i - 1].pixelY + height);
    }
    for (std::size_t i = placements.size(); i-- > 0;) {
        double& y = placements[i].pixelY;
        y = std::min(y, bottom);
        if (i + 1 < placements.size())
            y = std::min(y, placements[i + 1].pixelY - height);
    }
    for (const Placement& placement : placements)
        placement.label->position->setCoords(right, yAxis->pixelToCoord(placement.pixelY));
}

void FitPlot::applyStyle()
{
    const double s = scale();
    const QColor text = textColour();
    const QColor base = palette().color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    const QFont labelFont = scaledFont(font(), s);
    const QFont tickFont = scaledFont(font(), 0.9 * s);

    m_plot->setBackground(base);
    QColor gridColour = text;
    gridColour.setAlpha(40);
    for (QCPAxis* axis : { m_plot->xAxis, m_plot->yAxis }) {
        axis->setBasePen(QPen(text, s));
        axis->setTickPen(QPen(text, s));
        axis->setSubTickPen(QPen(text, s));
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(labelFont);
        axis->setTickLabelFont(tickFont);
        axis->grid()->setPen(QPen(gridColour, 1, Qt::SolidLine));
        axis->grid()->setZeroLinePen(QPen(gridColour, 1, Qt::SolidLine));
    }

    QCPLegend* legend = m_plot->legend;
    legend->setFont(scaledFont(font(), 0.9 * s));
    legend->setTextColor(text);
    QColor legendBackground = base;
    legendBackground.setAlpha(200); // the data behind it stays faintly visible
    legend->setBrush(legendBackground);
    QColor legendBorder = text;
    legendBorder.setAlpha(90);
    legend->setBorderPen(QPen(legendBorder));
    legend->setIconSize(QSize(int(24 * s), int(12 * s)));

    const bool many = m_target.size() > kManyPoints;
    const double pointSize = (many ? 3.5 : 8.0) * s;
    const QColor pointColour = m_fitMode == FeatureVsTarget ? dataColour() : ViewPalette::current();
    m_dataGraph->setPen(QPen(pointColour));
    m_dataGraph->setScatterStyle(many ? discPixmapStyle(pointColour, pointSize, devicePixelRatioF())
                                      : QCPScatterStyle(QCPScatterStyle::ssDisc, pointColour, pointSize));
    m_currentGraph->setPen(QPen(ViewPalette::current(), 3.0 * s));
    QPen leastSquaresPen(ViewPalette::leastSquares(), 2.0 * s, Qt::DashLine);
    m_leastSquaresGraph->setPen(leastSquaresPen);
    QColor mutedLeastSquares = ViewPalette::leastSquares();
    mutedLeastSquares.setAlpha(150);
    m_leastSquaresPredictionGraph->setPen(QPen(mutedLeastSquares));
    m_leastSquaresPredictionGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(mutedLeastSquares, 1.2 * s), Qt::NoBrush, pointSize));
    QColor identityColour = text;
    identityColour.setAlpha(170);
    m_identityGraph->setPen(QPen(identityColour, 1.5 * s, Qt::DashDotLine));
    m_residualCurve->setPen(QPen(ViewPalette::residual(), (many ? 1.0 : 2.2) * s));
    m_residualCurve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    m_residualCurve->setLineStyle(QCPCurve::lsLine);
    // Antialiasing thousands of markers and segments costs more than a frame; at that density it is not seen.
    m_dataGraph->setAntialiasedScatters(!many);
    m_leastSquaresPredictionGraph->setAntialiasedScatters(!many);
    m_residualCurve->setAntialiased(!many);
    // A ring in the current colour around the selected point: it reads as "this one" without hiding it.
    const QPen ringPen(ViewPalette::current(), 2.5 * s);
    m_selectionGraph->setPen(ringPen);
    m_selectionGraph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, ringPen, Qt::NoBrush, std::max(pointSize, 8.0 * s) + 8.0 * s));

    // The ghost grey is fine for thin lines; text needs a little more contrast on either background.
    const QColor ghostText = dark ? ViewPalette::ghost().lighter(130) : ViewPalette::ghost().darker(130);
    for (QCPGraph* graph : m_ghostGraphs)
        graph->setPen(QPen(ViewPalette::ghost(), 1.3 * s));
    QColor labelBackground = base;
    labelBackground.setAlpha(170); // readable over points and grid, without hiding them
    for (QCPItemText* label : m_ghostLabels) {
        label->setFont(scaledFont(font(), 0.85 * s));
        label->setColor(ghostText);
        label->setBrush(labelBackground);
    }
}

void FitPlot::setEditable(bool editable)
{
    if (editable == m_editRequested)
        return;
    m_editRequested = editable;
    updateEditability();
}

bool FitPlot::canEditPoints() const
{
    return m_fitMode == FeatureVsTarget && hasProblem() && m_editor->canEdit();
}

QString FitPlot::editingUnavailableReason() const
{
    if (canEditPoints())
        return QString();
    if (!hasProblem())
        return tr("Load data to edit its points.");
    if (!m_editor->canEdit())
        return tr("Points can be edited only for data with one feature: with several, a point on this view "
                  "is not a whole data row.");
    return tr("Points can be edited in the “y against x” view, not in predicted against actual.");
}

QUndoStack* FitPlot::undoStack() const
{
    return m_editor->undoStack();
}

void FitPlot::setSelectedRow(int row)
{
    if (row < 0 || row >= m_target.size() || !m_editable)
        row = -1;
    if (row == m_selectedRow)
        return;
    m_selectedRow = row;
    updateSelection();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    emit selectedRowChanged(row);
}

void FitPlot::keyPressEvent(QKeyEvent* event)
{
    if (!m_editable) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        // The selected point first (it is the one drawn highlighted), else the one under the mouse.
        const QPoint cursor = m_plot->mapFromGlobal(QCursor::pos());
        const int row = m_selectedRow >= 0 ? m_selectedRow : pointAt(cursor);
        if (row >= 0) {
            removeRow(row, cursor);
            event->accept();
            return;
        }
    } else if (event->key() == Qt::Key_Escape && m_selectedRow >= 0) {
        setSelectedRow(-1);
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FitPlot::onProblemChanged()
{
    const bool ownEdit = m_editor->isApplying();
    // Another data set or other columns: a selected row number would point at an unrelated point.
    if (!ownEdit && m_selectedRow >= 0) {
        m_selectedRow = -1;
        emit selectedRowChanged(-1);
    }
    m_pressButton = Qt::NoButton;
    m_dragging = false;
    m_keepRanges = ownEdit && m_fitMode == FeatureVsTarget;
    rebuildAll();
    m_keepRanges = false;
    if (m_selectedRow >= m_target.size()) {
        m_selectedRow = -1;
        updateSelection();
        emit selectedRowChanged(-1);
    }
    updateEditability();
}

void FitPlot::updateEditability()
{
    const bool editable = m_editRequested && canEditPoints();
    if (!editable) {
        m_pressButton = Qt::NoButton;
        m_dragging = false;
        setSelectedRow(-1);
    }
    // Hover feedback (the hand over a point) needs move events without a button held.
    m_plot->setMouseTracking(editable);
    if (editable == m_editable)
        return;
    m_editable = editable;
    updateCursor(-1);
    emit editableChanged(editable);
}

void FitPlot::updateSelection()
{
    if (m_selectedRow >= 0 && m_selectedRow < m_segmentKeys.size() && m_fitMode == FeatureVsTarget)
        m_selectionGraph->setData({ m_segmentKeys[m_selectedRow] }, { m_segmentFixed[m_selectedRow] }, true);
    else
        m_selectionGraph->data()->clear();
}

void FitPlot::updateCursor(int hoveredRow)
{
    if (!m_editable)
        m_plot->unsetCursor();
    else if (m_dragging)
        m_plot->setCursor(Qt::ClosedHandCursor);
    else if (hoveredRow >= 0)
        m_plot->setCursor(Qt::OpenHandCursor);
    else
        m_plot->setCursor(Qt::CrossCursor);
}

int FitPlot::pointAt(const QPointF& pixel) const
{
    // A point under the (translucent) legend can still be grabbed; only adding there is ruled out.
    if (m_fitMode != FeatureVsTarget || !hasProblem() || !m_plot->axisRect()->rect().contains(pixel.toPoint()))
        return -1;
    const double reach = kGrabDistance * scale();
    double best = reach * reach;
    int bestRow = -1;
    for (int i = 0; i < m_segmentKeys.size(); ++i) {
        const double dx = m_plot->xAxis->coordToPixel(m_segmentKeys[i]) - pixel.x();
        const double dy = m_plot->yAxis->coordToPixel(m_segmentFixed[i]) - pixel.y();
        const double distance = dx * dx + dy * dy;
        // On ties the later row wins: it is drawn on top.
        if (distance <= best) {
            best = distance;
            bestRow = i;
        }
    }
    return bestRow;
}

bool FitPlot::isOnPlotArea(const QPointF& pixel) const
{
    if (!m_plot->axisRect()->rect().contains(pixel.toPoint()))
        return false;
    // The legend sits inside the axis rectangle; a click on it is not a click on the data.
    return !(m_plot->legend->visible() && m_plot->legend->outerRect().contains(pixel.toPoint()));
}

QPointF FitPlot::clampedToAxisRect(const QPointF& pixel) const
{
    const QRect area = m_plot->axisRect()->rect();
    return QPointF(std::clamp(pixel.x(), double(area.left()), double(area.right())),
        std::clamp(pixel.y(), double(area.top()), double(area.bottom())));
}

void FitPlot::onMousePress(QMouseEvent* event)
{
    m_pressButton = Qt::NoButton;
    m_dragging = false;
    if (!m_editable)
        return;
    const QPointF pos = event->position();
    const int row = pointAt(pos);
    if (event->button() == Qt::RightButton) {
        if (row >= 0)
            removeRow(row, pos.toPoint());
        return;
    }
    if (event->button() != Qt::LeftButton || (row < 0 && !isOnPlotArea(pos)))
        return;
    m_pressButton = Qt::LeftButton;
    m_pressPos = pos;
    m_pressRow = row;
    if (row >= 0)
        setSelectedRow(row);
}

void FitPlot::onMouseMove(QMouseEvent* event)
{
    if (!m_editable)
        return;
    const QPointF pos = event->position();
    if (m_pressButton != Qt::LeftButton || m_pressRow < 0) {
        updateCursor(pointAt(pos));
        return;
    }
    if (!m_dragging && QLineF(pos, m_pressPos).length() < kClickSlop)
        return;
    m_dragging = true;
    updateCursor(m_pressRow);
    const QPointF target = clampedToAxisRect(pos);
    previewMove(m_pressRow, m_plot->xAxis->pixelToCoord(target.x()), m_plot->yAxis->pixelToCoord(target.y()));
}

void FitPlot::onMouseRelease(QMouseEvent* event)
{
    const Qt::MouseButton pressed = m_pressButton;
    const bool dragging = m_dragging;
    const int row = m_pressRow;
    m_pressButton = Qt::NoButton;
    m_dragging = false;
    m_pressRow = -1;
    if (!m_editable || pressed != Qt::LeftButton || event->button() != Qt::LeftButton)
        return;
    const QPointF pos = event->position();
    if (row >= 0) {
        if (!dragging && QLineF(pos, m_pressPos).length() < kClickSlop)
            return; // a click on a point only selects it
        // The data and the trajectory change once, on release: a drag through a large data set stays smooth.
        const QPointF target = clampedToAxisRect(pos);
        const double x = m_plot->xAxis->pixelToCoord(target.x());
        const double y = m_plot->yAxis->pixelToCoord(target.y());
        m_refusalPos = target.toPoint();
        if (!m_editor->movePoint(row, x, y))
            rebuildAll(); // the preview goes back to the data as it is
        setSelectedRow(row);
        updateCursor(row);
        return;
    }
    if (QLineF(pos, m_pressPos).length() >= kClickSlop || !isOnPlotArea(pos))
        return; // a drag over empty space is not a click
    const int newRow = static_cast<int>(m_editor->rowCount());
    m_refusalPos = pos.toPoint();
    if (m_editor->addPoint(m_plot->xAxis->pixelToCoord(pos.x()), m_plot->yAxis->pixelToCoord(pos.y())))
        setSelectedRow(newRow);
    updateCursor(pointAt(pos));
}

void FitPlot::previewMove(int row, double x, double y)
{
    if (row < 0 || row >= m_segmentKeys.size())
        return;
    QVector<double> keys = m_segmentKeys;
    QVector<double> values = m_segmentFixed;
    keys[row] = x;
    values[row] = y;
    m_dataGraph->setData(keys, values);
    // The dragged point's residual follows it to the current line; the others stay.
    auto residuals = m_residualCurve->data();
    if (residuals->size() == 3 * m_segmentKeys.size()) {
        auto it = residuals->begin() + 3 * row;
        it->key = x;
        it->value = y;
        (it + 1)->key = x;
        (it + 1)->value = currentLineY(x);
    }
    m_selectionGraph->setData({ x }, { y }, true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FitPlot::removeRow(int row, const QPoint& where)
{
    m_refusalPos = where;
    if (m_editor->removePoint(row))
        setSelectedRow(-1);
}

void FitPlot::refuse(const QString& message, const QPoint& where)
{
    // Said where the teacher is looking (at the point) and on the status line for whoever missed it.
    QToolTip::showText(m_plot->mapToGlobal(where), message, m_plot);
    emit statusMessage(message);
}

} // namespace gdlab
