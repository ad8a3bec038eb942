#include "session/pinned_runs.h"
#include "session/core_text.h"

#include "problem.h"
#include "session/iteration_model.h"

#include <algorithm>

namespace gdlab {

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

bool PinnedRuns::pinRun(std::shared_ptr<const Run> run, const QString& label)
{
    if (!run || !run->history || run->history->empty())
        return false;
    const int rows = static_cast<int>(run->history->size());
    pin(std::move(run), rows, label);
    return true;
}

void PinnedRuns::pin(std::shared_ptr<const Run> pinned, int rows, const QString& label)
{
    if (m_runs.size() >= static_cast<std::size_t>(maxRuns))
        m_runs.erase(m_runs.begin());

    // The first colour of the series that no pin shows, so that unpinning one never makes two runs look alike.
    int colourIndex = 0;
    const auto used = [this](int index) {
        return std::any_of(
            m_runs.begin(), m_runs.end(), [index](const PinnedRun& run) { return run.seriesIndex == index; });
    };
    while (colourIndex < maxRuns && used(colourIndex))
        ++colourIndex;

    PinnedRun run;
    run.run = std::move(pinned);
    run.rows = rows;
    run.label = label;
    run.seriesIndex = colourIndex;
    m_runs.push_back(std::move(run));
    emit changed();
}

void PinnedRuns::unpin(int index)
{
    if (index < 0 || index >= count())
        return;
    m_runs.erase(m_runs.begin() + index);
    emit changed();
}

void PinnedRuns::clear()
{
    if (m_runs.empty())
        return;
    m_runs.clear();
    emit changed();
}

const PinnedRun& PinnedRuns::run(int index) const
{
    return m_runs.at(static_cast<std::size_t>(index));
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
        const bool differs = std::any_of(m_runs.begin(), m_runs.end(),
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
    parts << CoreText::optimizerSettings(settings.optimizer);
    return parts;
}

QString PinnedRuns::describe(const SolverSettings& settings)
{
    return settingsParts(settings).mid(0, 3).join(QStringLiteral(", "));
}

void PinnedRuns::onRunReset(RunCause cause)
{
    if (m_runs.empty())
        return;
    if (changesProblem(cause))
        clear();
    else
        emit labelsChanged();
}

} // namespace gdlab
