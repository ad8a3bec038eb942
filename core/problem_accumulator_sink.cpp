#include "problem_accumulator_sink.h"

#include <stdexcept>

namespace gdlab {

void ProblemAccumulatorSink::start(const ProblemAccumulator& empty)
{
    m_empty = empty;
    m_total = empty;
}

void ProblemAccumulatorSink::begin(std::size_t blocks)
{
    if (!m_empty)
        throw std::logic_error("ProblemAccumulatorSink: start() was not called");
    m_blocks.clear();
    m_blocks.resize(blocks);
}

// Each index is taken by one thread at a time, and the slots are made before the threads start: no lock is needed.
void ProblemAccumulatorSink::take(std::size_t index, const Rows& rows)
{
    std::optional<ProblemAccumulator>& block = m_blocks.at(index);
    block = *m_empty;
    if (m_exactPass)
        block->addExactPass(rows);
    else
        block->add(rows);
}

void ProblemAccumulatorSink::commit(const std::vector<std::size_t>& blocks)
{
    for (std::size_t index : blocks) {
        std::optional<ProblemAccumulator>& block = m_blocks.at(index);
        if (!block)
            throw std::logic_error("ProblemAccumulatorSink: a block of rows was committed but never taken");
        m_total->merge(*block);
        block.reset();
    }
}

} // namespace gdlab
