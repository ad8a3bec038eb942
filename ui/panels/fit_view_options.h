#pragma once

#include "views/fit_plot.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace gdlab {

class IterationModel;

/**
 * @brief The fit view's options bar: what the view plots (y against a chosen feature, or predicted against
 * actual), whether the least-squares line is shown, and whether the points can be edited, with a hint on how.
 *
 * It reads the run from the IterationModel and the view's state from the FitPlot, and says what the user chose
 * as intents (fitModeChosen(), featureChosen(), showLeastSquaresChosen(), editingChosen()) for the window to
 * route to the plot. It follows the plot when something else changes what it shows.
 */
class FitViewOptions : public QWidget {
    Q_OBJECT

public:
    FitViewOptions(const IterationModel* model, const FitPlot* plot, QWidget* parent = nullptr);
    ~FitViewOptions() override;

    QComboBox* viewCombo() const { return m_viewCombo; }
    QCheckBox* leastSquaresCheck() const { return m_leastSquaresCheck; }
    QCheckBox* editCheck() const { return m_editCheck; }
    QLabel* editHint() const { return m_editHint; }

    /** @brief How many times the bar refreshed for a new run. */
    int refreshCount() const { return m_refreshCount; }

signals:
    void fitModeChosen(gdlab::FitPlot::FitMode mode);
    /** @brief The feature for the x axis, 0-based in parameter order; comes before fitModeChosen(FeatureVsTarget). */
    void featureChosen(int featureIndex);
    void showLeastSquaresChosen(bool show);
    void editingChosen(bool editable);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void elideHint();
    void rebuildViewChoices();
    void syncViewChoice();
    void onViewChosen(int index);
    void updateEditing();

    const IterationModel* m_model = nullptr;
    const FitPlot* m_plot = nullptr;
    QComboBox* m_viewCombo = nullptr;
    QCheckBox* m_leastSquaresCheck = nullptr;
    QCheckBox* m_editCheck = nullptr;
    QLabel* m_editHint = nullptr;
    QString m_hintText;
    int m_refreshCount = 0;
};

} // namespace gdlab
