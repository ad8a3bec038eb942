#include "session/race.h"

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
    // A pin made or dropped during the race may give the race's runs other colours: the legend says so.
    connect(m_pins, &PinnedRuns::changed, this, [this] {
        if (!m_rerunning && isActive())
            emit changed();
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
    m_runs.clear();
    std::vector<std::pair<std::shared_ptr<const Run>, QString>> shown;
    const Run* live = m_model->run();
    if (live && !m_model->isEmpty()) {
        for (std::size_t i = 1; i < m_entries.size(); ++i) {
            // The live run's problem and start; only the optimizer and its rate differ. A configuration that
            // cannot run (Newton with SGD, say) is left out rather than stopping the race.
            try {
                Run run = withSettings(*live, m_entries[i].applyTo(live->settings));
                descend(run);
                auto shared = std::make_shared<const Run>(std::move(run));
                shown.emplace_back(shared, QString::fromStdString(m_entries[i].label()));
                m_runs.push_back(std::move(shared));
            } catch (const std::exception&) {
                m_runs.push_back(nullptr);
            }
        }
    }
    // Beside the user's pins, never in their place: they stay, and stay when the race stops.
    m_rerunning = true;
    m_pins->setRaced(shown);
    m_rerunning = false;
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
        return QString::fromStdString(RaceEntry { m_model->run()->settings.optimizer, std::nullopt }.label());
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
    return m_pins->tolerance();
}

RaceFinish Race::finish(int index) const
{
    const Run* wanted = run(index);
    return wanted ? m_pins->finishOf(*wanted) : RaceFinish {};
}

} // namespace gdlab
