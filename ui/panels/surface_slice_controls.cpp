#include "panels/surface_slice_controls.h"
#include "panels/hold_mode_choice.h"

#include "panels/flow_layout.h"

#include "problem.h"
#include "session/error_surface_model.h"
#include "session/iteration_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>

#include <QSignalBlocker>
#include <algorithm>

namespace gdlab {

namespace {

QComboBox* compactCombo(QWidget* parent, int characters)
{
    auto* combo = new QComboBox(parent);
    // Long column names must not widen the row beyond the contour view at 1280x720; the popup shows them whole.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(characters);
    return combo;
}

/** Sets combo to index unless it is there already (a combo the user is on is left alone). */
void showIndex(QComboBox* combo, int index)
{
    if (combo->currentIndex() != index) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(index);
    }
}

} // namespace

SurfaceSliceControls::SurfaceSliceControls(
    const ErrorSurfaceModel* surface, const IterationModel* model, QWidget* parent)
    : QWidget(parent)
    , m_surface(surface)
    , m_model(model)
{
    // The row wraps where the view is narrow (1024 px split four ways) instead of widening the window.
    auto* layout = new FlowLayout(this, 4);

    // No "Slice:" label: the row must fit one line of a contour view 350 pixels wide, and the caption over the map
    // says "Surface over θa × θb" in words.
    m_xCombo = compactCombo(this, 6);
    m_xCombo->setToolTip(tr("The parameter along the horizontal axis of the contour map (x of the bowl)"));
    m_byLabel = new QLabel(QStringLiteral("×"), this);
    m_yCombo = compactCombo(this, 6);
    m_yCombo->setToolTip(tr("The parameter along the vertical axis of the contour map (depth of the bowl)"));
    m_holdCombo = compactCombo(this, 8);
    HoldModeChoice::addItems(m_holdCombo);
    m_holdCombo->setToolTip(
        tr("The surface is a slice: the parameters not on its axes are held at their "
           "optimum's values (least squares, or Newton's for the logistic model), or at the current "
           "step's (the slice then moves as you step)"));
    m_note = new QLabel(this);
    // A long column name must not widen the row: the note is clipped, and its tooltip has it whole.
    m_note->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_followCheck = new QCheckBox(tr("follow θ"), this);
    m_followCheck->setToolTip(tr("Zoom out as the current θ steps away, so a diverging run stays in sight"));
    m_followCheck->setFocusPolicy(Qt::TabFocus);

    // A note line is as tall as a line of combos, so the contour view sits at the same height either way.
    m_note->setMinimumHeight(m_xCombo->sizeHint().height());
    for (QComboBox* combo : { m_xCombo, m_yCombo, m_holdCombo })
        combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    layout->addWidget(m_xCombo);
    layout->addWidget(m_byLabel);
    layout->addWidget(m_yCombo);
    layout->addWidget(m_holdCombo);
    layout->addWidget(m_note);
    layout->addWidget(m_followCheck); // the window moves it beside the view's tabs (SecondViewTabs)
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred); // not Fixed: see FlowLayout

    connect(m_xCombo, qOverload<int>(&QComboBox::activated), this, &SurfaceSliceControls::onXChosen);
    connect(m_yCombo, qOverload<int>(&QComboBox::activated), this, &SurfaceSliceControls::onYChosen);
    connect(m_holdCombo, qOverload<int>(&QComboBox::activated), this, &SurfaceSliceControls::onHoldChosen);
    connect(m_followCheck, &QCheckBox::toggled, this, &SurfaceSliceControls::followChosen);
    connect(m_model, &IterationModel::runReset, this, &SurfaceSliceControls::refresh);
    // A slice chosen here or elsewhere: the combos follow whatever the surface model shows.
    connect(m_surface, &ErrorSurfaceModel::surfaceChanged, this, &SurfaceSliceControls::syncFromModel);

    refresh();
}

QString SurfaceSliceControls::noteText() const
{
    return m_note->isVisibleTo(this) ? m_note->text() : QString();
}

