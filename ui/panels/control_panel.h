#pragma once

#include "problem.h"
#include "solver_settings.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSpinBox;

namespace gdlab {

class DescentGroup;
class FeaturesGroup;
class IterationModel;
class LearningRateControl;
class LessonGroup;
class OptimizerGroup;
class StartGroup;

/**
 * @brief The settings of a session: lesson, learning rate, descent, start and features.
 *
 * It shows the model's run and sends the user's edits as intents (lessonChosen, settingsEdited,
 * problemSpecEdited) for the window to route. On each runReset it refreshes once, setting only the widgets whose
 * value differs from the run's: the widget that sent an edit already shows what the run now has, so nothing is
 * echoed back into it. A refused edit changes no run; the window then calls refresh() to show the run's values
 * again.
 *
 * Everything sits in a vertical QScrollArea, so at 1280×720 (about 300 px wide) nothing is ever clipped.
 */
class ControlPanel : public QWidget {
    Q_OBJECT

public:
    explicit ControlPanel(const IterationModel* model, QWidget* parent = nullptr);

    QComboBox* lessonCombo() const;
    QLabel* lessonDescriptionLabel() const;
    LearningRateControl* learningRateControl() const { return m_learningRate; }
    OptimizerGroup* optimizerGroup() const { return m_optimizer; }
    QSpinBox* iterationsSpin() const;
    QComboBox* methodCombo() const;
    QSpinBox* batchSizeSpin() const;
    QCheckBox* shuffleCheck() const;
    QSpinBox* seedSpin() const;
    QComboBox* lossCombo() const;
    QLineEdit* toleranceEdit() const;
    QComboBox* initCombo() const;
    /** @brief One spin box per parameter (θ0, θ1, …), shown while the start is "values". */
    const QList<QDoubleSpinBox*>& initValueSpins() const;
    QCheckBox* standardizeCheck() const;
    QCheckBox* interceptCheck() const;
    QScrollArea* scrollArea() const { return m_scrollArea; }

    /** @brief How many times the panel showed the run anew (once per runReset, and once per refresh()). */
    int refreshCount() const { return m_refreshCount; }

public slots:
    /** @brief Shows the run's values again everywhere, the learning rate included (after a refused edit). */
    void refresh();

signals:
    void lessonChosen(const QString& name);
    void settingsEdited(const gdlab::SolverSettings& settings);
    void problemSpecEdited(const gdlab::ProblemSpec& spec);

private:
    QWidget* createLearningRateGroup();
    void showRun();
    void sendSettings(const SolverSettings& settings);

    const IterationModel* m_model = nullptr;
    QScrollArea* m_scrollArea = nullptr;
    LessonGroup* m_lesson = nullptr;
    LearningRateControl* m_learningRate = nullptr;
    OptimizerGroup* m_optimizer = nullptr;
    DescentGroup* m_descent = nullptr;
    StartGroup* m_start = nullptr;
    FeaturesGroup* m_features = nullptr;
    /** The settings shown: the run's, with the edits sent since it was published. */
    SolverSettings m_settings;
    int m_refreshCount = 0;
};

} // namespace gdlab
