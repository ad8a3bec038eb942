#include "session/point_edit_command.h"

#include "dataset.h"
#include "run.h"

#include "session/session_controller.h"

#include <QCoreApplication>

#include <utility>

namespace gdlab {

namespace {

Eigen::MatrixXd withRowInserted(const Eigen::MatrixXd& values, Eigen::Index row, const Eigen::RowVectorXd& data)
{
    Eigen::MatrixXd result(values.rows() + 1, values.cols());
    result.topRows(row) = values.topRows(row);
    result.row(row) = data;
    result.bottomRows(values.rows() - row) = values.bottomRows(values.rows() - row);
    return result;
}

Eigen::MatrixXd withRowRemoved(const Eigen::MatrixXd& values, Eigen::Index row)
{
    Eigen::MatrixXd result(values.rows() - 1, values.cols());
    result.topRows(row) = values.topRows(row);
    result.bottomRows(values.rows() - row - 1) = values.bottomRows(values.rows() - row - 1);
    return result;
}

Eigen::MatrixXd withRowReplaced(const Eigen::MatrixXd& values, Eigen::Index row, const Eigen::RowVectorXd& data)
{
    Eigen::MatrixXd result = values;
    result.row(row) = data;
    return result;
}

QString commandText(PointEditCommand::Kind kind)
{
    switch (kind) {
    case PointEditCommand::Add:
        return QCoreApplication::translate("gdlab::PointEditCommand", "add point");
    case PointEditCommand::Move:
        return QCoreApplication::translate("gdlab::PointEditCommand", "move point");
    case PointEditCommand::Remove:
        return QCoreApplication::translate("gdlab::PointEditCommand", "remove point");
    }
    return {};
}

} // namespace

PointEditCommand::PointEditCommand(SessionController* controller, Kind kind, Eigen::Index row,
    Eigen::RowVectorXd before, Eigen::RowVectorXd after, Naming namingBefore, Naming namingAfter, QUndoCommand* parent)
    : QUndoCommand(commandText(kind), parent)
    , m_controller(controller)
    , m_kind(kind)
    , m_row(row)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_namingBefore(std::move(namingBefore))
    , m_namingAfter(std::move(namingAfter))
{
}

void PointEditCommand::redo()
{
    const bool applied = applyForward();
    // The first redo is the edit itself: when it cannot be applied (and the handler was told why), the command
    // is dropped instead of leaving an entry that undoes nothing.
    if (!applied && !m_done)
        setObsolete(true);
    m_done = m_done || applied;
}

void PointEditCommand::undo()
{
    applyBackward();
}

const Eigen::MatrixXd* PointEditCommand::currentValues() const
{
    const Run* latest = m_controller->latestRun();
    return latest && latest->dataset ? &latest->dataset->values() : nullptr;
}

bool PointEditCommand::applyForward()
{
    const Eigen::MatrixXd* values = currentValues();
    const Eigen::Index rows = values ? values->rows() : 0;
    const bool fits = values && m_after.size() == values->cols();
    switch (m_kind) {
    case Add:
        if (!fits || m_row < 0 || m_row > rows)
            break;
        return apply(withRowInserted(*values, m_row, m_after), m_namingAfter);
    case Move:
        if (!fits || m_row < 0 || m_row >= rows)
            break;
        return apply(withRowReplaced(*values, m_row, m_after), m_namingAfter);
    case Remove:
        if (!values || m_row < 0 || m_row >= rows)
            break;
        return apply(withRowRemoved(*values, m_row), m_namingAfter);
    }
    return refuse(
        QCoreApplication::translate("gdlab::PointEditCommand", "the data changed: this edit no longer applies"));
}

bool PointEditCommand::applyBackward()
{
    const Eigen::MatrixXd* values = currentValues();
    const Eigen::Index rows = values ? values->rows() : 0;
    const bool fits = values && m_before.size() == values->cols();
    switch (m_kind) {
    case Add:
        if (!values || m_row < 0 || m_row >= rows)
            break;
        return apply(withRowRemoved(*values, m_row), m_namingBefore);
    case Move:
        if (!fits || m_row < 0 || m_row >= rows)
            break;
        return apply(withRowReplaced(*values, m_row, m_before), m_namingBefore);
    case Remove:
        if (!fits || m_row < 0 || m_row > rows)
            break;
        return apply(withRowInserted(*values, m_row, m_before), m_namingBefore);
    }
    return refuse(
        QCoreApplication::translate("gdlab::PointEditCommand", "the data changed: this edit can no longer be undone"));
}

bool PointEditCommand::apply(const Eigen::MatrixXd& values, const Naming& naming)
{
    const Dataset& current = *m_controller->latestRun()->dataset;
    const Dataset edited(current.columnNames(), values, current.source(), current.skippedColumns());
    // The controller keeps the cursor at its iteration: a teacher editing at iteration 1000 wants to see where
    // iteration 1000 is now.
    const QString refusal = m_controller->editDataset(edited, naming.title, naming.lessonName);
    if (!refusal.isEmpty())
        return refuse(refusal);
    m_refusal.clear();
    return true;
}

bool PointEditCommand::refuse(const QString& message)
{
    m_refusal = message;
    if (m_onRefusal)
        m_onRefusal(message);
    return false;
}

} // namespace gdlab
