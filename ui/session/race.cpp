#include "session/race.h"

#include "session/core_text.h"
#include "session/iteration_model.h"
#include "session/pinned_runs.h"

#include <algorithm>
#include <exception>

namespace gdlab {

Race::Race(const IterationModel* model, PinnedRuns* pins, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_pins(pins)
{
    // Connected after the pins' own handler, which clears them when the problem changes: the race pins anew.
    connect(m_model, &IterationModel::runReset, this, [this](RunCause cause) {
        if (isActive() && cause != RunCause::NewGhosts)
            rerun();
    });
}

void Race::setEntries(const std::vector<RaceEntry>& entries)
{
    const std::size_t count = std::min<std::size_t>(entries.size(), kMaxRaceEntries);
    m_entries.assign(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(count));
    rerun();
}

void Race::rerun()
{
    m_pins->clear();
    m_runs.clear();
    const Run* live = m_model->run();
    if (live && !m_model->isEmpty()) {
        for (std::size_t i = 1; i < m_entries.size(); ++i) {
            // The live run's problem and start; only the optimizer and its rate differ. A configuration that
            // cannot run (Newton with SGD, say) is left out rather than stopping the race.
            try {
                Run run = withSettings(*live, m_entries[i].applyTo(live->settings));
                descend(run);
                auto shared = std::make_shared<const Run>(std::move(run));
                m_pins->pinRun(shared, QString::fromStdString(m_entries[i].label()));
                m_runs.push_back(std::move(shared));
            } catch (const std::exception&) {
                m_runs.push_back(nullptr);
            }
        }
    }
    emit changed();
}

int Race::count() const
{
    return isActive() ? static_cast<int>(m_entries.size()) : 0;
}

const Run* Race::run(int index) const
{
    if (index == 0)
        return m_model->run();
    if (index < 1 || std::size_t(index - 1) >= m_runs.size())
        return nullptr;
    return m_runs[std::size_t(index - 1)].get();
}

QString Race::label(int index) const
{
    if (index < 0 || std::size_t(index) >= m_entries.size())
        return {};
    if (index == 0 && m_model->run())
        return CoreText::optimizerSettings(m_model->run()->settings.optimizer);
    return QString::fromStdString(m_entries[std::size_t(index)].label());
}

int Race::seriesIndex(int index) const
{
    const Run* wanted = run(index);
    if (index == 0 || !wanted)
        return -1;
    for (int pin = 0; pin < m_pins->count(); ++pin)
        if (m_pins->run(pin).run.get() == wanted)
            return m_pins->run(pin).seriesIndex;
    return -1;
}

double Race::tolerance() const
{
    const Run* live = m_model->run();
    if (!live || m_model->isEmpty())
        return 0;
    if (live->settings.tolerance > 0)
        return live->settings.tolerance;
    return 1e-6 * live->history->gradientNorm(0);
}

RaceFinish Race::finish(int index) const
{
    const Run* wanted = run(index);
    if (!wanted || !wanted->history)
        return {};
    std::optional<long long> diverged;
    if (wanted->outcome && wanted->outcome->reason == StopReason::Diverged)
        diverged = wanted->outcome->iterations;
    return raceFinish(*wanted->history, tolerance(), diverged);
}

} // namespace gdlab