bool SurfaceSliceControls::isChoosing() const
{
    return m_xCombo->isVisibleTo(this);
}

QStringList SurfaceSliceControls::parameterLabels() const
{
    QStringList labels;
    const Problem* problem = m_model->run() ? m_model->run()->problem.get() : nullptr;
    if (!problem)
        return labels;
    for (Eigen::Index p = 0; p < problem->parameterCount(); ++p) {
        const auto index = static_cast<std::size_t>(p);
        const QString symbol = QString::fromStdString(problem->parameterSymbols()[index]);
        const QString name = problem->hasIntercept() && p == 0
            ? tr("intercept")
            : QString::fromStdString(problem->parameterNames()[index]);
        labels << QStringLiteral("%1 (%2)").arg(symbol, name);
    }
    return labels;
}

void SurfaceSliceControls::refresh()
{
    ++m_refreshCount;
    // A new run (another lesson, other columns) may have other parameters; the surface model has chosen its
    // slice for it already, whichever of the runReset slots runs first.
    const QStringList labels = parameterLabels();
    m_holdCombo->setItemText(HoldModeChoice::leastSquaresIndex, m_surface->holdAtOptimumText());
    rebuildItems(labels);
    showNote(labels);
    syncFromModel();
}

void SurfaceSliceControls::rebuildItems(const QStringList& labels)
{
    QStringList items;
    for (int k = 0; k < m_xCombo->count(); ++k)
        items << m_xCombo->itemText(k);
    if (items == labels)
        return; // the same parameters: the user's combos stay as they are
    const QSignalBlocker blockX(m_xCombo);
    const QSignalBlocker blockY(m_yCombo);
    m_xCombo->clear();
    m_yCombo->clear();
    m_xCombo->addItems(labels);
    m_yCombo->addItems(labels);
}

void SurfaceSliceControls::showNote(const QStringList& labels)
{
    const bool choosing = labels.size() > 2;
    for (QWidget* widget : { static_cast<QWidget*>(m_xCombo), static_cast<QWidget*>(m_byLabel),
             static_cast<QWidget*>(m_yCombo), static_cast<QWidget*>(m_holdCombo) })
        widget->setVisible(choosing);
    m_note->setVisible(!choosing);
    if (labels.size() == 2) {
        // Nothing to choose, but the row still says what the axes are and that this is the whole loss.
        m_note->setText(tr("Surface over %1 × %2: the whole loss").arg(labels[0], labels[1]));
    } else if (labels.size() < 2) {
        m_note->setText(labels.isEmpty() ? tr("No surface: no data loaded")
                                         : tr("No surface: the model has one parameter only (%1)").arg(labels[0]));
    } else {
        m_note->clear();
    }
    m_note->setToolTip(m_note->text());
}

void SurfaceSliceControls::syncFromModel()
{
    if (m_followCheck->isChecked() != m_surface->followsCurrent()) {
        const QSignalBlocker blocker(m_followCheck);
        m_followCheck->setChecked(m_surface->followsCurrent());
    }
    if (m_xCombo->count() != m_model->parameterSymbols().size())
        return; // a runReset is on its way and rebuilds the items first
    showIndex(m_xCombo, m_surface->xParameter());
    showIndex(m_yCombo, m_surface->yParameter());
    showIndex(m_holdCombo, HoldModeChoice::indexOf(m_surface->holdMode()));
}

void SurfaceSliceControls::onXChosen(int index)
{
    int y = m_surface->yParameter();
    // The same parameter on both axes is no surface: the user means to swap them.
    if (index == y)
        y = m_surface->xParameter();
    emit sliceChosen(index, y);
    syncFromModel();
}

void SurfaceSliceControls::onYChosen(int index)
{
    int x = m_surface->xParameter();
    if (index == x)
        x = m_surface->yParameter();
    emit sliceChosen(x, index);
    syncFromModel();
}

void SurfaceSliceControls::onHoldChosen(int index)
{
    emit holdModeChosen(HoldModeChoice::modeAt(index));
}

} // namespace gdlab
