#pragma once

#include "solver_settings.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gdlab {

/**
 * @brief How the descent runs: the model, iterations, method, batch size, shuffling, seed, loss and tolerance. Each
 * edit is sent as the whole settings with that one field changed.
 */
class DescentGroup : public QGroupBox {
    Q_OBJECT

public:
    explicit DescentGroup(QWidget* parent = nullptr);

    /** @brief Shows settings, changing only the widgets that show something else. */
    void showSettings(const SolverSettings& settings);
    /**
     * @brief The rows of the data: choosing mini-batch with a batch at least this large starts from a default
     * size below it, and a batch that reaches it says that it makes batch descent.
     */
    void showRowCount(long long rows);
    /** @brief Whether the target holds only 0s and 1s: the logistic model is offered only then. */
    void showBinaryTarget(bool binary);

    /** @brief Linear or logistic regression; the loss follows (log loss, the only one, for logistic). */
    QComboBox* modelCombo() const { return m_model; }
    QSpinBox* iterationsSpin() const { return m_iterations; }
    QComboBox* methodCombo() const { return m_method; }
    QSpinBox* batchSizeSpin() const { return m_batchSize; }
    /** @brief "5 rows or more: every update uses all of them", shown while the batch reaches the data. */
    QLabel* batchNote() const { return m_batchNote; }
    QCheckBox* shuffleCheck() const { return m_shuffle; }
    QSpinBox* seedSpin() const { return m_seed; }
    QComboBox* lossCombo() const { return m_loss; }
    QLineEdit* toleranceEdit() const { return m_tolerance; }

signals:
    void settingsEdited(const gdlab::SolverSettings& settings);

private:
    void createWidgets();
    void connectEdits();
    void send(const SolverSettings& settings);
    /** The tolerance the field reads as (empty = 0); false when it is not one. */
    bool readTolerance(double* tolerance) const;
    void onToleranceEdited();
    void updateEnabledStates();

    SolverSettings m_settings;
    QComboBox* m_model = nullptr;
    bool m_binaryTarget = false;
    QSpinBox* m_iterations = nullptr;
    QComboBox* m_method = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QLabel* m_batchNote = nullptr;
    long long m_rows = 0;
    QCheckBox* m_shuffle = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_loss = nullptr;
    QLineEdit* m_tolerance = nullptr;
};

} // namespace gdlab
