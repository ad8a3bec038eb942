#pragma once

#include "run.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>

namespace gdlab {

/**
 * @brief The run every view shows, as a table of its history (one row per state, row 0 = the start), and the
 * one shared current row: the step-through cursor every view follows.
 *
 * The single source of truth of the GUI. It holds the published Run (immutable, shared) and tells its views one
 * thing per change:
 *  - runReset(cause): a new run replaced the old one (a settings change, new data …); the current row is
 *    already where it belongs. Views redraw everything once, and may use the cause to keep what did not change.
 *  - rowsAppended(first, last): a run computed on a worker grew by these rows.
 *  - runFinished(): a run that streamed in is complete (its outcome is known now).
 *  - currentRowChanged(row): the cursor moved (never emitted by a reset).
 * The QAbstractItemModel signals (modelReset, rowsInserted, dataChanged) go out too, for the history table.
 *
 * Plots read the history's columns directly; the table and generic views read the roles.
 */
class IterationModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { IterationColumn, EpochColumn, LossColumn, RmseColumn, GradientNormColumn, FirstThetaColumn };

    enum Role {
        IterationRole = Qt::UserRole + 1, ///< qlonglong
        EpochRole, ///< qlonglong
        LossRole, ///< double
        RmseRole, ///< double
        GradientNormRole, ///< double
        ThetaRole, ///< QList<double>, descent space
        IsCurrentRole, ///< bool: this row is the current one
    };

    explicit IterationModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /**
     * @brief Shows a new run (a model reset, announced by runReset with the run's cause). The cursor goes to
     * the row of keepIteration, or the last row there is; while a streaming run has not reached keepIteration,
     * the cursor follows the rows as they arrive until it does, unless the user moves it meanwhile.
     * @param rows rows of the run's history that are ready (all of them for a complete run)
     */
    void setRun(std::shared_ptr<const Run> run, long long keepIteration = 0, int rows = -1);
    /** @brief A streaming run's history has rows more rows ready (a worker published them). */
    void appendRows(int rows);
    /** @brief A streaming run is complete: finished is the same run with its outcome. */
    void finishRun(std::shared_ptr<const Run> finished);

    /** @brief The run shown; null before the first one. */
    const Run* run() const { return m_run.get(); }
    const std::shared_ptr<const Run>& sharedRun() const { return m_run; }
    /** @brief Why the run shown was made (NewData before the first one). */
    RunCause cause() const { return m_run ? m_run->cause : RunCause::NewData; }
    /** @brief Whether the run shown is still being computed (its rows stream in). */
    bool isComputing() const { return m_run && !m_run->isComplete(); }
    /** @brief The run's history; read rows below rowCount() only (a worker may be appending beyond them). */
    const History& history() const;

    bool isEmpty() const { return m_rows == 0; }
    int lastRow() const { return m_rows - 1; }
    const QStringList& parameterSymbols() const { return m_parameterSymbols; }

    // The state at row (valid rows only): what the history holds, and what is recomputed from it exactly.
    long long iteration(int row) const { return history().iteration(at(row)); }
    long long epoch(int row) const { return history().epoch(at(row)); }
    double loss(int row) const { return history().loss(at(row)); }
    double rmse(int row) const { return history().rmse(at(row)); }
    double gradientNorm(int row) const { return history().gradientNorm(at(row)); }
    Eigen::Map<const Eigen::VectorXd> theta(int row) const { return history().theta(at(row)); }
    /** @brief The full-data gradient at row (O(k²)). */
    Eigen::VectorXd gradient(int row) const;
    /** @brief The gradient the update into row used; empty for row 0. */
    Eigen::VectorXd stepGradient(int row) const;

    /** @brief The cursor; 0 while the model is empty. */
    int currentRow() const { return m_currentRow; }
    /** @brief Moves the cursor (clamped to the history); emits currentRowChanged when it moves. */
    void setCurrentRow(int row);
    /** @brief The row of iteration, or the last row before it; 0 before the first row, -1 when empty. */
    int rowForIteration(long long iteration) const;

signals:
    void runReset(gdlab::RunCause cause);
    void rowsAppended(int first, int last);
    void runFinished();
    void currentRowChanged(int row);

private:
    static std::size_t at(int row) { return static_cast<std::size_t>(row); }
    void moveCursor(int row);
    void followPendingIteration();

    std::shared_ptr<const Run> m_run;
    QStringList m_parameterSymbols;
    int m_rows = 0;
    int m_currentRow = 0;
    /** While a streaming run has not reached it: the iteration the cursor should reach again, or -1. */
    long long m_pendingIteration = -1;
    /** The row the model last put the cursor on while following; if the user moved it since, stop following. */
    int m_followedRow = 0;
};

} // namespace gdlab
