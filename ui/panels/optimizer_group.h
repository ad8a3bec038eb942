#pragma once

#include "solver_settings.h"

#include <QGroupBox>

#include <array>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace gdlab {

/**
 * @brief The update rule: the optimizer and its parameters (μ, β1, β2, ρ, ε), each row shown only while the
 * chosen optimizer uses it. Each edit is sent as the whole settings with that one field changed.
 */
class OptimizerGroup : public QGroupBox {
    Q_OBJECT

public:
    explicit OptimizerGroup(QWidget* parent = nullptr);

    /** @brief Shows settings, changing only the widgets that show something else. */
    void showSettings(const SolverSettings& settings);

    QComboBox* optimizerCombo() const { return m_optimizer; }
    /** @brief μ, β1, β2, ρ (in OptimizerParameter's order). */
    QDoubleSpinBox* parameterSpin(OptimizerParameter parameter) const;
    QLineEdit* epsilonEdit() const { return m_epsilon; }
    /** @brief Whether the row of parameter is shown (hidden while the optimizer does not use it). */
    bool isParameterShown(OptimizerParameter parameter) const;

signals:
    void settingsEdited(const gdlab::SolverSettings& settings);

private:
    void createWidgets();
    void onEpsilonEdited();
    void updateRows();

    SolverSettings m_settings;
    QComboBox* m_optimizer = nullptr;
    std::array<QDoubleSpinBox*, 4> m_spins {};
    std::array<QLabel*, 5> m_labels {};
    QLineEdit* m_epsilon = nullptr;
};

} // namespace gdlab
