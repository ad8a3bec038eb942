#include "panels/surface_slice_controls.h"

#include "problem.h"
#include "session/error_surface_model.h"
#include "session/session_controller.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace gdlab {

namespace {

constexpr int holdLeastSquares = 0;
constexpr int holdCurrentStep = 1;

QComboBox* compactCombo(QWidget* parent, int characters)
{
    auto* combo = new QComboBox(parent);
    // Long column names must not widen the row beyond the contour view at 1280x720; the popup shows them whole.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(characters);
    return combo;
}

} // namespace

SurfaceSliceControls::SurfaceSliceControls(ErrorSurfaceModel* surface, SessionController* controller, QWidget* parent)
    : QWidget(parent)
    , m_surface(surface)
    , m_controller(controller)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_sliceLabel = new QLabel(tr("Slice:"), this);
    m_xCombo = compactCombo(this, 7);
    m_xCombo->setToolTip(tr("The parameter along the horizontal axis of the contour map (x of the bowl)"));
    m_byLabel = new QLabel(QStringLiteral("×"), this);
    m_yCombo = compactCombo(this, 7);
    m_yCombo->setToolTip(tr("The parameter along the vertical axis of the contour map (depth of the bowl)"));
    m_holdCombo = compactCombo(this, 11);
    m_holdCombo->addItem(tr("others at least squares"));
    m_holdCombo->addItem(tr("others at the current step"));
    m_holdCombo->setToolTip(tr("The surface is a slice: the parameters not on its axes are held at their "
                               "least-squares values, or at the current step's (the slice then moves as you step)"));
    m_note = new QLabel(this);
    // A long column name must not widen the row: the note is clipped, and its tooltip has it whole.
    m_note->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    layout->addWidget(m_sliceLabel);
    layout->addWidget(m_xCombo, 1);
    layout->addWidget(m_byLabel);
    layout->addWidget(m_yCombo, 1);
    layout->addSpacing(4);
    layout->addWidget(m_holdCombo, 2);
    layout->addWidget(m_note, 1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    connect(m_xCombo, qOverload<int>(&QComboBox::activated), this, &SurfaceSliceControls::onXChosen);
    connect(m_yCombo, qOverload<int>(&QComboBox::activated), this, &SurfaceSliceControls::onYChosen);
    connect(m_holdCombo, qOverload<int>(&QComboBox::activated), this, &SurfaceSliceControls::onHoldChosen);
    connect(m_controller, &SessionController::problemChanged, this, &SurfaceSliceControls::rebuildItems);
    // The model may fall back to a default slice on new columns; the combos follow whatever it shows.
    connect(m_surface, &ErrorSurfaceModel::surfaceChanged, this, &SurfaceSliceControls::syncFromModel);

    rebuildItems();
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
    const auto& problem = m_controller->problem();
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

void SurfaceSliceControls::rebuildItems()
{
    const QStringList labels = parameterLabels();
    {
        const QSignalBlocker blockX(m_xCombo);
        const QSignalBlocker blockY(m_yCombo);
        m_xCombo->clear();
        m_yCombo->clear();
        m_xCombo->addItems(labels);
        m_yCombo->addItems(labels);
    }
    const bool choosing = labels.size() > 2;
    for (QWidget* widget : { static_cast<QWidget*>(m_sliceLabel), static_cast<QWidget*>(m_xCombo),
             static_cast<QWidget*>(m_byLabel), static_cast<QWidget*>(m_yCombo), static_cast<QWidget*>(m_holdCombo) })
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
    syncFromModel();
}

void SurfaceSliceControls::syncFromModel()
{
    if (m_xCombo->count() != static_cast<int>(parameterLabels().size()))
        return; // a problemChanged is on its way and rebuilds the items first
    const QSignalBlocker blockX(m_xCombo);
    const QSignalBlocker blockY(m_yCombo);
    const QSignalBlocker blockHold(m_holdCombo);
    m_xCombo->setCurrentIndex(m_surface->xParameter());
    m_yCombo->setCurrentIndex(m_surface->yParameter());
    m_holdCombo->setCurrentIndex(
        m_surface->holdMode() == ErrorSurfaceModel::HoldMode::CurrentIterate ? holdCurrentStep : holdLeastSquares);
}

void SurfaceSliceControls::onXChosen(int index)
{
    int y = m_surface->yParameter();
    // The same parameter on both axes is no surface: the user means to swap them.
    if (index == y)
        y = m_surface->xParameter();
    m_surface->setParameters(index, y);
    syncFromModel();
}

void SurfaceSliceControls::onYChosen(int index)
{
    int x = m_surface->xParameter();
    if (index == x)
        x = m_surface->yParameter();
    m_surface->setParameters(x, index);
    syncFromModel();
}

void SurfaceSliceControls::onHoldChosen(int index)
{
    m_surface->setHoldMode(index == holdCurrentStep ? ErrorSurfaceModel::HoldMode::CurrentIterate
                                                    : ErrorSurfaceModel::HoldMode::LeastSquares);
}

} // namespace gdlab
