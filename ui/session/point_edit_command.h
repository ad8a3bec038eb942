#pragma once

#include <Eigen/Core>

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace gdlab {

class SessionController;

/**
 * @brief One point edit on the undo stack: a row added, moved or removed, handed to
 * SessionController::editDataset() on redo and undo.
 *
 * It stores only that row before and after, with the data's lesson name and title on either side; values are
 * copied, never recomputed, so undo restores the data, its name and its title bit for bit. It applies to the
 * latest run the controller has (the edits of other commands in between included).
 */
class PointEditCommand : public QUndoCommand {
public:
    enum Kind { Add, Move, Remove };

    /** @brief What the lesson chooser and the window title call the data. */
    struct Naming {
        QString lessonName; ///< the built-in lesson, or empty for the user's own data
        QString title;
    };

    /** @brief Told why the controller refused to apply the command (on redo or undo). */
    using RefusalHandler = std::function<void(const QString&)>;

    /**
     * @param row where the row is inserted (Add), replaced (Move) or removed (Remove)
     * @param before the row's values before the edit (unused for Add)
     * @param after the row's values after the edit (unused for Remove)
     */
    PointEditCommand(SessionController* controller, Kind kind, Eigen::Index row, Eigen::RowVectorXd before,
        Eigen::RowVectorXd after, Naming namingBefore, Naming namingAfter, QUndoCommand* parent = nullptr);

    void setRefusalHandler(RefusalHandler handler) { m_onRefusal = std::move(handler); }

    /** @brief Applies the edit; the first time it cannot, the command becomes obsolete (the stack drops it). */
    void redo() override;
    void undo() override;

    Kind kind() const { return m_kind; }
    Eigen::Index row() const { return m_row; }
    const Naming& namingBefore() const { return m_namingBefore; }
    const Naming& namingAfter() const { return m_namingAfter; }
    /** @brief Why the last redo or undo changed nothing; empty when it applied. */
    const QString& refusal() const { return m_refusal; }

private:
    /** @brief The values the latest run fits, or null when there is none. */
    const Eigen::MatrixXd* currentValues() const;
    bool applyForward();
    bool applyBackward();
    bool apply(const Eigen::MatrixXd& values, const Naming& naming);
    bool refuse(const QString& message);

    SessionController* m_controller = nullptr;
    Kind m_kind;
    Eigen::Index m_row;
    Eigen::RowVectorXd m_before;
    Eigen::RowVectorXd m_after;
    Naming m_namingBefore;
    Naming m_namingAfter;
    RefusalHandler m_onRefusal;
    QString m_refusal;
    bool m_done = false;
};

} // namespace gdlab
