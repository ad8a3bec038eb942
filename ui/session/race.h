#pragma once

#include "race_entry.h"
#include "run.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace gdlab {

class IterationModel;
class PinnedRuns;

/**
 * @brief "Race": up to four configurations (optimizer and settings) on the same data and start, stepping in
 * lockstep with the one cursor.
 *
 * The first configuration is the live run (the window routes its settings to the controller); the others are
 * computed here on the live run's problem, start and settings but for their optimizer and rate, and shown
 * beside the pinned runs (PinnedRuns::setRaced), each in its own colour and marker, leaving the user's pins be. They
 * are computed again on every new live run (a new start, other data, a changed setting), so the race always runs from
 * the live start on the live problem.
 */
class Race : public QObject {
    Q_OBJECT

public:
    Race(const IterationModel* model, PinnedRuns* pins, QObject* parent = nullptr);

    /** @brief Starts a race (empty: stops it). The first entry's settings are the caller's to apply. */
    void setEntries(const std::vector<RaceEntry>& entries);
    void stop() { setEntries({}); }
    const std::vector<RaceEntry>& entries() const { return m_entries; }
    bool isActive() const { return !m_entries.empty(); }

    /** @brief The runs racing: 0 is the live run, then the pinned configurations (null when none). */
    int count() const;
    const Run* run(int index) const;
    /** @brief The entry's label ("momentum (lr 0.05)"). */
    QString label(int index) const;
    /** @brief Which series colour (and marker) draws it: -1 for the live run, the pin's otherwise. */
    int seriesIndex(int index) const;
    /** @brief The gradient norm a run must reach to count as arrived: the live tolerance, else 1e-6·|∇ at start|. */
    double tolerance() const;
    /** @brief Where run index reached the tolerance or diverged. */
    RaceFinish finish(int index) const;

signals:
    /** @brief The race's runs were computed anew (or the race stopped), or pins changed their colours. */
    void changed();

private:
    void rerun();

    const IterationModel* m_model;
    PinnedRuns* m_pins;
    std::vector<RaceEntry> m_entries;
    std::vector<std::shared_ptr<const Run>> m_runs; ///< entries 1… on the live problem
    bool m_rerunning = false; ///< the pins' changed is the race's own doing, told once by rerun()
};

} // namespace gdlab
