#include "views/history_table.h"

#include "session/iteration_model.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>

namespace gdlab {

HistoryTable::HistoryTable(const IterationModel* model, QWidget* parent)
    : QTableView(parent)
    , m_model(model)
{
    // QAbstractItemView takes a mutable model, but with NoEditTriggers it only ever reads this one.
    setModel(const_cast<IterationModel*>(m_model));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    // Fixed heights let the view place row 99,999 without measuring the rows before it.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
    updateRowHeight();

    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryTable::onSelectionCurrentChanged);
    connect(m_model, &IterationModel::runReset, this, &HistoryTable::refresh);
    connect(m_model, &IterationModel::rowsAppended, this, &HistoryTable::onRowsAppended);
    connect(m_model, &IterationModel::currentRowChanged, this, &HistoryTable::selectCurrentRow);
    refresh();
}

void HistoryTable::changeEvent(QEvent* event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateRowHeight();
}

void HistoryTable::refresh()
{
    ++m_refreshCount;
    resizeColumnsToContents();
    selectCurrentRow();
}

void HistoryTable::onRowsAppended(int first)
{
    // A worker's run arrives with its starting point only and the rest appended; size the columns again for its
    // first batch, whose numbers are wider than the start's zeros, and never after that.
    if (first <= 1)
        resizeColumnsToContents();
}

void HistoryTable::onSelectionCurrentChanged(const QModelIndex& current)
{
    if (m_syncing || !current.isValid())
        return;
    // The row is already selected and under the pointer: the current row coming back must neither reselect nor
    // scroll.
    m_syncing = true;
    emit rowRequested(current.row());
    m_syncing = false;
}

void HistoryTable::selectCurrentRow()
{
    if (m_syncing || m_model->isEmpty())
        return;
    const QModelIndex index = m_model->index(m_model->currentRow(), 0);
    m_syncing = true;
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_syncing = false;
    // Centred, the rows before and after the current one stay in view while playback moves it.
    scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void HistoryTable::updateRowHeight()
{
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    verticalHeader()->setMinimumSectionSize(fontMetrics().height() + 2);
}

} // namespace gdlab
