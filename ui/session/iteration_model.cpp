#include "session/iteration_model.h"

#include <QFont>
#include <QList>

#include <algorithm>
#include <iterator>

namespace gdlab {

namespace {

// Ten significant digits: compact enough for a table column, precise enough to see a loss still falling in
// its last digits. The tooltip carries all 17.
QString tableCellText(double value)
{
    return QString::number(value, 'g', 10);
}

QList<double> toList(const Eigen::Ref<const Eigen::VectorXd>& values)
{
    return QList<double>(values.data(), values.data() + values.size());
}

} // namespace

IterationModel::IterationModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int IterationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int IterationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstThetaColumn + static_cast<int>(m_parameterSymbols.size());
}

QVariant IterationModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() < 0
        || index.row() >= rowCount() || index.column() < 0 || index.column() >= columnCount())
        return {};

    const int row = index.row();
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        // The table shows 10 digits; the tooltip every digit a double has, for checking a step by hand.
        const auto format = [role](double value) {
            return role == Qt::DisplayRole ? tableCellText(value) : QString::number(value, 'g', 17);
        };
        switch (column) {
        case IterationColumn:
            return QString::number(iteration(row));
        case EpochColumn:
            return QString::number(epoch(row));
        case LossColumn:
            return format(loss(row));
        case RmseColumn: // the logistic model has no RMSE: the column holds its accuracy
            return format(m_run && m_run->isLogistic() ? history().accuracy(at(row)) : rmse(row));
        case GradientNormColumn:
            return format(gradientNorm(row));
        default: {
            const Eigen::Index parameter = column - FirstThetaColumn;
            if (parameter >= history().parameterCount())
                return {};
            return format(theta(row)[parameter]);
        }
        }
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::FontRole:
        if (index.row() == m_currentRow) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case IterationRole:
        return QVariant::fromValue<qlonglong>(iteration(row));
    case EpochRole:
        return QVariant::fromValue<qlonglong>(epoch(row));
    case LossRole:
        return loss(row);
    case RmseRole:
        return rmse(row);
    case GradientNormRole:
        return gradientNorm(row);
    case ThetaRole:
        return QVariant::fromValue(toList(theta(row)));
    case IsCurrentRole:
        return index.row() == m_currentRow;
    default:
        return {};
    }
}

QVariant IterationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount() || role != Qt::DisplayRole)
            return {};
        return section;
    }
    if (section < 0 || section >= columnCount())
        return {};

    if (role == Qt::DisplayRole) {
        switch (section) {
        case IterationColumn:
            return tr("iteration");
        case EpochColumn:
            return tr("epoch");
        case LossColumn:
            return tr("loss");
        case RmseColumn:
            return m_run && m_run->isLogistic() ? tr("accuracy") : tr("RMSE");
        case GradientNormColumn:
            return tr("|∇|");
        default:
            return m_parameterSymbols.at(section - FirstThetaColumn);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IterationColumn:
            return tr("Number of updates made so far (0 = the starting point)");
        case EpochColumn:
            return tr("Full passes over the data completed");
        case LossColumn:
            return tr("The loss on the whole data set at this θ");
        case RmseColumn:
            return tr("Root mean squared error: sqrt(mean of the squared residuals)");
        case GradientNormColumn:
            return tr("Length of the gradient of the loss on the whole data set; 0 at the optimum");
        default:
            return tr("Parameter %1 (in the space the descent runs in)")
                .arg(m_parameterSymbols.at(section - FirstThetaColumn));
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QHash<int, QByteArray> IterationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IterationRole, "iteration");
    names.insert(EpochRole, "epoch");
    names.insert(LossRole, "loss");
    names.insert(RmseRole, "rmse");
    names.insert(GradientNormRole, "gradientNorm");
    names.insert(ThetaRole, "theta");
    names.insert(IsCurrentRole, "isCurrent");
    return names;
}

const History& IterationModel::history() const
{
    static const History empty;
    return m_run && m_run->history ? *m_run->history : empty;
}

Eigen::VectorXd IterationModel::gradient(int row) const
{
    return m_run->evaluateRow(at(row)).gradient;
}

Eigen::VectorXd IterationModel::stepGradient(int row) const
{
    return m_run->stepGradient(at(row));
}

void IterationModel::setRun(std::shared_ptr<const Run> run, long long keepIteration, int rows)
{
    const RunCause cause = run ? run->cause : RunCause::NewData;
    beginResetModel();
    m_run = std::move(run);
    const std::size_t available = m_run && m_run->history ? m_run->history->size() : 0;
    m_rows = rows < 0 ? static_cast<int>(available) : std::min(rows, static_cast<int>(available));
    m_parameterSymbols.clear();
    if (m_run)
        for (const std::string& symbol : m_run->problem->parameterSymbols())
            m_parameterSymbols << QString::fromStdString(symbol);
    m_currentRow = std::max(rowForIteration(keepIteration), 0);
    m_followedRow = m_currentRow;
    const bool reached = !isEmpty() && iteration(m_currentRow) >= keepIteration;
    m_pendingIteration = isComputing() && !reached ? keepIteration : -1;
    endResetModel();
    emit runReset(cause);
}

void IterationModel::appendRows(int rows)
{
    const int available = m_run && m_run->history ? rows : 0;
    if (available <= m_rows)
        return;
    const int first = m_rows;
    beginInsertRows({}, first, available - 1);
    m_rows = available;
    endInsertRows();
    emit rowsAppended(first, available - 1);
    followPendingIteration();
}

void IterationModel::finishRun(std::shared_ptr<const Run> finished)
{
    if (!finished || !m_run || finished->history != m_run->history)
        return;
    m_run = std::move(finished);
    appendRows(static_cast<int>(m_run->history->size()));
    m_pendingIteration = -1;
    emit runFinished();
}

void IterationModel::followPendingIteration()
{
    if (m_pendingIteration < 0)
        return;
    if (m_currentRow != m_followedRow) {
        m_pendingIteration = -1; // the user moved the cursor meanwhile; leave it where they put it
        return;
    }
    moveCursor(rowForIteration(m_pendingIteration));
    m_followedRow = m_currentRow;
    if (iteration(m_currentRow) >= m_pendingIteration)
        m_pendingIteration = -1;
}

void IterationModel::setCurrentRow(int row)
{
    if (isEmpty())
        return;
    moveCursor(std::clamp(row, 0, lastRow()));
}

void IterationModel::moveCursor(int row)
{
    if (row == m_currentRow)
        return;
    const int previous = m_currentRow;
    m_currentRow = row;
    const QList<int> roles { IsCurrentRole, Qt::FontRole };
    const int lastColumn = columnCount() - 1;
    if (previous <= lastRow())
        emit dataChanged(index(previous, 0), index(previous, lastColumn), roles);
    emit dataChanged(index(m_currentRow, 0), index(m_currentRow, lastColumn), roles);
    emit currentRowChanged(m_currentRow);
}

int IterationModel::rowForIteration(long long iteration) const
{
    if (isEmpty())
        return -1;
    return std::min(static_cast<int>(history().rowForIteration(iteration)), lastRow());
}

} // namespace gdlab
