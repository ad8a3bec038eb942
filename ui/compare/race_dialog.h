#pragma once

#include "race_entry.h"

#include <QDialog>
#include <QString>

#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gdlab {

class IterationModel;
class Race;

/**
 * @brief Compare › Race: the configurations to race (typed as on the command line, "gd,momentum:lr=0.05,adam")
 * and the race's legend: each run in its colour and marker with its loss at the cursor's iteration and the
 * iteration at which it first reached the tolerance, or diverged.
 *
 * It reads the model and the race and sends the text the user chose (entriesChosen); the window parses it and
 * starts the race, and reports a refusal through showError().
 */
class RaceDialog : public QDialog {
    Q_OBJECT

public:
    RaceDialog(const IterationModel* model, const Race* race, QWidget* parent = nullptr);

    QLineEdit* entriesEdit() const { return m_entries; }
    QPushButton* runButton() const { return m_run; }
    /** @brief The legend as plain text, one line per run (for tests and copying). */
    QString legendText() const { return m_plainLegend; }
    /** @brief Shows why the typed race was refused (empty: clears it). */
    void showError(const QString& message);

    /** @brief The marker each race position draws with (the live run's is a circle): '●', '■', '▲', '◆'. */
    static QString markerSymbol(int index);
    /** @brief The race as it is typed ("gd,momentum:lr=0.05:momentum=0.8"): what parseRace() reads back. */
    static QString entriesText(const std::vector<RaceEntry>& entries);

signals:
    void entriesChosen(const QString& text);
    void stopRequested();

protected:
    /** The first time: in the window's bottom-right corner, over the controls rather than the views. */
    void showEvent(QShowEvent* event) override;
    /** A theme's palette: the refusal and the legend take its warning and series colours. */
    void changeEvent(QEvent* event) override;

private:
    void updateLegend();
    void followRace();
    void applyWarningColour();

    const IterationModel* m_model;
    const Race* m_race;
    QLineEdit* m_entries = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_stop = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_legend = nullptr;
    QString m_plainLegend;
    /** The race the line shows, so that a race run again on a new live run leaves what the user types alone. */
    std::vector<RaceEntry> m_shownEntries;
    bool m_placed = false;
};

} // namespace gdlab
