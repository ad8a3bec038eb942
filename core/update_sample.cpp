#include "update_sample.h"

#include <algorithm>
#include <numeric>

namespace gdlab {

UpdateSample updateSample(const SolverSettings& settings, long long rows, long long iteration)
{
    UpdateSample sample;
    sample.method = settings.method;
    sample.total = std::max(rows, 0LL);
    sample.shuffled = settings.method != DescentMethod::Batch && settings.shuffle;
    if (sample.total == 0)
        return sample;
    switch (settings.method) {
    case DescentMethod::Batch:
        sample.count = sample.total;
        break;
    case DescentMethod::Sgd:
        sample.first = iteration % sample.total;
        sample.count = 1;
        break;
    case DescentMethod::MiniBatch: {
        // Each epoch is cut into batches of batchSize rows from the top; the last one takes what is left.
        const long long size = std::clamp(settings.batchSize, 1LL, sample.total);
        const long long perEpoch = (sample.total + size - 1) / size;
        sample.first = (iteration % perEpoch) * size;
        sample.count = std::min(size, sample.total - sample.first);
        break;
    }
    }
    return sample;
}

std::vector<long long> sampleRows(
    const SolverSettings& settings, long long rows, long long iteration, long long replayLimit)
{
    const UpdateSample sample = updateSample(settings, rows, iteration);
    std::vector<long long> result;
    if (sample.count <= 0)
        return result;
    if (!sample.shuffled) {
        result.resize(std::size_t(sample.count));
        std::iota(result.begin(), result.end(), sample.first);
        return result;
    }
    // Only the epochs' orders must be replayed: one shuffle of every row per epoch.
    if (SampleWalk::replayCost(settings, rows, iteration) > replayLimit)
        return result;
    SampleWalk walk(settings, rows);
    walk.skip(iteration);
    const auto first = walk.order().begin() + walk.first();
    result.assign(first, first + walk.count());
    return result;
}

long long defaultBatchSize(long long rows)
{
    if (rows <= 2)
        return 1;
    return std::clamp(rows / 4, 2LL, 32LL);
}

} // namespace gdlab
