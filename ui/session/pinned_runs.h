#pragma once

#include "race_entry.h"
#include "run.h"
#include "solver_settings.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>
#include <vector>

namespace gdlab {

class IterationModel;

/** @brief A run kept for comparison: the run itself (immutable, so pinning copies nothing) and its colour. */
struct PinnedRun {
    /** "lr 0.01, batch, mse": the settings a class compares runs by. */
    QString label;
    /** Which of the views' series colours draws the run (ViewPalette::series); no two pins share one. */
    int seriesIndex = 0;
    std::shared_ptr<const Run> run;
    /** Rows of its history that were ready when it was pinned (all of them unless it was still computing). */
    int rows = 0;
    /** A race's configuration (Race), not a run the user pinned: it comes and goes with the race. */
    bool raced = false;

    /** @brief The row the run was at when the cursor is at iteration: its last one when it stopped earlier. */
    std::size_t rowAt(long long iteration) const;

    const History& history() const { return *run->history; }
    const SolverSettings& settings() const { return run->settings; }
    const Problem& problem() const { return *run->problem; }
};

/**
 * @brief "Compare runs": copies of earlier runs that the loss, contour and bowl views draw beside the live one.
 *
 * A pinned run is the published Run itself, which nothing changes, so it stays as it was while the live run is
 * recomputed. Runs are only comparable on the same problem (same data, columns and standardization): θ then
 * lives in the same descent space and the loss surface is the same. So pins survive a new run whose cause keeps
 * the problem (settings, start, ghosts) and are cleared by one that changes it (another lesson, other data,
 * edited points, other columns). Pins made with another loss keep their loss values in that loss's units; their
 * labels then name the loss.
 *
 * A race's configurations (setRaced) are kept apart from the user's pins: the views show them first, then the
 * user's pins, at most maxRuns in all (the newest pins while a race needs the room), and no two in one colour.
 * Starting, changing or stopping a race never drops a pin, and unpin() and clear() touch only the user's pins.
 */
class PinnedRuns : public QObject {
    Q_OBJECT

public:
    /** @brief At most this many runs are pinned; pinning another drops the oldest (the palette has six). */
    static constexpr int maxRuns = 6;

    explicit PinnedRuns(const IterationModel* model, QObject* parent = nullptr);

    /**
     * @brief Pins the live run: copies the model's history as it is now (a worker run still computing is
     * pinned as far as it got) and gives it the first series colour no other pin uses. False when there is
     * nothing to pin.
     */
    bool pinCurrent();
    /**
     * @brief Pins a finished run of the live problem (a saved session's pins, computed again); false when it is not
     * finished.
     */
    bool pinFinished(std::shared_ptr<const Run> run);
    /**
     * @brief The race's configurations, computed on the live problem (replacing the race's earlier ones; none:
     * the race stopped). Each is drawn whole, with its label, in a colour no pin shown uses. The user's pins stay.
     */
    void setRaced(const std::vector<std::pair<std::shared_ptr<const Run>, QString>>& runs);
    /** @brief Removes the user's pin shown at index (ignored when out of range or a race's run). */
    void unpin(int index);
    /** @brief Removes the user's pins; a race's runs stay while the race does. */
    void clear();

    /** @brief The runs the views draw: the race's, then the user's pins that fit. */
    int count() const { return static_cast<int>(m_shown.size()); }
    bool isEmpty() const { return m_shown.empty(); }
    /** @brief The run shown at index; index must be valid. */
    const PinnedRun& run(int index) const;
    /** @brief The runs the user pinned, shown or set aside while a race needs their room. */
    int pinnedCount() const { return static_cast<int>(m_pins.size()); }
    int racedCount() const { return static_cast<int>(m_raced.size()); }

    /**
     * @brief The gradient norm at which a run counts as arrived: the live run's tolerance, else 1e-6 of the live
     * run's gradient norm at its start (0 without a live run).
     */
    double tolerance() const;
    /** @brief Where run first reached tolerance(), or diverged. */
    RaceFinish finishOf(const Run& run) const;

    /**
     * @brief What the legends call the run at index: only the settings that differ from the live run
     * ("lr 0.05", "lr 0.05, sse"), or its full label when none differ.
     */
    QString displayLabel(int index) const;
    /** @brief The live run's settings in which some pin differs ("lr 0.08"), or "" when none do. */
    QString liveDifferences() const;
    /** @brief What the legends call the live run: "current (lr 0.08)", or "current" when no pin differs. */
    QString liveLabel() const;

    /**
     * @brief The settings as comparable parts in a fixed order: lr, method, loss, start, iterations, tolerance,
     * optimizer.
     */
    static QStringList settingsParts(const SolverSettings& settings);
    /** @brief "lr 0.01, batch, mse". */
    static QString describe(const SolverSettings& settings);

signals:
    /** @brief A run was pinned or unpinned, or all were cleared. */
    void changed();
    /** @brief The live settings changed, so displayLabel() and liveLabel() may read differently. */
    void labelsChanged();

private:
    void pin(std::shared_ptr<const Run> run, int rows, const QString& label);
    /** Lays out m_shown from the race's runs and the user's pins, and says so. */
    void show();
    int freeColour(const std::vector<int>& taken) const;
    void onRunReset(RunCause cause);
    const SolverSettings& liveSettings() const;
    static QString number(double value);
    static QString startPart(const SolverSettings& settings);
    static QString methodPart(const SolverSettings& settings);
    static QString optimizerPart(const SolverSettings& settings);

    const IterationModel* m_model;
    /** The user's pins, oldest first, each with the colour it was pinned in. */
    std::vector<PinnedRun> m_pins;
    /** The race's runs, in the race's order. */
    std::vector<PinnedRun> m_raced;
    /** What the views draw: m_raced, then the newest pins that fit, in the colours they are drawn in. */
    std::vector<PinnedRun> m_shown;
    /** For each shown run, its index in m_pins, or -1 for a race's run. */
    std::vector<int> m_shownPins;
};

/**
 * @brief What every view that draws pinned runs does with them: points slot (the view's member) at runs, calls
 * changed on each pin or unpin and labelsChanged when the live settings rename them, forgets runs that are
 * destroyed, and draws once now. Disconnects from the runs it followed before.
 */
template <class Receiver>
void followPinnedRuns(const PinnedRuns*& slot, const PinnedRuns* runs, Receiver* receiver, void (Receiver::*changed)(),
    void (Receiver::*labelsChanged)())
{
    if (runs == slot)
        return;
    if (slot)
        QObject::disconnect(slot, nullptr, receiver, nullptr);
    slot = runs;
    if (slot) {
        QObject::connect(slot, &PinnedRuns::changed, receiver, changed);
        QObject::connect(slot, &PinnedRuns::labelsChanged, receiver, labelsChanged);
        // slot is the receiver's member: the receiver, the connection's context, outlives the lambda.
        QObject::connect(slot, &QObject::destroyed, receiver, [&slot, receiver, changed] {
            slot = nullptr;
            (receiver->*changed)();
        });
    }
    (receiver->*changed)();
}

} // namespace gdlab
