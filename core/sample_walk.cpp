#include "sample_walk.h"

#include "stochastic_descent.h"

#include <algorithm>
#include <numeric>

namespace gdlab {

namespace {

Eigen::Index batchSizeOf(const SolverSettings& settings, Eigen::Index rows)
{
    if (settings.method == DescentMethod::Sgd)
        return 1;
    return std::min<Eigen::Index>(std::max<long long>(settings.batchSize, 1), std::max<Eigen::Index>(rows, 1));
}

} // namespace

SampleWalk::SampleWalk(const SolverSettings& settings, Eigen::Index rows)
    : m_order(static_cast<std::size_t>(std::max<Eigen::Index>(rows, 0)))
    , m_shuffler(StochasticDescent::shuffleSeed(settings.seed))
    , m_batchSize(batchSizeOf(settings, rows))
    , m_shuffle(settings.shuffle)
{
    std::iota(m_order.begin(), m_order.end(), Eigen::Index { 0 });
    if (m_shuffle)
        std::shuffle(m_order.begin(), m_order.end(), m_shuffler);
}

long long SampleWalk::updatesPerEpoch() const
{
    return (rows() + m_batchSize - 1) / m_batchSize;
}

void SampleWalk::skip(long long updates)
{
    if (updates <= 0 || rows() == 0)
        return;
    const long long perEpoch = updatesPerEpoch();
    const long long reached = m_first / m_batchSize + updates;
    for (long long crossed = reached / perEpoch; crossed > 0; --crossed) {
        ++m_epoch;
        if (m_shuffle)
            std::shuffle(m_order.begin(), m_order.end(), m_shuffler);
    }
    m_first = (reached % perEpoch) * m_batchSize;
}

long long SampleWalk::replayCost(const SolverSettings& settings, Eigen::Index rows, long long iterations)
{
    if (!settings.shuffle || settings.method == DescentMethod::Batch || rows <= 0)
        return 0;
    const Eigen::Index size = batchSizeOf(settings, rows);
    const long long epochs = std::max(iterations, 0LL) / ((rows + size - 1) / size) + 1;
    return epochs > (1LL << 62) / rows ? (1LL << 62) : epochs * rows;
}

} // namespace gdlab
