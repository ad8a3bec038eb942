#pragma once

#include "learning_rate_sweep.h"
#include "run.h"
#include "solver_settings.h"

#include <QDialog>
#include <QStringList>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCheckBox;
class QLabel;

namespace gdlab {

class IterationModel;
class PlotStyle;

/**
 * @brief "Learning-rate sweep": the loss curves of six learning rates around the stability bound side by side,
 * each labelled with what it actually did (too slow, converges, oscillates, diverges) and how many updates it
 * needed to close the gap to L*, so that no label contradicts the slopes in view.
 *
 * It opens on L − L* on a log axis, where the rates separate into lines of their own slopes, each curve in its
 * own colour with its own marker at its own spacing, so that one running under another still shows.
 *
 * Non-modal, so it can stay open beside the main window. It sweeps the run the IterationModel shows: while it
 * is visible, each runReset that changes the problem or the settings recomputes it; a change of the learning
 * rate alone only updates the sentence that says where the user's rate sits, since the swept rates are
 * multiples of the bound. A hidden dialog computes nothing and catches up when it is shown.
 */
class SweepDialog : public QDialog {
    Q_OBJECT

public:
    explicit SweepDialog(const IterationModel* model, QWidget* parent = nullptr);
    ~SweepDialog() override;

    QCustomPlot* plot() const { return m_plot; }
    const std::vector<SweepResult>& results() const;
    /** @brief One curve per result, in the order of results(); owned by plot(). */
    const std::vector<QCPGraph*>& graphs() const { return m_graphs; }
    /** @brief The legend's entries, e.g. "0.95× bound (lr 0.0803): oscillates", in the order of results(). */
    QStringList legendTexts() const;
    /** @brief The explanation above the plot (what was swept, the bound, where the user's rate is). */
    QString headerText() const;
    /** @brief The iterations each curve was given (the run's, capped for speed). */
    long long sweptIterations() const;

    /**
     * @brief Plot L − L*, the distance to the least-squares loss, instead of L. On that axis the slow and the
     * fast rates separate into lines of different slopes; on the loss itself they all flatten onto L* together.
     */
    void setShowGap(bool on);
    bool isShowingGap() const { return m_showGap; }
    /** @brief What curve i draws at iteration k: the loss, or its distance to L*, clamped for the log axis. */
    double plottedValue(std::size_t curve, std::size_t k) const;

    /** @brief Recomputes the sweep now from the model's run. */
    void refresh();
    /** @brief How often the curves were redrawn from scratch (a new sweep, or the other y quantity). */
    int refreshCount() const { return m_refreshCount; }

    /** @brief Larger fonts and lines for a projector, as in the main window's views. */
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presentation; }

    QSize sizeHint() const override;

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void setUpPlot();
    void setUpMinimumLine();
    void onRunReset(RunCause cause);
    void rebuildPlot();
    void addCurves();
    QString curveLabel(const SweepResult& result) const;
    void updateMinimumLine();
    void updateRanges();
    double roomForMinimumLabel(double low, double high) const;
    void updateHeader();
    void applyStyle();
    void styleCurves(const PlotStyle& style);

    const IterationModel* m_model = nullptr;
    QLabel* m_header = nullptr;
    QCheckBox* m_gapBox = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPItemStraightLine* m_minimumLine = nullptr;
    QCPItemText* m_minimumLabel = nullptr;
    std::vector<QCPGraph*> m_graphs;
    std::unique_ptr<LearningRateSweep> m_sweep;
    /** The settings of the last sweep with the learning rate zeroed: what a change must differ in to matter. */
    SolverSettings m_sweptSettings;
    bool m_showGap = true;
    bool m_presentation = false;
    /** The sweep no longer matches the model's run; recomputed when the dialog is (or becomes) visible. */
    bool m_dirty = true;
    int m_refreshCount = 0;
};

} // namespace gdlab
