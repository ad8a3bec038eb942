#pragma once

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSpinBox;

namespace gdlab {

class LearningRateControl;
class SessionController;
struct ProblemSpec;
struct SolverSettings;

/**
 * @brief The settings of a session: lesson, learning rate, descent, start and features.
 *
 * The controller owns every value; this panel only shows them and forwards edits. Each user edit calls the
 * controller (loadLesson, setSettings, setLearningRate, setProblemSpec); when the controller refuses one,
 * the widgets show the controller's values again. The controller's settingsChanged/problemChanged refresh the
 * widgets under QSignalBlockers, so a refresh never turns into another edit.
 *
 * Everything sits in a vertical QScrollArea, so at 1280×720 (about 300 px wide) nothing is ever clipped.
 */
class ControlPanel : public QWidget {
    Q_OBJECT

public:
    explicit ControlPanel(SessionController* controller, QWidget* parent = nullptr);

    SessionController* controller() const { return m_controller; }

    QComboBox* lessonCombo() const { return m_lessonCombo; }
    QLabel* lessonDescriptionLabel() const { return m_lessonDescription; }
    LearningRateControl* learningRateControl() const { return m_learningRate; }
    QSpinBox* iterationsSpin() const { return m_iterations; }
    QComboBox* methodCombo() const { return m_method; }
    QSpinBox* batchSizeSpin() const { return m_batchSize; }
    QCheckBox* shuffleCheck() const { return m_shuffle; }
    QSpinBox* seedSpin() const { return m_seed; }
    QComboBox* lossCombo() const { return m_loss; }
    QLineEdit* toleranceEdit() const { return m_tolerance; }
    QComboBox* initCombo() const { return m_init; }
    /** @brief One spin box per parameter (θ0, θ1, …), shown while the start is "values". */
    const QList<QDoubleSpinBox*>& initValueSpins() const { return m_initValues; }
    QCheckBox* standardizeCheck() const { return m_standardize; }
    QCheckBox* interceptCheck() const { return m_intercept; }
    QScrollArea* scrollArea() const { return m_scrollArea; }

private:
    QWidget* createLessonGroup();
    QWidget* createLearningRateGroup();
    QWidget* createDescentGroup();
    QWidget* createStartGroup();
    QWidget* createFeaturesGroup();

    void refreshAll();
    void refreshLesson();
    void refreshSettings();
    void refreshProblem();
    void rebuildInitValueSpins();
    void updateEnabledStates();

    void applySettings(const SolverSettings& settings);
    void applyProblemSpec(const ProblemSpec& spec);
    void onLessonChosen(int index);
    void onInitChosen(int index);
    void onToleranceEdited();

    SessionController* m_controller = nullptr;
    QScrollArea* m_scrollArea = nullptr;

    QComboBox* m_lessonCombo = nullptr;
    QLabel* m_lessonDescription = nullptr;
    LearningRateControl* m_learningRate = nullptr;
    QSpinBox* m_iterations = nullptr;
    QComboBox* m_method = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QCheckBox* m_shuffle = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_loss = nullptr;
    QLineEdit* m_tolerance = nullptr;
    QComboBox* m_init = nullptr;
    QWidget* m_initValuesBox = nullptr;
    QFormLayout* m_initValuesForm = nullptr;
    QList<QDoubleSpinBox*> m_initValues;
    QCheckBox* m_standardize = nullptr;
    QCheckBox* m_intercept = nullptr;
};

} // namespace gdlab
