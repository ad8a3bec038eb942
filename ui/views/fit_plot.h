#pragma once

#include "views/fit_data_layer.h"
#include "views/fit_ghosts.h"
#include "views/fit_line_layer.h"
#include "views/fit_points.h"
#include "views/fit_prediction_layer.h"
#include "views/fit_sample_ring.h"

#include <QPoint>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPCurve;
class QCPGraph;
class QCPItemText;

namespace gdlab {

enum class RunCause;
class FitAxes;
class FitClassMap;
class FitThresholdLayer;
class FitLegendLayout;
class FitPointGestures;
class LegendRow;
class FitSampleNote;
class OffFrameIndicator;
class IterationModel;
class PlotStyle;

/**
 * @brief The fit view: the data, the line at the current iteration with its residuals, the least-squares line
 * and muted ghost lines at the run's chosen iterations.
 *
 * A logistic run's fit is a probability. Against its one feature the view draws the classes at 0 and 1 (moved
 * apart a little), the curve σ(θ0 + θ1·x) of the current θ, Newton's optimum dashed (none on separable data), the
 * ghosts' curves and the 0.5 threshold with the decision point (FitThresholdLayer); a dragged or added point goes to
 * the class nearest to where it is dropped. With two features or more it opens on a map of the classes over the
 * first two features, the others held at their means (FitClassMap).
 *
 * It owns the plot and composes the pieces that draw on it (FitDataLayer, FitLineLayer, FitGhosts,
 * FitPredictionLayer, FitSampleRing, laid out by FitLegendLayout) from the run's data in original units
 * (FitPoints). With several features it opens on predicted against actual values, and offers per feature a
 * partial-residual plot, where the line is the whole fit; SGD and mini-batch ring the rows of the current update.
 *
 * It reads the IterationModel only: a runReset redraws everything once (for the same problem only what the
 * settings change), rowsAppended adds the ghosts a streaming run reaches, and currentRowChanged moves the line
 * and the residuals in place. The axis ranges are fixed per problem, and kept after edited points.
 *
 * With one feature, against it, the points can be edited (FitPointGestures): the view then asks for the edit
 * with pointAddRequested(), pointMoveRequested() or pointRemoveRequested(), and whoever refuses it answers with
 * showRefusal().
 */
class FitPlot : public QWidget {
    Q_OBJECT

public:
    enum FitMode {
        /// The target against one feature; with several features a partial-residual plot (y − Σ_{j≠i} θⱼxⱼ against
        /// xᵢ at the current θ) with the line θ0 + θᵢxᵢ, which then passes through the points as the fit does.
        FeatureVsTarget,
        PredictedVsActual, ///< predicted ŷ (current θ) against actual y, with the identity as perfect fit
    };
    Q_ENUM(FitMode)

    explicit FitPlot(const IterationModel* model, QWidget* parent = nullptr);
    ~FitPlot() override;

    QCustomPlot* plot() const { return m_plot; }

    FitMode fitMode() const { return m_fitMode; }
    void setFitMode(FitMode mode);
    /** @brief The feature on the x axis in FeatureVsTarget mode, 0-based in parameter order (no intercept). */
    int feature() const { return m_feature; }
    void setFeature(int featureIndex);
    /** @brief The names of the run's features, in parameter order: the choices for setFeature(). */
    QStringList featureNames() const;

    bool showLeastSquares() const { return m_showLeastSquares; }
    void setShowLeastSquares(bool show);
    bool isPresentationMode() const { return m_presentation; }
    /** @brief Larger fonts, thicker lines and markers for the back row of a classroom. */
    void setPresentationMode(bool on);

    // The plottables, for tests and for the main window's export; owned by plot().
    /** @brief The data points; in PredictedVsActual mode (actual y, predicted ŷ at the current θ). */
    QCPGraph* dataGraph() const { return m_data->points(); }
    /** @brief The current line (two points spanning the data's x range and more); hidden in PredictedVsActual. */
    QCPGraph* currentLineGraph() const { return m_current->graph(); }
    /** @brief Points at the current line when it misses the whole frame (a diverging run's lines leave it). */
    OffFrameIndicator* lineOffFrameIndicator() const { return m_lineOffFrame; }
    /** @brief The note that the view draws a sample of a long file (hidden otherwise). */
    FitSampleNote* sampleNote() const { return m_sampleNote; }
    /** @brief Residual segments: per point (x, y), (x, ŷ), (NaN, NaN), in data order. */
    QCPCurve* residualCurve() const { return m_data->residuals(); }
    QCPGraph* leastSquaresGraph() const { return m_leastSquares->graph(); }
    /** @brief y = x, the perfect fit of PredictedVsActual mode. */
    QCPGraph* identityGraph() const { return m_predictions->identity(); }
    /** @brief Least-squares predictions against actual values, muted, in PredictedVsActual mode. */
    QCPGraph* leastSquaresPredictionGraph() const { return m_predictions->leastSquares(); }
    /** @brief The ghost lines shown now (only those within the history), in the order of their iterations. */
    const std::vector<QCPGraph*>& ghostGraphs() const { return m_ghosts->layer().graphs(); }
    const std::vector<QCPItemText*>& ghostLabels() const { return m_ghosts->layer().labels(); }
    /** @brief The rings around the rows the current update used (SGD, mini-batch); empty for batch descent. */
    QCPGraph* sampleGraph() const { return m_sample->graph(); }
    /** @brief The data rows ringed by sampleGraph(), in the order the update took them. */
    const std::vector<long long>& sampleRows() const { return m_sample->rows(); }
    /** @brief A logistic run's map of the classes (two features or more; hidden otherwise). */
    const FitClassMap& classMap() const { return *m_classMap; }
    /** @brief A logistic curve's 0.5 threshold and decision point (hidden otherwise). */
    const FitThresholdLayer& threshold() const { return *m_threshold; }
    /** @brief The ring around the selected point; empty when nothing is selected. */
    QCPGraph* selectionGraph() const { return m_data->selection(); }

