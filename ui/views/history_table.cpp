#include "views/history_table.h"

#include "session/iteration_model.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>

namespace gdlab {

HistoryTable::HistoryTable(IterationModel* model, QWidget* parent)
    : QTableView(parent)
    , m_model(model)
{
    setModel(m_model);
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
    connect(m_model, &IterationModel::currentRowChanged, this, &HistoryTable::selectCurrentRow);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryTable::onModelReset);
    // A worker's run resets the model with its starting point only and appends the rest; size the columns
    // again for its first batch, whose numbers are wider than the start's zeros, and never after that.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first) {
        if (first <= 1)
            resizeColumnsToContents();
    });
    onModelReset();
}

void HistoryTable::changeEvent(QEvent* event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateRowHeight();
}

void HistoryTable::onModelReset()
{
    resizeColumnsToContents();
    selectCurrentRow();
}

void HistoryTable::onSelectionCurrentChanged(const QModelIndex& current)
{
    if (m_syncing || !current.isValid())
        return;
    // The row is already selected and under the pointer: the echo must neither reselect nor scroll.
    m_syncing = true;
    m_model->setCurrentRow(current.row());
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
