#pragma once

#include "solver_settings.h"

#include <QGroupBox>
#include <QList>
#include <QStringList>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;

namespace gdlab {

class IterationModel;
class Problem;

/**
 * @brief Where the descent starts: zeros, a seeded random point, or values, with one spin box per parameter
 * while the start is "values".
 */
class StartGroup : public QGroupBox {
    Q_OBJECT

public:
    /** @param model where the run starts now, kept when the user switches to "values" */
    explicit StartGroup(const IterationModel* model, QWidget* parent = nullptr);

    /** @brief One spin box per parameter of problem (none for null), rebuilt only when the parameters change. */
    void showProblem(const Problem* problem);
    /** @brief Shows settings, changing only the widgets that show something else. */
    void showSettings(const SolverSettings& settings);

    QComboBox* initCombo() const { return m_init; }
    const QList<QDoubleSpinBox*>& initValueSpins() const { return m_values; }

signals:
    void settingsEdited(const gdlab::SolverSettings& settings);

private:
    void rebuildSpins(const QStringList& symbols, const QStringList& tips);
    void onInitChosen(int index);
    void onValueEdited();

    const IterationModel* m_model = nullptr;
    SolverSettings m_settings;
    QComboBox* m_init = nullptr;
    QWidget* m_valuesBox = nullptr;
    QFormLayout* m_valuesForm = nullptr;
    QList<QDoubleSpinBox*> m_values;
    QStringList m_tips; ///< what the spin boxes were built for: a new problem with the same ones keeps them
};

} // namespace gdlab