    /** @brief The current line (a logistic run's curve) at x in original units (FeatureVsTarget); NaN when none. */
    double currentLineY(double x) const;

    /** @brief Point editing as the user wants it (on by default); it takes effect only where canEditPoints(). */
    void setEditable(bool editable);
    bool editingRequested() const { return m_editRequested; }
    /** @brief Whether the mouse and Delete edit the points now: requested and possible. */
    bool isEditable() const { return m_editable; }
    /** @brief One feature and FeatureVsTarget mode: the only case where a point on screen is a data row. */
    bool canEditPoints() const;
    /** @brief Why the points cannot be edited now, for a tooltip; empty when they can. */
    QString editingUnavailableReason() const;
    /** @brief The selected data row (drawn highlighted, removed by Delete), or -1. */
    int selectedRow() const;
    void setSelectedRow(int row);

    /** @brief How many times the view redrew everything (a runReset, another mode or feature). */
    int refreshCount() const { return m_refreshCount; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

public slots:
    /** @brief Says why an edit this view asked for was refused, at the point or click it came from. */
    void showRefusal(const QString& message);

signals:
    void fitModeChanged(gdlab::FitPlot::FitMode mode);
    void featureChanged(int featureIndex);
    /** @brief isEditable() changed: a new problem, another mode, or setEditable(). */
    void editableChanged(bool editable);
    void selectedRowChanged(int row);
    /** @brief The user asks for a point at (x, y) in original units, appended to the data. */
    void pointAddRequested(double x, double y);
    void pointMoveRequested(int row, double x, double y);
    void pointRemoveRequested(int row);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createLayers();
    void connectGestures();
    void onRunReset(RunCause cause);
    void onRowsAppended();
    void requestEdit(int selectAfter, const QPoint& where);
    /** @brief The target an edit asks for at height y: y itself, or the nearest class of a logistic run. */
    double editedTarget(double y) const;
    /** @brief Everything from the cached points: data, axes, lines, ghosts, legend, style. */
    void rebuild();
    void updateAxisLabels();
    void updateAxisRanges();
    void updateLeastSquares();
    void updateGhosts();
    void updateCurrent();
    void pointAtLineOffFrame();
    void updateLegend();
    void updateEditability();
    void applyStyle();
    bool drawsGhosts() const;
    /** @brief Predicted against actual with several features (no line against one is the fit), else by feature. */
    FitMode defaultMode() const;
    bool hasProblem() const;

    const IterationModel* m_model = nullptr;
    QCustomPlot* m_plot = nullptr;
    FitPoints m_points;
    std::unique_ptr<FitDataLayer> m_data;
    std::unique_ptr<FitLineLayer> m_leastSquares;
    std::unique_ptr<FitPredictionLayer> m_predictions;
    std::unique_ptr<FitLineLayer> m_current;
    std::unique_ptr<FitGhosts> m_ghosts;
    std::unique_ptr<FitSampleRing> m_sample;
    std::unique_ptr<FitClassMap> m_classMap;
    std::unique_ptr<FitThresholdLayer> m_threshold;
    std::unique_ptr<FitAxes> m_axes;
    std::unique_ptr<FitLegendLayout> m_legend;
    FitPointGestures* m_gestures = nullptr;
    LegendRow* m_legendRow = nullptr;
    OffFrameIndicator* m_lineOffFrame = nullptr;
    FitSampleNote* m_sampleNote = nullptr;

    FitMode m_fitMode = FeatureVsTarget;
    int m_feature = 0;
    bool m_showLeastSquares = true;
    bool m_presentation = false;
    bool m_editRequested = true;
    bool m_editable = false;
    /** Set while the view rebuilds for edited points: the axis ranges then stay where they are. */
    bool m_keepRanges = false;
    /** The row to select once the edit this view asked for is shown (-1: none). */
    int m_pendingSelection = -1;
    /** Where a refusal's tooltip appears: the point or the click that was refused. */
    QPoint m_refusalPos;
    int m_refreshCount = 0;
};

} // namespace gdlab
