#pragma once

#include <QWidget>

class QRadioButton;

namespace gdlab {

class LossPlot;

/**
 * @brief The loss view's options row: a logarithmic or a linear loss axis.
 *
 * The log axis shows the decades a descent crosses; the linear one shows the loss as a student computes it, with
 * the steep first steps and the flat tail. The choice goes out as logarithmicChosen() for the window to route to
 * the plot, which keeps it for the session (every later run and lesson); the row follows the plot.
 */
class LossViewOptions : public QWidget {
    Q_OBJECT

public:
    explicit LossViewOptions(const LossPlot* plot, QWidget* parent = nullptr);

    QRadioButton* logButton() const { return m_log; }
    QRadioButton* linearButton() const { return m_linear; }

signals:
    /** @brief The user chose a log (true) or a linear (false) loss axis. */
    void logarithmicChosen(bool on);

private:
    void showScale(bool logarithmic);

    QRadioButton* m_log;
    QRadioButton* m_linear;
};

} // namespace gdlab
