#include "session/point_editor.h"

#include "dataset.h"
#include "run.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <QUndoStack>

#include <cmath>
#include <utility>

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
    const Run* latest = m_controller->latestRun();
    return latest && latest->problem->featureColumns().size() == 1
        && latest->dataset->rowCount() == latest->problem->sampleCount();
}

Eigen::Index PointEditor::minimumRows() const
{
    const Run* latest = m_controller->latestRun();
    return latest ? latest->problem->parameterCount() : 0;
}

Eigen::Index PointEditor::rowCount() const
{
    const Run* latest = m_controller->latestRun();
    return latest ? latest->dataset->rowCount() : 0;
}

Eigen::RowVectorXd PointEditor::rowWith(const Eigen::RowVectorXd& row, double x, double y) const
{
    const Problem& problem = *m_controller->latestRun()->problem;
    Eigen::RowVectorXd result = row;
    result[problem.featureColumns().front()] = x;
    result[problem.spec().target] = y;
    return result;
}

QString PointEditor::obstacle(int row, bool rowMayBeNew, double x, double y) const
{
    if (!canEdit())
        return tr("Points can be edited only in data with one feature.");
    if (!std::isfinite(x) || !std::isfinite(y))
        return tr("A point needs finite coordinates.");
    const Eigen::Index last = rowCount() - (rowMayBeNew ? 0 : 1);
    if (row < 0 || row > last)
        return tr("There is no point %1 in the data.").arg(row + 1);
    return {};
}

bool PointEditor::addPoint(double x, double y)
{
    const QString why = obstacle(static_cast<int>(rowCount()), true, x, y);
    if (!why.isEmpty())
        return refuse(why);
    // Columns the fit does not use still need a value; their mean is the one that changes them least, and it
    // keeps them usable should the user pick them as a feature later.
    const Eigen::RowVectorXd means = m_controller->latestRun()->dataset->values().colwise().mean();
    return push(PointEditCommand::Add, static_cast<int>(rowCount()), {}, rowWith(means, x, y));
}

bool PointEditor::movePoint(int row, double x, double y)
{
    const QString why = obstacle(row, false, x, y);
    if (!why.isEmpty())
        return refuse(why);
    const Eigen::RowVectorXd before = m_controller->latestRun()->dataset->values().row(row);
    Eigen::RowVectorXd after = rowWith(before, x, y);
    if (after == before)
        return true; // nothing to do, and nothing to undo
    return push(PointEditCommand::Move, row, before, std::move(after));
}

bool PointEditor::removePoint(int row)
{
    const QString why = obstacle(row, false, 0.0, 0.0);
    if (!why.isEmpty())
        return refuse(why);
    if (rowCount() - 1 < minimumRows())
        return refuse(
            tr("Cannot remove this point: the fit needs at least %1 points, one per parameter.").arg(minimumRows()));
    return push(PointEditCommand::Remove, row, m_controller->latestRun()->dataset->values().row(row), {});
}

bool PointEditor::push(PointEditCommand::Kind kind, int row, Eigen::RowVectorXd before, Eigen::RowVectorXd after)
{
    auto* command
        = new PointEditCommand(m_controller, kind, row, std::move(before), std::move(after), naming(), editedNaming());
    command->setRefusalHandler([this](const QString& message) { emit refused(message); });
    const int index = m_undoStack->index();
    // The stack runs the command's redo(); one the controller refused is obsolete and dropped right away.
    m_undoStack->push(command);
    return m_undoStack->index() > index;
}

bool PointEditor::refuse(const QString& message)
{
    emit refused(message);
    return false;
}

PointEditCommand::Naming PointEditor::naming() const
{
    const Run& latest = *m_controller->latestRun();
    return { QString::fromStdString(latest.lessonName), QString::fromStdString(latest.title) };
}

PointEditCommand::Naming PointEditor::editedNaming() const
{
    // Edited, a lesson's data is no longer the lesson: choosing the lesson again must load it afresh.
    const QString suffix = tr(" (edited)");
    const QString title = naming().title;
    if (title.isEmpty())
        return { QString(), tr("edited data") };
    return { QString(), title.endsWith(suffix) ? title : title + suffix };
}

void PointEditor::onRunReset(RunCause cause)
{
    // Its own edits (and their undoing) keep the stack, and so do other settings or columns of the same data;
    // another lesson or file drops it.
    if (cause == RunCause::NewLesson || cause == RunCause::NewData)
        m_undoStack->clear();
}

} // namespace gdlab
