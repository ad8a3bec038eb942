#pragma once

#include <QObject>
#include <QString>

class QCPTextElement;
class QCustomPlot;

namespace gdlab {

class IterationModel;
class PlotStyle;

/**
 * @brief Why a run blew up, in red above the loss plot (never over the curve): "Diverged after 37 updates:
 * learning rate 0.5 is above the stability bound 0.0845". In the plot's layout only while the run shown
 * diverged; wrapped to the plot's width before each replot.
 */
class DivergenceWarning : public QObject {
    Q_OBJECT

public:
    explicit DivergenceWarning(QCustomPlot* plot, QObject* parent = nullptr);

    /** @brief Whether the model shows a finished run that diverged. */
    static bool isDiverged(const IterationModel& model);

    QCPTextElement* element() const { return m_element; }
    /** @brief The warning as one line, or empty. */
    QString message() const;

    /** @brief Shows the warning the model's run calls for, or none; true when it appeared or went away. */
    bool update(const IterationModel& model);
    void applyStyle(const PlotStyle& style);

private:
    QString reason(const IterationModel& model) const;
    void show(bool show);
    /** QCPTextElement does not wrap: breaks the reason into lines that fit the plot, words kept whole. */
    void wrap();

    QCustomPlot* m_plot;
    QCPTextElement* m_element;
    QString m_head;
    QString m_reason;
};

} // namespace gdlab
