#pragma once

#include <QTableView>

namespace gdlab {

class IterationModel;

/**
 * @brief The descent history as a table, one row per state, whose selection is the model's current row:
 * selecting a row moves every view there, and stepping elsewhere selects and scrolls to the row.
 *
 * Rows have one fixed height and columns are sized to their contents once per history (from a sample of rows,
 * Qt's resizeContentsPrecision), never per inserted batch, so 100,000-row histories stay fast.
 */
class HistoryTable : public QTableView {
    Q_OBJECT

public:
    explicit HistoryTable(IterationModel* model, QWidget* parent = nullptr);

    IterationModel* iterationModel() const { return m_model; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void onModelReset();
    void onSelectionCurrentChanged(const QModelIndex& current);
    void selectCurrentRow();
    void updateRowHeight();

    IterationModel* m_model = nullptr;
    bool m_syncing = false; ///< set while one side of the sync moves the other, so neither echoes back
};

} // namespace gdlab
