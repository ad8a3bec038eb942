#pragma once

#include <Eigen/Core>

#include <QString>
#include <QUndoCommand>

namespace gdlab {

class PointEditor;

/**
 * @brief One point edit on the undo stack: a row added, moved or removed.
 *
 * It stores only that row before and after, with the titles on either side; values are copied, never
 * recomputed, so undo restores the data bit for bit.
 */
class PointEditCommand : public QUndoCommand {
public:
    enum Kind { Add, Move, Remove };

    /**
     * @param row where the row is inserted (Add), replaced (Move) or removed (Remove)
     * @param before the row's values before the edit (unused for Add)
     * @param after the row's values after the edit (unused for Remove)
     */
    PointEditCommand(PointEditor* editor, Kind kind, Eigen::Index row, Eigen::RowVectorXd before,
        Eigen::RowVectorXd after, QString titleBefore, QString titleAfter, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    Kind kind() const { return m_kind; }
    Eigen::Index row() const { return m_row; }

private:
    bool applyForward();
    bool applyBackward();

    PointEditor* m_editor = nullptr;
    Kind m_kind;
    Eigen::Index m_row;
    Eigen::RowVectorXd m_before;
    Eigen::RowVectorXd m_after;
    QString m_titleBefore;
    QString m_titleAfter;
    bool m_done = false;
};

} // namespace gdlab
