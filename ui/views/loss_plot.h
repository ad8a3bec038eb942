#pragma once

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCPItemTracer;

namespace gdlab {

class AccuracyCurve;
class DivergenceWarning;
class IterationModel;
class LeastSquaresFloor;
class LegendRow;
class LossCurve;
class LossMarker;
class PinnedLossCurves;
class PinnedLossMarkers;
class PinnedRuns;

/**
 * @brief The loss curve: loss against iteration for the whole history, with a marker at the current iteration.
 *
 * A logarithmic loss axis (the default) shows the many decades a descent crosses; a run that diverged ends
 * where its last finite state is, and a warning says why. A new run redraws everything once; rows a worker
 * appends extend the curve; a current-row change moves only the markers. Pinned and raced runs add their
 * whole loss curves, thinner and in their own colours, each with its marker at the cursor's iteration in its own
 * shape, and a legend that gives each run's loss there and where it reached the tolerance.
 */
class LossPlot : public QWidget {
    Q_OBJECT

public:
    explicit LossPlot(const IterationModel* model, QWidget* parent = nullptr);
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
    void setPinnedRuns(const PinnedRuns* runs);
    /** @brief How many times the view redrew everything (once per new run). */
    int refreshCount() const { return m_refreshCount; }

    // The plottables and items, for tests and export; owned by plot().
    QCPGraph* lossGraph() const;
    /** @brief One graph per pinned run, in the runs' order. */
    const std::vector<QCPGraph*>& pinnedGraphs() const;
    /**
     * @brief One marker per pinned run at the cursor's iteration, in the runs' order; each is the legend's entry
     * for its run ("momentum: 0.0123, reached at 37").
     */
    const std::vector<QCPGraph*>& pinnedMarkers() const;
    /** @brief The vertical line at the current iteration. */
    QCPItemStraightLine* marker() const;
    QCPItemTracer* tracer() const;
    /** @brief "k = 10, loss = 0.123" beside the tracer. */
    QCPItemText* markerLabel() const;
    /**
     * @brief A horizontal line at the optimum's loss (least squares, or Newton's for the logistic model): the floor
     * the curve approaches; hidden when there is none (separable data).
     */
    QCPItemStraightLine* minimumLine() const;
    /**
     * @brief The divergence warning: a red line of text above the plot (never over the curve), in the plot's
     * layout only while the last run diverged; its text is wrapped to the widget's width.
     */
    QCPTextElement* warningText() const;
    /** @brief The logistic model's accuracy in % against iteration on the right axis; hidden for the linear model. */
    QCPGraph* accuracyGraph() const;
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
    void refresh();
    void onRowsAppended(int first, int last);
    void onRunFinished();
    void onCurrentRowChanged();
    void onPinnedChanged();
    void onPinnedLabelsChanged();
    void updateRanges();
    void updateXRange();
    void updateYRange();
    void updateLabels();
    void updateMarker();
    /** A legend when there is something to tell apart: pinned runs, or the loss and the accuracy. */
    void updateLegend();
    void applyStyle();
    void replot();

    const IterationModel* m_model;
    QCustomPlot* m_plot;
    // The pieces, children of this view; their plottables and items belong to m_plot.
    PinnedLossCurves* m_pinnedCurves;
    LossCurve* m_curve;
    AccuracyCurve* m_accuracy;
    LeastSquaresFloor* m_floor;
    LossMarker* m_marker;
    DivergenceWarning* m_warning;
    LegendRow* m_legendRow;
    PinnedLossMarkers* m_pinnedMarkers;
    const PinnedRuns* m_pinned = nullptr;

    bool m_logarithmic = true;
    bool m_presentation = false;
    int m_refreshCount = 0;
};

} // namespace gdlab
