#include "session/iteration_model.h"

#include <QFont>
#include <QList>

#include <algorithm>
#include <iterator>

namespace gdlab {

namespace {

// Ten significant digits: compact enough for a table column, precise enough to see a loss still falling in
// its last digits. The tooltip carries all 17.
QString formatNumber(double value)
{
    return QString::number(value, 'g', 10);
}

QList<double> toList(const Eigen::VectorXd& values)
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
    return parent.isValid() ? 0 : static_cast<int>(m_states.size());
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

    const IterationState& state = m_states[static_cast<std::size_t>(index.row())];
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        // The table shows 10 digits; the tooltip every digit a double has, for checking a step by hand.
        const auto format = [role](double value) {
            return role == Qt::DisplayRole ? formatNumber(value) : QString::number(value, 'g', 17);
        };
        switch (column) {
        case IterationColumn:
            return QString::number(state.iteration);
        case EpochColumn:
            return QString::number(state.epoch);
        case LossColumn:
            return format(state.loss);
        case RmseColumn:
            return format(state.rmse);
        case GradientNormColumn:
            return format(state.gradientNorm);
        default: {
            const Eigen::Index parameter = column - FirstThetaColumn;
            if (parameter >= state.theta.size())
                return {};
            return format(state.theta[parameter]);
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
        return QVariant::fromValue<qlonglong>(state.iteration);
    case EpochRole:
        return QVariant::fromValue<qlonglong>(state.epoch);
    case LossRole:
        return state.loss;
    case RmseRole:
        return state.rmse;
    case GradientNormRole:
        return state.gradientNorm;
    case ThetaRole:
        return QVariant::fromValue(toList(state.theta));
    case GradientRole:
        return QVariant::fromValue(toList(state.gradient));
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
            return tr("RMSE");
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
    names.insert(GradientRole, "gradient");
    names.insert(IsCurrentRole, "isCurrent");
    return names;
}

// currentRowChanged is emitted after every reset, even when the row number happens to stay the same: the state
// at that row is a different one now, and views that follow only the cursor (the status line, the update panel)
// must redraw. Views that draw the whole history listen to modelReset as well.
void IterationModel::setHistory(
    std::vector<IterationState> states, const QStringList& parameterSymbols, int currentRowHint)
{
    beginResetModel();
    m_states = std::move(states);
    m_parameterSymbols = parameterSymbols;
    m_currentRow = std::clamp(currentRowHint, 0, std::max(lastRow(), 0));
    endResetModel();
    emit currentRowChanged(m_currentRow);
}

void IterationModel::appendStates(std::vector<IterationState> states)
{
    if (states.empty())
        return;
    const bool wasEmpty = m_states.empty();
    const int first = static_cast<int>(m_states.size());
    beginInsertRows({}, first, first + static_cast<int>(states.size()) - 1);
    m_states.insert(m_states.end(), std::make_move_iterator(states.begin()), std::make_move_iterator(states.end()));
    endInsertRows();
    // Row 0 was only a placeholder cursor while empty; now it names a real state.
    if (wasEmpty)
        emit currentRowChanged(m_currentRow);
}

void IterationModel::clear()
{
    setHistory({}, {}, 0);
}

const IterationState& IterationModel::state(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_states[static_cast<std::size_t>(row)];
}

const IterationState& IterationModel::currentState() const
{
    Q_ASSERT(!m_states.empty());
    return m_states[static_cast<std::size_t>(m_currentRow)];
}

void IterationModel::setCurrentRow(int row)
{
    const int clamped = std::clamp(row, 0, std::max(lastRow(), 0));
    if (clamped == m_currentRow || m_states.empty())
        return;
    const int previous = m_currentRow;
    m_currentRow = clamped;
    const QList<int> roles { IsCurrentRole, Qt::FontRole };
    const int lastColumn = columnCount() - 1;
    if (previous <= lastRow())
        emit dataChanged(index(previous, 0), index(previous, lastColumn), roles);
    emit dataChanged(index(m_currentRow, 0), index(m_currentRow, lastColumn), roles);
    emit currentRowChanged(m_currentRow);
}

int IterationModel::rowForIteration(long long iteration) const
{
    if (m_states.empty())
        return -1;
    // The first state whose iteration is past the one asked for; the row before it is the answer.
    const auto after = std::upper_bound(m_states.begin(), m_states.end(), iteration,
        [](long long wanted, const IterationState& state) { return wanted < state.iteration; });
    if (after == m_states.begin())
        return 0;
    return static_cast<int>(std::distance(m_states.begin(), after)) - 1;
}

} // namespace gdlab
