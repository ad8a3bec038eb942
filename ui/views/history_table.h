#pragma once

#include <QTableView>

namespace gdlab {

class IterationModel;

/**
 * @brief The descent history as a table, one row per state, whose selection follows the model's current row:
 * selecting a row asks for it (rowRequested), and stepping elsewhere selects and scrolls to the row.
 *
 * Rows have one fixed height and columns are sized to their contents once per history (from a sample of rows,
 * Qt's resizeContentsPrecision), never per appended batch, so 100,000-row histories stay fast.
 */
class HistoryTable : public QTableView {
    Q_OBJECT

public:
    explicit HistoryTable(const IterationModel* model, QWidget* parent = nullptr);

    const IterationModel* iterationModel() const { return m_model; }
    /** @brief How many times the table was set up for a whole new run (once per runReset). */
    int refreshCount() const { return m_refreshCount; }

signals:
    /** @brief The user selected row; the window makes it the current row. */
    void rowRequested(int row);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void onRowsAppended(int first);
    void onSelectionCurrentChanged(const QModelIndex& current);
    void selectCurrentRow();
    void updateRowHeight();
    void fitColumns();

    const IterationModel* m_model = nullptr;
    bool m_syncing = false; ///< set while one side of the sync moves the other, so neither echoes back
    int m_refreshCount = 0;
};

} // namespace gdlab
