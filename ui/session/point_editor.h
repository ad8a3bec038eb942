#pragma once

#include "run.h"

#include <Eigen/Core>

#include <QObject>
#include <QString>

class QUndoStack;

namespace gdlab {

class SessionController;

/**
 * @brief Edits the data points of a one-feature problem as undoable commands: add, move, remove.
 *
 * Every edit builds a new data set and hands it to the controller, which recomputes the trajectory; the
 * commands keep only the row they change, so an edit of a large file does not copy it onto the undo stack.
 * The stack holds edits of one data set: loading another lesson or file clears it.
 */
class PointEditor : public QObject {
    Q_OBJECT

public:
    explicit PointEditor(SessionController* controller, QObject* parent = nullptr);
    ~PointEditor() override;

    QUndoStack* undoStack() const { return m_undoStack; }

    /** @brief Whether the problem has exactly one feature, the only case where a point is (x, y). */
    bool canEdit() const;
    /** @brief The fewest rows the problem can be fitted with (one per parameter). */
    Eigen::Index minimumRows() const;
    Eigen::Index rowCount() const;

    /** @brief Adds a point at the end of the data; false (and refused() emitted) when it cannot. */
    bool addPoint(double x, double y);
    bool movePoint(Eigen::Index row, double x, double y);
    /** @brief Removes a point; refused when the data would have fewer rows than parameters. */
    bool removePoint(Eigen::Index row);

    /** @brief True while an edit (or its undo) is handed to the controller, so that views can tell it from a load. */
    bool isApplying() const { return m_applying; }

    /**
     * @brief For the commands: fits these values (the current columns, names and spec) under this title.
     * Keeps the iteration the views were showing when the new trajectory reaches it.
     */
    bool apply(const Eigen::MatrixXd& values, const QString& title);
    /** @brief For the commands: the values now fitted. */
    const Eigen::MatrixXd& values() const;
    /** @brief For the commands: a data row with the feature and target set to (x, y), other columns from row. */
    Eigen::RowVectorXd rowWith(const Eigen::RowVectorXd& row, double x, double y) const;

signals:
    /** @brief An edit was refused; the message says why, for a status line or a tooltip. */
    void refused(const QString& message);

private:
    void onRunReset(RunCause cause);
    QString editedTitle() const;

    SessionController* m_controller = nullptr;
    QUndoStack* m_undoStack = nullptr;
    bool m_applying = false;
    /** Whether the last command handed to the controller was fitted; the stack drops one that was not. */
    bool m_lastApplied = false;
};

} // namespace gdlab
