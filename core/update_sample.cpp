#include "update_sample.h"

#include <algorithm>

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

} // namespace gdlab
