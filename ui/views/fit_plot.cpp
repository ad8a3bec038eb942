#include "views/fit_plot.h"

#include "run.h"

#include "session/iteration_model.h"
#include "views/fit_axes.h"
#include "views/fit_class_map.h"
#include "views/fit_curve.h"
#include "views/fit_ghosts.h"
#include "views/fit_legend_entries.h"
#include "views/fit_legend_layout.h"
#include "views/fit_point_gestures.h"
#include "views/fit_sample_note.h"
#include "views/fit_sample_ring.h"
#include "views/fit_threshold_layer.h"
#include "views/legend_row.h"
#include "views/off_frame_indicator.h"
#include "views/plot_style.h"
#include "views/tick_density.h"
#include "views/view_palette.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gdlab {

namespace {

const char* const kShadingLayer = "shading";
const char* const kGhostLayer = "ghosts";
const char* const kResidualLayer = "residuals";
const char* const kPointLayer = "points";

} // namespace

FitPlot::FitPlot(const IterationModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_plot(new QCustomPlot(this))
{
    new TickDensity(m_plot);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    // QCustomPlot's own hint grows with its fonts; four views and a panel must still fit at 1280x720.
    m_plot->setMinimumSize(minimumSizeHint());
    createLayers();
    connectGestures();

    // Label placement and the legend's room depend on pixel sizes, known only once the plot is laid out.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        m_legend->arrange(m_ghosts->layer(), m_data->points(),
            FitDataLayer::pointSize(PlotStyle(*this, m_presentation), m_points.count()));
    });
    connect(m_model, &IterationModel::runReset, this, &FitPlot::onRunReset);
    connect(m_model, &IterationModel::rowsAppended, this, &FitPlot::onRowsAppended);
    connect(m_model, &IterationModel::currentRowChanged, this, &FitPlot::updateCurrent);
    // Nothing here depends on a run's outcome, so runFinished is not needed: its last rows come as rowsAppended.

    m_points.reset(m_model->run());
    m_fitMode = defaultMode();
    rebuild();
    updateEditability();
}

FitPlot::~FitPlot() = default;

void FitPlot::createLayers()
{
    // A class map's shading under the grid, ghosts under everything else, residuals under the lines (on "main"),
    // the points on top of the lines.
    m_plot->addLayer(kShadingLayer, m_plot->layer("grid"), QCustomPlot::limBelow);
    m_plot->addLayer(kGhostLayer, m_plot->layer("grid"), QCustomPlot::limAbove);
    m_plot->addLayer(kResidualLayer, m_plot->layer(kGhostLayer), QCustomPlot::limAbove);
    m_plot->addLayer(kPointLayer, m_plot->layer("main"), QCustomPlot::limAbove);
    m_plot->addLayer(QStringLiteral("arrow"), m_plot->layer(kPointLayer), QCustomPlot::limAbove);
    QCPLayer* lines = m_plot->layer("main");

    m_data = std::make_unique<FitDataLayer>(m_plot, m_plot->layer(kResidualLayer), m_plot->layer(kPointLayer));
    // On one layer, creation order is drawing order: the current line over the least-squares one.
    m_leastSquares = std::make_unique<FitLineLayer>(m_plot, lines, &ViewPalette::leastSquares, 2.0, Qt::DashLine);
    m_predictions = std::make_unique<FitPredictionLayer>(m_plot, lines);
    m_current = std::make_unique<FitLineLayer>(m_plot, lines, &ViewPalette::current, 3.0, Qt::SolidLine);
    m_ghosts = std::make_unique<FitGhosts>(m_plot, m_plot->layer(kGhostLayer));
    m_sample = std::make_unique<FitSampleRing>(m_plot, m_plot->layer(kPointLayer));
    m_classMap = std::make_unique<FitClassMap>(m_plot, m_plot->layer(kShadingLayer), lines, m_plot->layer(kPointLayer));
    m_threshold = std::make_unique<FitThresholdLayer>(m_plot, m_plot->layer(kGhostLayer), m_plot->layer(kPointLayer));
    m_legend = std::make_unique<FitLegendLayout>(m_plot);
    m_legendRow = new LegendRow(m_plot, this);
    m_axes = std::make_unique<FitAxes>(m_plot);
    m_lineOffFrame = new OffFrameIndicator(m_plot, this);
    m_sampleNote = new FitSampleNote(m_plot, this);

    m_data->residuals()->setName(tr("residuals"));
    m_data->selection()->setName(tr("selected point"));
    m_leastSquares->graph()->setName(tr("least squares"));
    m_predictions->identity()->setName(tr("perfect fit (ŷ = y)"));
    m_predictions->leastSquares()->setName(tr("least squares"));
    m_current->graph()->setName(tr("current fit"));
}

