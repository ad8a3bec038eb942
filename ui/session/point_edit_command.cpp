#include "session/point_edit_command.h"

#include "session/point_editor.h"

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

PointEditCommand::PointEditCommand(PointEditor* editor, Kind kind, Eigen::Index row, Eigen::RowVectorXd before,
    Eigen::RowVectorXd after, QString titleBefore, QString titleAfter, QUndoCommand* parent)
    : QUndoCommand(commandText(kind), parent)
    , m_editor(editor)
    , m_kind(kind)
    , m_row(row)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_titleBefore(std::move(titleBefore))
    , m_titleAfter(std::move(titleAfter))
{
}

void PointEditCommand::redo()
{
    const bool applied = applyForward();
    // The first redo is the edit itself: when the controller cannot fit the result (it has said why), the
    // command is dropped instead of leaving an entry that undoes nothing.
    if (!applied && !m_done)
        setObsolete(true);
    m_done = m_done || applied;
}

void PointEditCommand::undo()
{
    applyBackward();
}

bool PointEditCommand::applyForward()
{
    const Eigen::MatrixXd& values = m_editor->values();
    switch (m_kind) {
    case Add:
        if (m_row < 0 || m_row > values.rows() || m_after.size() != values.cols())
            return false;
        return m_editor->apply(withRowInserted(values, m_row, m_after), m_titleAfter);
    case Move:
        if (m_row < 0 || m_row >= values.rows() || m_after.size() != values.cols())
            return false;
        return m_editor->apply(withRowReplaced(values, m_row, m_after), m_titleAfter);
    case Remove:
        if (m_row < 0 || m_row >= values.rows())
            return false;
        return m_editor->apply(withRowRemoved(values, m_row), m_titleAfter);
    }
    return false;
}

bool PointEditCommand::applyBackward()
{
    const Eigen::MatrixXd& values = m_editor->values();
    switch (m_kind) {
    case Add:
        if (m_row < 0 || m_row >= values.rows())
            return false;
        return m_editor->apply(withRowRemoved(values, m_row), m_titleBefore);
    case Move:
        if (m_row < 0 || m_row >= values.rows() || m_before.size() != values.cols())
            return false;
        return m_editor->apply(withRowReplaced(values, m_row, m_before), m_titleBefore);
    case Remove:
        if (m_row < 0 || m_row > values.rows() || m_before.size() != values.cols())
            return false;
        return m_editor->apply(withRowInserted(values, m_row, m_before), m_titleBefore);
    }
    return false;
}

} // namespace gdlab
