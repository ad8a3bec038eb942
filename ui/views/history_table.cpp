#include "views/history_table.h"

#include "session/iteration_model.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QStyle>

#include <algorithm>

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
    fitColumns();
    selectCurrentRow();
}

void HistoryTable::onRowsAppended(int)
{
    // The columns are as wide as the widest number the model can write: nothing to resize as rows arrive.
}

// Widths from the widest text a column can hold, not from measuring its rows: Qt's resizeColumnsToContents()
// lays out the text of a thousand rows (a third of a learning-rate change's time), and widths that followed
// the numbers would make the columns jump as the cursor moves.
void HistoryTable::fitColumns()
{
    const QFontMetrics metrics(font());
    const int padding
        = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + metrics.averageCharWidth();
    // Ten significant digits with a sign and a three-digit exponent, as IterationModel writes them.
    const int number = metrics.horizontalAdvance(QStringLiteral("-8.888888888e-888"));
    const int count = QString::number(std::max(m_model->lastRow(), 0) + 1).size() + 1;
    const int integer = metrics.horizontalAdvance(QString(count, QLatin1Char('8')));
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const bool counting = column == IterationModel::IterationColumn || column == IterationModel::EpochColumn;
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        setColumnWidth(column, std::max(counting ? integer : number, metrics.horizontalAdvance(header)) + padding);
    }
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