void FitPlot::connectGestures()
{
    m_gestures = new FitPointGestures(m_plot, &m_points, this);
    connect(m_gestures, &FitPointGestures::selectionChanged, this, [this](int row) {
        m_data->setSelected(m_points, row);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        emit selectedRowChanged(row);
    });
    connect(m_gestures, &FitPointGestures::previewRequested, this, [this](int row, double x, double y) {
        m_data->preview(m_points, row, x, editedTarget(y), currentLineY(x));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_gestures, &FitPointGestures::addRequested, this, [this](double x, double y, QPoint where) {
        requestEdit(m_points.count(), where); // the new point is appended: select it once it is there
        emit pointAddRequested(x, editedTarget(y));
    });
    connect(m_gestures, &FitPointGestures::moveRequested, this, [this](int row, double x, double y, QPoint where) {
        requestEdit(row, where);
        emit pointMoveRequested(row, x, editedTarget(y));
    });
    connect(m_gestures, &FitPointGestures::removeRequested, this, [this](int row, QPoint where) {
        requestEdit(-1, where);
        emit pointRemoveRequested(row);
    });
}

double FitPlot::editedTarget(double y) const
{
    // A logistic run's target is a class: a point goes to the class nearest to where it is dropped.
    return m_points.isSigmoid() ? (y >= 0.5 ? 1.0 : 0.0) : y;
}

void FitPlot::requestEdit(int selectAfter, const QPoint& where)
{
    m_pendingSelection = selectAfter;
    m_refusalPos = where;
}

void FitPlot::showRefusal(const QString& message)
{
    m_pendingSelection = -1;
    // A refused move leaves its preview where the mouse let go: the points go back to the data as it is.
    m_data->setPoints(m_points);
    updateCurrent();
    m_data->setSelected(m_points, selectedRow());
    // Said where the teacher is looking: at the point or the click.
    QToolTip::showText(m_plot->mapToGlobal(m_refusalPos), message, m_plot);
}

QSize FitPlot::minimumSizeHint() const
{
    return QSize(220, 160);
}

QSize FitPlot::sizeHint() const
{
    return QSize(480, 340);
}

void FitPlot::onRunReset(RunCause cause)
{
    if (!changesProblem(cause)) {
        // The same data and problem: only the history's lines change; the data, axes and legend place stay.
        ++m_refreshCount;
        updateGhosts();
        updateCurrent();
        updateLegend();
        return;
    }
    // Only this view's own edit selects its point again; other data would put a selected row elsewhere.
    const int selection = cause == RunCause::EditedPoints ? m_pendingSelection : -1;
    m_pendingSelection = -1;
    m_gestures->cancel();
    const auto featuresBefore = m_points.lines().featureCount();
    m_points.reset(m_model->run());
    // Other data, or a first second feature, opens on the view that reads for it; the class's own choice stays.
    const bool newData = cause == RunCause::NewLesson || cause == RunCause::NewData;
    const bool secondFeature = featuresBefore <= 1 && m_points.lines().featureCount() > 1;
    const FitMode mode = newData || secondFeature ? defaultMode() : m_fitMode;
    const bool modeChanged = mode != m_fitMode;
    m_fitMode = mode;
    m_keepRanges = cause == RunCause::EditedPoints && m_fitMode == FeatureVsTarget;
    rebuild();
    m_keepRanges = false;
    updateEditability();
    m_gestures->select(selection);
    if (modeChanged)
        emit fitModeChanged(m_fitMode);
}

FitPlot::FitMode FitPlot::defaultMode() const
{
    // With several features no line against one of them is the fit; predicted against actual shows all of it. A
    // logistic run's map of the classes shows its whole fit.
    return m_points.lines().featureCount() > 1 && !m_points.isLogistic() ? PredictedVsActual : FeatureVsTarget;
}

void FitPlot::onRowsAppended()
{
    // A streaming run reaches the ghosts' iterations one after another; only then are they redrawn.
    if (!m_ghosts->isOutdated(*m_model, drawsGhosts()))
        return;
    updateGhosts();
    updateLegend();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FitPlot::setFitMode(FitMode mode)
{
    if (mode == m_fitMode)
        return;
    m_fitMode = mode;
    rebuild();
    updateEditability();
    emit fitModeChanged(mode);
}

void FitPlot::setFeature(int featureIndex)
{
    const auto count = static_cast<int>(m_points.lines().featureCount());
    const int clamped = std::clamp(featureIndex, 0, std::max(count - 1, 0));
    if (clamped == m_feature)
        return;
    m_feature = clamped;
    setSelectedRow(-1);
    // Predicted against actual draws no feature: the choice waits until the view is against one again.
    if (m_fitMode == FeatureVsTarget)
        rebuild();
    emit featureChanged(m_feature);
}

QStringList FitPlot::featureNames() const
{
    QStringList names;
    const Run* run = m_model->run();
    if (!run)
        return names;
    const auto& parameterNames = run->problem->parameterNames();
    for (std::size_t p = run->problem->hasIntercept() ? 1 : 0; p < parameterNames.size(); ++p)
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
    // Larger, the legend would cover the data: it moves below the plot, and back to its corner after.
    m_legendRow->setOutside(on);
    if (!on)
        m_legend->placeLegend(m_points);
    applyStyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double FitPlot::currentLineY(double x) const
{
    if (m_fitMode != FeatureVsTarget || m_model->isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    const auto line = m_points.line(m_model->theta(m_model->currentRow()));
    return line ? FitCurve::at(*line, m_points.isSigmoid(), x) : std::numeric_limits<double>::quiet_NaN();
}

void FitPlot::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (m_data && (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)) {
        applyStyle();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

bool FitPlot::hasProblem() const
{
    return m_model->run() != nullptr && !m_points.isEmpty();
}

void FitPlot::rebuild()
{
    ++m_refreshCount;
    m_points.arrange(m_fitMode == FeatureVsTarget, m_feature);
    if (hasProblem() && m_points.feature() != m_feature) {
        m_feature = m_points.feature(); // fewer features than before
        emit featureChanged(m_feature);
    }
    if (hasProblem() && !m_model->isEmpty())
        m_points.follow(m_model->theta(m_model->currentRow()));
    m_data->setPoints(m_points);
    m_classMap->setShown(hasProblem() && m_points.isClassMap());
    m_classMap->setPoints(m_points);
    updateAxisLabels();
    updateAxisRanges();
    updateLeastSquares();
    updateGhosts();
    updateCurrent();
    updateLegend();
    // The legend moving to another corner at every added point would distract more than it helps.
    if (!m_keepRanges)
        m_legend->placeLegend(m_points);
    applyStyle();
    m_data->setSelected(m_points, selectedRow());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FitPlot::updateAxisLabels()
{
    const Run* run = m_model->run();
    const bool problem = hasProblem();
    m_axes->setLabels(m_points, problem ? QString::fromStdString(run->problem->targetName()) : QString(),
        featureNames(), m_model->parameterSymbols(), problem && run->problem->hasIntercept());
}

void FitPlot::updateAxisRanges()
{
    if (!hasProblem()) {
        m_axes->clear();
        m_predictions->clear();
    } else if (m_fitMode == FeatureVsTarget) {
        m_axes->fitFeature(m_points, m_keepRanges, *m_model);
    } else {
        m_predictions->setIdentity(m_axes->fitActual(m_points, *m_model));
    }
}

void FitPlot::updateLeastSquares()
{
    m_leastSquares->setLine(std::nullopt, 0, 0);
    m_predictions->setLeastSquares(m_points, nullptr);
    // The linear model's least squares, a logistic one's optimum (none on separable data).
    const Eigen::VectorXd* optimum = hasProblem() ? m_model->run()->optimum() : nullptr;
    m_classMap->setOptimum(m_points, optimum);
    if (!optimum)
        return;
    const Eigen::VectorXd& theta = *optimum;
    if (m_fitMode == FeatureVsTarget) {
        m_leastSquares->setLine(m_points.line(theta), m_points.lineStart(), m_points.lineEnd(), m_points.isSigmoid());
        return;
    }
    const auto best = m_points.predictions(theta);
    m_predictions->setLeastSquares(m_points, best ? &*best : nullptr);
}

bool FitPlot::drawsGhosts() const
{
    return hasProblem() && m_fitMode == FeatureVsTarget;
}

void FitPlot::updateGhosts()
{
    // Labels start at the right edge of the view, where the lines are furthest apart when they pivot round the
    // data's centre; FitLegendLayout moves them off each other and the points.
    m_ghosts->update(*m_model, m_points, drawsGhosts(), m_plot->xAxis->range().upper);
    m_ghosts->layer().applyStyle(PlotStyle(*this, m_presentation));
}

void FitPlot::updateCurrent()
{
    const bool available = hasProblem() && !m_model->isEmpty();
    const int row = m_model->currentRow();
    const Eigen::VectorXd theta = available ? Eigen::VectorXd(m_model->theta(row)) : Eigen::VectorXd();
    if (available)
        m_points.follow(theta);
    const auto ends = available ? m_points.fitEnds(theta) : std::nullopt;
    m_data->setPredictions(m_points, ends ? &*ends : nullptr);
    m_sample->show(*m_model, m_points, row, ends ? &*ends : nullptr);
    if (available)
        m_ghosts->follow(m_model->iteration(row));
    if (m_fitMode == PredictedVsActual) {
        m_current->setLine(std::nullopt, 0, 0);
        m_data->points()->setName(
            ends ? tr("predictions (iteration %1)").arg(m_model->iteration(row)) : tr("predictions"));
    } else {
        const auto line = available ? m_points.line(theta) : std::nullopt;
        m_current->setLine(line, m_points.lineStart(), m_points.lineEnd(), m_points.isSigmoid());
        m_current->graph()->setName(
            line ? tr("current fit (iteration %1)").arg(m_model->iteration(row)) : tr("current fit"));
        m_threshold->update(m_points.isSigmoid(), line, m_points.lineStart(), m_points.lineEnd());
    }
    m_classMap->setCurrent(m_points, available ? &theta : nullptr, available ? m_model->iteration(row) : 0);
    pointAtLineOffFrame();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FitPlot::pointAtLineOffFrame()
{
    // A probability curve never leaves the frame of 0…1.
    const auto line = m_fitMode == FeatureVsTarget && hasProblem() && !m_model->isEmpty() && !m_points.isSigmoid()
        ? m_points.line(m_model->theta(m_model->currentRow()))
        : std::nullopt;
    if (line)
        m_lineOffFrame->pointAtLine(line->intercept, line->slope);
    else
        m_lineOffFrame->clear();
}

void FitPlot::updateLegend()
{
    const FitLegendEntries::Parts parts { m_data.get(), m_current.get(), m_leastSquares.get(), m_predictions.get(),
        &m_ghosts->layer(), m_threshold.get(), m_classMap.get(), m_sample.get() };
    m_legend->setEntries(FitLegendEntries::arrange(parts, m_points,
        { m_fitMode == FeatureVsTarget, m_showLeastSquares, hasProblem() && m_model->run()->optimum(),
            FitSampleRing::samples(*m_model) }));
    m_sampleNote->show(FitSampleNote::textFor(*m_model, m_points.lines()));
}

void FitPlot::applyStyle()
{
    const PlotStyle style(*this, m_presentation);
    style.apply(m_plot);
    QCPLegend* legend = m_plot->legend;
    legend->setBrush(style.backgroundAlpha(200)); // the data behind it stays faintly visible
    legend->setIconSize(QSize(int(style.scaled(24)), int(style.scaled(12))));

    const QColor data = ViewPalette::data();
    m_data->applyStyle(
        style, m_fitMode == FeatureVsTarget ? data : ViewPalette::current(), m_points.count(), devicePixelRatioF());
    m_classMap->applyStyle(style, FitDataLayer::pointSize(style, m_points.count()));
    m_threshold->applyStyle(style);
    m_current->applyStyle(style);
    m_leastSquares->applyStyle(style);
    m_predictions->applyStyle(style, m_points.count());
    m_ghosts->layer().applyStyle(style);
    m_sample->applyStyle(style, FitDataLayer::pointSize(style, m_points.count()));
    m_lineOffFrame->applyStyle(style);
    m_sampleNote->applyStyle(style);
    m_gestures->setScale(style.scale());
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
    return m_fitMode == FeatureVsTarget && hasProblem() && m_model->run()->problem->featureColumns().size() == 1
        && FitSampleNote::textFor(*m_model, m_points.lines()).isEmpty();
}

QString FitPlot::editingUnavailableReason() const
{
    if (canEditPoints())
        return QString();
    if (!hasProblem())
        return tr("Load data to edit its points.");
    if (const QString shown = FitSampleNote::textFor(*m_model, m_points.lines()); !shown.isEmpty())
        return tr("Points cannot be edited on a sample (%1): every number comes from all the rows.").arg(shown);
    if (m_model->run()->problem->featureColumns().size() != 1)
        return tr("Points can be edited only for data with one feature: with several, a point on this view "
                  "is not a whole data row.");
    return tr("Points can be edited in the “y against x” view, not in predicted against actual.");
}

int FitPlot::selectedRow() const
{
    return m_gestures->selectedRow();
}

void FitPlot::setSelectedRow(int row)
{
    m_gestures->select(row);
}

void FitPlot::updateEditability()
{
    const bool editable = m_editRequested && canEditPoints();
    m_gestures->setEnabled(editable);
    if (editable == m_editable)
        return;
    m_editable = editable;
    emit editableChanged(editable);
}

} // namespace gdlab
