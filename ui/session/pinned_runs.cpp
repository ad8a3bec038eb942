#include "session/pinned_runs.h"

#include "problem.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"

#include <algorithm>

namespace gdlab {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 4);
}

QString startPart(const SolverSettings& settings)
{
    switch (settings.init) {
    case InitKind::Zeros:
        return QObject::tr("start zeros");
    case InitKind::Random:
        return QObject::tr("random start (seed %1)").arg(settings.seed);
    case InitKind::Values:
        break;
    }
    QStringList values;
    for (const double value : settings.initValues)
        values << number(value);
    return QObject::tr("start (%1)").arg(values.join(QStringLiteral(", ")));
}

QString methodPart(const SolverSettings& settings)
{
    QString method = QString::fromLatin1(methodName(settings.method));
    // The batch size and the order matter only for the methods that sample.
    if (settings.method == DescentMethod::MiniBatch)
        method += QObject::tr(" of %1").arg(settings.batchSize);
    if (settings.method != DescentMethod::Batch && settings.shuffle)
        method += QObject::tr(" shuffled (seed %1)").arg(settings.seed);
    return method;
}

} // namespace

PinnedRuns::PinnedRuns(SessionController* controller, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
{
    connect(m_controller, &SessionController::problemChanged, this, &PinnedRuns::onProblemChanged);
    connect(m_controller, &SessionController::settingsChanged, this, [this] {
        if (!m_runs.empty())
            emit labelsChanged();
    });
}

bool PinnedRuns::pinCurrent()
{
    const auto& problem = m_controller->problem();
    const IterationModel* model = m_controller->model();
    if (!problem || model->isEmpty())
        return false;
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
    run.settings = m_controller->settings();
    run.label = describe(run.settings);
    run.seriesIndex = colourIndex;
    run.states = model->states(); // a copy: the live history is replaced by the next recomputation
    run.problem = problem;
    if (m_runs.empty()) {
        m_lessonName = m_controller->lessonName();
        m_title = m_controller->title();
    }
    m_runs.push_back(std::move(run));
    emit changed();
    return true;
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
    const QStringList mine = settingsParts(pinned.settings);
    const QStringList live = settingsParts(m_controller->settings());
    QStringList differing;
    for (int k = 0; k < mine.size(); ++k) {
        if (mine[k] != live.value(k))
            differing << mine[k];
    }
    return differing.isEmpty() ? pinned.label : differing.join(QStringLiteral(", "));
}

QString PinnedRuns::liveDifferences() const
{
    const QStringList live = settingsParts(m_controller->settings());
    QStringList differing;
    for (int k = 0; k < live.size(); ++k) {
        const bool differs = std::any_of(m_runs.begin(), m_runs.end(),
            [&](const PinnedRun& pinned) { return settingsParts(pinned.settings).value(k) != live[k]; });
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
    parts << QString::fromLatin1(lossName(settings.loss));
    parts << startPart(settings);
    parts << tr("%1 iterations").arg(settings.iterations);
    parts << (settings.tolerance > 0 ? tr("tolerance %1").arg(number(settings.tolerance)) : tr("no tolerance"));
    return parts;
}

QString PinnedRuns::describe(const SolverSettings& settings)
{
    return settingsParts(settings).mid(0, 3).join(QStringLiteral(", "));
}

void PinnedRuns::onProblemChanged()
{
    if (m_runs.empty())
        return;
    const auto& problem = m_controller->problem();
    // Another lesson is another lesson even on the same data (five_points and five_points_rss share theirs).
    if (!problem || m_controller->lessonName() != m_lessonName || m_controller->title() != m_title
        || !isSameProblem(*problem))
        clear();
}

bool PinnedRuns::isSameProblem(const Problem& problem) const
{
    const Problem& pinned = *m_runs.front().problem;
    if (&pinned == &problem)
        return true;
    // Same columns and scaling, and the same numbers in them: then θ means the same and so does the surface.
    return pinned.spec() == problem.spec() && pinned.parameterNames() == problem.parameterNames()
        && pinned.design().rows() == problem.design().rows() && pinned.design().cols() == problem.design().cols()
        && pinned.design() == problem.design() && pinned.target() == problem.target();
}

} // namespace gdlab
