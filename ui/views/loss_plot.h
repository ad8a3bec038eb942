#pragma once

#include <QWidget>

#include <limits>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCPItemTracer;

namespace gdlab {

class IterationModel;
class PinnedRuns;
class SessionController;

/**
 * @brief The loss curve: loss against iteration for the whole history, with a marker at the current iteration.
 *
 * A logarithmic loss axis (the default) shows the many decades a descent crosses; a run that diverged ends
 * where its last finite state is, and a warning says why. A current-row change moves only the marker.
 * Pinned runs (compare runs) add their whole loss curves, thinner and in their own colours, with a legend.
 */
class LossPlot : public QWidget {
    Q_OBJECT

public:
    explicit LossPlot(SessionController* controller, QWidget* parent = nullptr);
    ~LossPlot() override;

    QCustomPlot* plot() const { return m_plot; }

    bool isLogarithmic() const { return m_logarithmic; }
    /** @brief Log or linear loss axis; on a log axis losses <= 0 are drawn at a tiny positive floor. */
    void setLogarithmic(bool on);
    bool isPresentationMode() const { return m_presentation; }
    /** @brief Larger fonts, thicker lines and markers for the back row of a classroom. */
    void setPresentationMode(bool on);
    /**
     * @brief Draws these pinned runs' loss curves (null: none). A run pinned with another loss is drawn in that
     * loss's units, as it was computed; its legend label names the loss.
     */
    void setPinnedRuns(PinnedRuns* runs);

    // The plottables and items, for tests and export; owned by plot().
    QCPGraph* lossGraph() const { return m_lossGraph; }
    /** @brief One graph per pinned run, in the runs' order. */
    const std::vector<QCPGraph*>& pinnedGraphs() const { return m_pinnedGraphs; }
    /** @brief The vertical line at the current iteration. */
    QCPItemStraightLine* marker() const { return m_marker; }
    QCPItemTracer* tracer() const { return m_tracer; }
    /** @brief "k = 10, loss = 0.123" beside the tracer. */
    QCPItemText* markerLabel() const { return m_markerLabel; }
    /** @brief A horizontal line at the least-squares loss: the floor the curve approaches. */
    QCPItemStraightLine* minimumLine() const { return m_minimumLine; }
    /**
     * @brief The divergence warning: a red line of text above the plot (never over the curve), in the plot's
     * layout only while the last run diverged; its text is wrapped to the widget's width.
     */
    QCPTextElement* warningText() const { return m_warningText; }
    /** @brief The warning as one line ("Diverged after 37 updates: learning rate 0.5 is above …"), or empty. */
    QString warningMessage() const;
    /** @brief The iteration the marker stands at. */
    double markerIteration() const;

    /** @brief What a loss of value is drawn at: itself, or the floor on a log axis when it is not positive. */
    double plottedLoss(double value) const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    void logarithmicChanged(bool on);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildCurve();
    void appendRows(int first, int last);
    void updateRanges();
    void updateAxisScale();
    void updateMarker();
    void updateLabels();
    void updateWarning();
    void updateSampling();
    void showWarning(bool show);
    void wrapWarning();
    bool isDiverged() const;
    void updateMinimum();
    /** @brief The loss at the least-squares solution under the current loss; NaN when unknown. */
    double minimumLoss() const;
    void applyStyle();
    void rebuildPinned();
    void updatePinnedLabels();

    SessionController* m_controller = nullptr;
    IterationModel* m_model = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_lossGraph = nullptr;
    QCPItemStraightLine* m_marker = nullptr;
    QCPItemTracer* m_tracer = nullptr;
    QCPItemText* m_markerLabel = nullptr;
    QCPTextElement* m_warningText = nullptr;
    QString m_warningHead;
    QString m_warningReason;
    QCPItemStraightLine* m_minimumLine = nullptr;
    QCPItemText* m_minimumLabel = nullptr;

    bool m_logarithmic = true;
    bool m_presentation = false;
    // Extremes of the history, kept up to date as rows arrive, so that ranges never need a pass over the data.
    double m_maxLoss = 0;
    double m_minPositiveLoss = 0;

    PinnedRuns* m_pinned = nullptr;
    std::vector<QCPGraph*> m_pinnedGraphs;
    // The pinned curves' extent, folded into the ranges so that a comparison is seen whole.
    double m_pinnedLastIteration = 0;
    double m_pinnedMaxLoss = 0;
    double m_pinnedMinPositiveLoss = std::numeric_limits<double>::infinity();
};

} // namespace gdlab
