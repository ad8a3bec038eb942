#pragma once

#include "iteration_state.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace gdlab {

/**
 * @brief The descent history as a table: one row per state (row 0 = the start), and one shared current row,
 * the step-through cursor every view follows.
 *
 * The single source of truth of the GUI: every view reads it, none calls the solver. Plots read the typed
 * states() for speed; the table and generic views read the roles.
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
        GradientRole, ///< QList<double>
        IsCurrentRole, ///< bool: this row is the current one
    };

    explicit IterationModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /**
     * @brief Replaces the whole history (a model reset). parameterSymbols name the θ columns ("θ0", …).
     * The current row becomes currentRowHint, clamped to the new history, and currentRowChanged is emitted
     * after every reset (the state at that row is a new one even if the number is the same).
     */
    void setHistory(std::vector<IterationState> states, const QStringList& parameterSymbols, int currentRowHint = 0);
    /** @brief Appends states at the end (a worker's batch), as one rowsInserted. */
    void appendStates(std::vector<IterationState> states);
    void clear();

    const std::vector<IterationState>& states() const { return m_states; }
    /** @brief The state at row; row must be valid. */
    const IterationState& state(int row) const;
    bool isEmpty() const { return m_states.empty(); }
    int lastRow() const { return static_cast<int>(m_states.size()) - 1; }
    const QStringList& parameterSymbols() const { return m_parameterSymbols; }

    /** @brief The cursor; 0 while the model is empty. */
    int currentRow() const { return m_currentRow; }
    /** @brief The state at the current row; the model must not be empty. */
    const IterationState& currentState() const;
    /** @brief Moves the cursor (clamped to the history); emits currentRowChanged when it moves. */
    void setCurrentRow(int row);
    /**
     * @brief The row whose iteration is the given one, or the last row before it (histories are sorted);
     * 0 when the iteration precedes the first row, -1 when the model is empty.
     */
    int rowForIteration(long long iteration) const;

signals:
    void currentRowChanged(int row);

private:
    std::vector<IterationState> m_states;
    QStringList m_parameterSymbols;
    int m_currentRow = 0;
};

} // namespace gdlab
