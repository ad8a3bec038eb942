#include "session/pinned_runs.h"
#include "session/core_text.h"

#include "problem.h"
#include "session/iteration_model.h"

#include <algorithm>

namespace gdlab {

std::size_t PinnedRun::rowAt(long long iteration) const
{
    if (rows <= 0)
        return 0;
    return std::min(history().rowForIteration(iteration), static_cast<std::size_t>(rows - 1));
}

QString PinnedRuns::number(double value)
{
    return QString::number(value, 'g', 4);
}

QString PinnedRuns::startPart(const SolverSettings& settings)
{
    switch (settings.init) {
    case InitKind::Zeros:
        return tr("start zeros");
    case InitKind::Random:
        return tr("random start (seed %1)").arg(settings.seed);
    case InitKind::Values:
        break;
    }
    QStringList values;
    for (const double value : settings.initValues)
        values << number(value);
    return tr("start (%1)").arg(values.join(QStringLiteral(", ")));
}

QString PinnedRuns::optimizerPart(const SolverSettings& settings)
{
    // Its name, and only the parameters that are not the optimizer's defaults: "adam", "momentum (momentum 0.8)".
    // Every default spelled out ("adam (beta1 0.9, beta2 0.999, eps 1e-08)") made a race's legends wider than
    // the views.
    return QString::fromStdString(RaceEntry { settings.optimizer, std::nullopt }.label());
}

QString PinnedRuns::methodPart(const SolverSettings& settings)
{
    QString method = CoreText::method(settings.method);
    // The batch size and the order matter only for the methods that sample.
    if (settings.method == DescentMethod::MiniBatch)
        method += tr(" of %1").arg(settings.batchSize);
    if (settings.method != DescentMethod::Batch && settings.shuffle)
        method += tr(" shuffled (seed %1)").arg(settings.seed);
    return method;
}

PinnedRuns::PinnedRuns(const IterationModel* model, QObject* parent)
    : QObject(parent)
    , m_model(model)
{
    connect(m_model, &IterationModel::runReset, this, &PinnedRuns::onRunReset);
}

const SolverSettings& PinnedRuns::liveSettings() const
{
    static const SolverSettings none;
    return m_model->run() ? m_model->run()->settings : none;
}

bool PinnedRuns::pinCurrent()
{
    if (!m_model->run() || m_model->isEmpty())
        return false;
    pin(m_model->sharedRun(), m_model->lastRow() + 1, describe(m_model->run()->settings));
    return true;
}

bool PinnedRuns::pinFinished(std::shared_ptr<const Run> run)
{
    if (!run || !run->isComplete() || !run->history)
        return false;
    const int rows = static_cast<int>(run->history->size());
    const QString label = describe(run->settings);
    pin(std::move(run), rows, label);
    return true;
}

void PinnedRuns::pin(std::shared_ptr<const Run> pinned, int rows, const QString& label)
{
    if (m_pins.size() >= static_cast<std::size_t>(maxRuns))
        m_pins.erase(m_pins.begin());

    // The first colour that neither a pin nor a race's run shows, so that unpinning one never makes two runs look
    // alike and pinning during a race recolours nothing; with all taken, the first no other pin has.
    std::vector<int> taken;
    for (const PinnedRun& run : m_pins)
        taken.push_back(run.seriesIndex);
    std::vector<int> takenInRace = taken;
    for (const PinnedRun& run : m_shown)
        if (run.raced)
            takenInRace.push_back(run.seriesIndex);
    const int colour = freeColour(takenInRace);

    PinnedRun run;
    run.run = std::move(pinned);
    run.rows = rows;
    run.label = label;
    run.seriesIndex = colour < maxRuns ? colour : freeColour(taken);
    m_pins.push_back(std::move(run));
    show();
}

int PinnedRuns::freeColour(const std::vector<int>& taken) const
{
    int colour = 0;
    while (colour < maxRuns && std::find(taken.begin(), taken.end(), colour) != taken.end())
        ++colour;
    return colour;
}

void PinnedRuns::setRaced(const std::vector<std::pair<std::shared_ptr<const Run>, QString>>& runs)
{
    if (m_raced.empty() && runs.empty())
        return;
    m_raced.clear();
    for (const auto& [run, label] : runs) {
        if (!run || !run->history || run->history->empty())
            continue;
        PinnedRun raced;
        raced.run = run;
        raced.rows = static_cast<int>(run->history->size());
        raced.label = label;
        raced.raced = true;
        m_raced.push_back(std::move(raced));
    }
    m_raced.resize(std::min<std::size_t>(m_raced.size(), maxRuns));
    show();
}

void PinnedRuns::show()
{
    m_shown.clear();
    m_shownPins.clear();
    // The newest pins that fit beside the race keep their colours; the race takes the colours they leave.
    const int room = maxRuns - static_cast<int>(m_raced.size());
    const int firstPin = std::max(0, pinnedCount() - room);
    std::vector<int> taken;
    for (int pin = firstPin; pin < pinnedCount(); ++pin)
        taken.push_back(m_pins[std::size_t(pin)].seriesIndex);
    for (PinnedRun raced : m_raced) {
        raced.seriesIndex = freeColour(taken);
        taken.push_back(raced.seriesIndex);
        m_shown.push_back(std::move(raced));
        m_shownPins.push_back(-1);
    }
    for (int pin = firstPin; pin < pinnedCount(); ++pin) {
        m_shown.push_back(m_pins[std::size_t(pin)]);
        m_shownPins.push_back(pin);
    }
    emit changed();
}

void PinnedRuns::unpin(int index)
{
    if (index < 0 || index >= count() || m_shownPins[std::size_t(index)] < 0)
        return;
    m_pins.erase(m_pins.begin() + m_shownPins[std::size_t(index)]);
    show();
}

void PinnedRuns::clear()
{
    if (m_pins.empty())
        return;
    m_pins.clear();
    show();
}

const PinnedRun& PinnedRuns::run(int index) const
{
    return m_shown.at(static_cast<std::size_t>(index));
}

double PinnedRuns::tolerance() const
{
    const Run* live = m_model->run();
    if (!live || m_model->isEmpty())
        return 0;
    if (live->settings.tolerance > 0)
        return live->settings.tolerance;
    return 1e-6 * live->history->gradientNorm(0);
}

RaceFinish PinnedRuns::finishOf(const Run& run) const
{
    if (!run.history)
        return {};
    std::optional<long long> diverged;
    if (run.outcome && run.outcome->reason == StopReason::Diverged)
        diverged = run.outcome->iterations;
    return raceFinish(*run.history, tolerance(), diverged);
}

QString PinnedRuns::displayLabel(int index) const
{
    const PinnedRun& pinned = run(index);
    const QStringList mine = settingsParts(pinned.settings());
    const QStringList live = settingsParts(liveSettings());
    QStringList differing;
    for (int k = 0; k < mine.size(); ++k) {
        if (mine[k] != live.value(k))
            differing << mine[k];
    }
    return differing.isEmpty() ? pinned.label : differing.join(QStringLiteral(", "));
}

QString PinnedRuns::liveDifferences() const
{
    const QStringList live = settingsParts(liveSettings());
    QStringList differing;
    for (int k = 0; k < live.size(); ++k) {
        const bool differs = std::any_of(m_shown.begin(), m_shown.end(),
            [&](const PinnedRun& pinned) { return settingsParts(pinned.settings()).value(k) != live[k]; });
        if (differs)
            differing << live[k];
    }
    return differing.join(QStringLiteral(", "));
}

QString PinnedRuns::liveLabel() const
{
    const QString differences = liveDifferences();
    return differences.isEmpty() ? tr("current") : tr("current (%1)").arg(differences);
}

QStringList PinnedRuns::settingsParts(const SolverSettings& settings)
{
    QStringList parts;
    parts << tr("lr %1").arg(number(settings.learningRate));
    parts << methodPart(settings);
    parts << CoreText::loss(settings.loss);
    parts << startPart(settings);
    parts << tr("%1 iterations").arg(settings.iterations);
    parts << (settings.tolerance > 0 ? tr("tolerance %1").arg(number(settings.tolerance)) : tr("no tolerance"));
    parts << optimizerPart(settings);
    return parts;
}

QString PinnedRuns::describe(const SolverSettings& settings)
{
    return settingsParts(settings).mid(0, 3).join(QStringLiteral(", "));
}

void PinnedRuns::onRunReset(RunCause cause)
{
    if (m_shown.empty() && m_pins.empty())
        return;
    if (changesProblem(cause)) {
        // Not comparable any more; a race computes its runs anew on the new problem.
        m_pins.clear();
        m_raced.clear();
        show();
    } else {
        emit labelsChanged();
    }
}

} // namespace gdlab
