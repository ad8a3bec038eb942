#pragma once

#include "session/point_edit_command.h"

#include <Eigen/Core>

#include <QObject>
#include <QString>

class QUndoStack;

namespace gdlab {

enum class RunCause;
class SessionController;
struct Run;

/**
 * @brief Takes the point edits of a one-feature problem (add, move, remove) and runs each through
 * SessionController::editDataset() as an undoable PointEditCommand.
 *
 * An edit makes the data the user's own ("… (edited)", no longer the lesson); undoing it gives the lesson its
 * name and title back. An edit that cannot be made changes nothing, leaves nothing on the stack and says why
 * (refused()). The stack holds the edits of one data set: another lesson or file clears it; other settings,
 * columns or scaling of the same data keep it.
 */
class PointEditor : public QObject {
    Q_OBJECT

public:
    explicit PointEditor(SessionController* controller, QObject* parent = nullptr);
    ~PointEditor() override;

    QUndoStack* undoStack() const { return m_undoStack; }

    /** @brief Whether the latest run has exactly one feature, the only case where a point is (x, y). */
    bool canEdit() const;
    /** @brief The fewest rows the problem can be fitted with (one per parameter). */
    Eigen::Index minimumRows() const;
    Eigen::Index rowCount() const;

    /** @brief Appends the point (x, y); false (and refused()) when it cannot. */
    bool addPoint(double x, double y);
    bool movePoint(int row, double x, double y);
    /** @brief Removes a point; refused when the data would have fewer rows than parameters. */
    bool removePoint(int row);

signals:
    /** @brief An edit (or an undo) was refused; the message says why, for a status line or a tooltip. */
    void refused(const QString& message);

private:
    bool push(PointEditCommand::Kind kind, int row, Eigen::RowVectorXd before, Eigen::RowVectorXd after);
    bool refuse(const QString& message);
    /** @brief Why row (x, y) cannot be edited now; empty when it can. */
    QString obstacle(int row, bool rowMayBeNew, double x, double y) const;
    /** @brief A data row with the feature and target set to (x, y), other columns from row. */
    Eigen::RowVectorXd rowWith(const Eigen::RowVectorXd& row, double x, double y) const;
    PointEditCommand::Naming naming() const;
    PointEditCommand::Naming editedNaming() const;
    void onRunReset(RunCause cause);

    SessionController* m_controller = nullptr;
    QUndoStack* m_undoStack = nullptr;
};

} // namespace gdlab
