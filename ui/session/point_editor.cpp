#include "session/point_editor.h"

#include "dataset.h"

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
    connect(m_controller->model(), &IterationModel::runReset, this, &PointEditor::onRunReset);
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
    // The controller keeps the cursor at its iteration: a teacher editing at iteration 1000 wants to see where
    // iteration 1000 is now.
    m_applying = true;
    const bool applied = m_controller->editDataset(edited, title).isEmpty();
    m_applying = false;
    m_lastApplied = applied;
    return applied;
}

void PointEditor::onRunReset(RunCause cause)
{
    // Its own edits (and their undoing) keep the stack, and so do other columns of the same data; another
    // lesson or file drops it.
    if (cause == RunCause::NewLesson || cause == RunCause::NewData)
        m_undoStack->clear();
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
