#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace gdlab {

class FitPlot;
class SessionController;

/**
 * @brief The fit view's options bar: what the view plots (y against a chosen feature, or predicted against
 * actual), whether the least-squares line is shown, and whether the points can be edited, with a hint on how.
 *
 * It reads and writes the FitPlot only, and follows it when something else changes the plot's mode.
 */
class FitViewOptions : public QWidget {
    Q_OBJECT

public:
    explicit FitViewOptions(FitPlot* plot, SessionController* controller, QWidget* parent = nullptr);
    ~FitViewOptions() override;

    QComboBox* viewCombo() const { return m_viewCombo; }
    QCheckBox* leastSquaresCheck() const { return m_leastSquaresCheck; }
    QCheckBox* editCheck() const { return m_editCheck; }
    QLabel* editHint() const { return m_editHint; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void elideHint();
    void rebuildViewChoices();
    void syncViewChoice();
    void onViewChosen(int index);
    void updateEditing();

    FitPlot* m_plot = nullptr;
    SessionController* m_controller = nullptr;
    QComboBox* m_viewCombo = nullptr;
    QCheckBox* m_leastSquaresCheck = nullptr;
    QCheckBox* m_editCheck = nullptr;
    QLabel* m_editHint = nullptr;
    QString m_hintText;
};

} // namespace gdlab
