#include "session/point_editor.h"

#include "session/iteration_model.h"
#include "session/point_edit_command.h"
#include "session/session_controller.h"

#include <QUndoStack>

#include <cmath>

namespace gdlab {

PointEditor::PointEditor(SessionController* controller, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_controller, &SessionController::problemChanged, this, &PointEditor::onProblemChanged);
}

PointEditor::~PointEditor() = default;

bool PointEditor::canEdit() const
{
    const auto& problem = m_controller->problem();
    return problem && problem->featureColumns().size() == 1
        && m_controller->dataset().rowCount() == problem->sampleCount();
}

Eigen::Index PointEditor::minimumRows() const
{
    const auto& problem = m_controller->problem();
    return problem ? problem->parameterCount() : 0;
}

Eigen::Index PointEditor::rowCount() const
{
    return m_controller->dataset().rowCount();
}

const Eigen::MatrixXd& PointEditor::values() const
{
    return m_controller->dataset().values();
}

Eigen::RowVectorXd PointEditor::rowWith(const Eigen::RowVectorXd& row, double x, double y) const
{
    Eigen::RowVectorXd result = row;
    const auto& problem = m_controller->problem();
    if (!problem || problem->featureColumns().size() != 1)
        return result;
    result[problem->featureColumns().front()] = x;
    result[problem->spec().target] = y;
    return result;
}

bool PointEditor::addPoint(double x, double y)
{
    if (!canEdit()) {
        emit refused(tr("Points can be added only to data with one feature."));
        return false;
    }
    if (!std::isfinite(x) || !std::isfinite(y))
        return false;
    // Columns the fit does not use still need a value; their mean is the one that changes them least, and it
    // keeps them usable should the user pick them as a feature later.
    const Eigen::RowVectorXd means = values().colwise().mean();
    const Eigen::Index row = rowCount();
    m_lastApplied = false;
    m_undoStack->push(new PointEditCommand(this, PointEditCommand::Add, row, Eigen::RowVectorXd(), rowWith(means, x, y),
        m_controller->title(), editedTitle()));
    return m_lastApplied;
}

bool PointEditor::movePoint(Eigen::Index row, double x, double y)
{
    if (!canEdit()) {
        emit refused(tr("Points can be moved only in data with one feature."));
        return false;
    }
    if (row < 0 || row >= rowCount() || !std::isfinite(x) || !std::isfinite(y))
        return false;
    const Eigen::RowVectorXd before = values().row(row);
    const Eigen::RowVectorXd after = rowWith(before, x, y);
    if (after == before)
        return true;
    m_lastApplied = false;
    m_undoStack->push(
        new PointEditCommand(this, PointEditCommand::Move, row, before, after, m_controller->title(), editedTitle()));
    return m_lastApplied;
}

bool PointEditor::removePoint(Eigen::Index row)
{
    if (!canEdit()) {
        emit refused(tr("Points can be removed only from data with one feature."));
        return false;
    }
    if (row < 0 || row >= rowCount())
        return false;
    if (rowCount() - 1 < minimumRows()) {
        emit refused(
            tr("Cannot remove this point: the fit needs at least %1 points, one per parameter.").arg(minimumRows()));
        return false;
    }
    m_lastApplied = false;
    m_undoStack->push(new PointEditCommand(this, PointEditCommand::Remove, row, values().row(row), Eigen::RowVectorXd(),
        m_controller->title(), editedTitle()));
    return m_lastApplied;
}

bool PointEditor::apply(const Eigen::MatrixXd& values, const QString& title)
{
    const Dataset& current = m_controller->dataset();
    const Dataset edited(current.columnNames(), values, current.source(), current.skippedColumns());
    IterationModel* model = m_controller->model();
    const long long iteration = model->isEmpty() ? 0 : model->currentState().iteration;

    m_applying = true;
    const bool applied = m_controller->setDataset(edited, m_controller->problemSpec(), title);
    m_applying = false;
    m_lastApplied = applied;
    if (!applied)
        return false;
    m_appliedValues = values;
    m_appliedTitle = title;
    // The controller starts a new trajectory at its beginning; a teacher editing at iteration 1000 wants to see
    // where iteration 1000 is now. A run that went to a worker is left to the controller.
    if (!m_controller->isComputing() && !model->isEmpty())
        model->setCurrentRow(model->rowForIteration(iteration));
    return true;
}

void PointEditor::onProblemChanged()
{
    if (m_applying || m_undoStack->count() == 0)
        return;
    // Columns, intercept or standardization changed on the same data keep the edits; other data drops them.
    const Eigen::MatrixXd& values = m_controller->dataset().values();
    const bool sameData = m_controller->title() == m_appliedTitle && values.rows() == m_appliedValues.rows()
        && values.cols() == m_appliedValues.cols() && values == m_appliedValues;
    if (sameData)
        return;
    m_undoStack->clear();
    m_appliedValues.resize(0, 0);
    m_appliedTitle.clear();
}

QString PointEditor::editedTitle() const
{
    const QString suffix = tr(" (edited)");
    const QString title = m_controller->title();
    if (title.isEmpty())
        return tr("edited data");
    return title.endsWith(suffix) ? title : title + suffix;
}

} // namespace gdlab
