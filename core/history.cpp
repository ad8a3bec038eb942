#include "history.h"

#include <algorithm>
#include <cassert>

namespace gdlab {

History::History(Eigen::Index parameterCount, bool keepsStepGradients, bool keepsAccuracy)
    : m_parameters(parameterCount)
    , m_keepsStepGradients(keepsStepGradients)
    , m_keepsAccuracy(keepsAccuracy)
{
}

void History::reserve(std::size_t rows)
{
    m_theta.reserve(rows * columnStride());
    if (m_keepsStepGradients)
        m_stepGradient.reserve(rows * columnStride());
    m_loss.reserve(rows);
    m_rmse.reserve(rows);
    m_gradientNorm.reserve(rows);
    m_epoch.reserve(rows);
    if (m_keepsAccuracy)
        m_accuracy.reserve(rows);
}

Eigen::Map<const Eigen::VectorXd> History::stepGradient(std::size_t row) const
{
    if (!m_keepsStepGradients)
        return Eigen::Map<const Eigen::VectorXd>(nullptr, 0);
    return Eigen::Map<const Eigen::VectorXd>(m_stepGradient.data() + row * columnStride(), m_parameters);
}

std::size_t History::rowForIteration(long long iteration) const
{
    if (empty() || iteration <= m_firstIteration)
        return 0;
    return std::min(static_cast<std::size_t>(iteration - m_firstIteration), size() - 1);
}

void History::appendStepGradient(const double* stepGradient)
{
    if (stepGradient)
        m_stepGradient.insert(m_stepGradient.end(), stepGradient, stepGradient + m_parameters);
    else
        m_stepGradient.resize(m_stepGradient.size() + columnStride(), 0.0);
}

std::size_t History::memoryBytes() const
{
    std::size_t doubles = m_theta.capacity() + m_stepGradient.capacity() + m_loss.capacity() + m_rmse.capacity()
        + m_gradientNorm.capacity() + m_accuracy.capacity();
    return doubles * sizeof(double) + m_epoch.capacity() * sizeof(long long);
}

void History::retainLast()
{
    if (size() <= 1)
        return;
    const std::size_t last = size() - 1;
    const auto keepLastColumn = [this](std::vector<double>& column) {
        std::copy(column.end() - static_cast<std::ptrdiff_t>(columnStride()), column.end(), column.begin());
        column.resize(columnStride());
    };
    keepLastColumn(m_theta);
    if (m_keepsStepGradients)
        keepLastColumn(m_stepGradient);
    for (std::vector<double>* column : { &m_loss, &m_rmse, &m_gradientNorm }) {
        (*column)[0] = (*column)[last];
        column->resize(1);
    }
    m_epoch[0] = m_epoch[last];
    m_epoch.resize(1);
    if (m_keepsAccuracy) {
        m_accuracy[0] = m_accuracy[last];
        m_accuracy.resize(1);
    }
    m_firstIteration += static_cast<long long>(last);
    assert(size() == 1);
}

void History::startAt(long long iteration)
{
    assert(empty());
    m_firstIteration = iteration;
}

} // namespace gdlab
