#pragma once

#include <Eigen/Core>

#include <QStringList>
#include <QVector>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPCurve;
class QCPGraph;
class QCPItemText;
class QMouseEvent;
class QUndoStack;

namespace gdlab {

class IterationModel;
class PointEditor;
class SessionController;

/**
 * @brief The fit view: the data, the line at the current iteration with its residuals, the least-squares line
 * and muted ghost lines at the lesson's chosen iterations.
 *
 * Lines are drawn in the original units of the data (a standardized lesson descends in scaled space, but the
 * class should see the line through its own numbers). With several features the view shows either the target
 * against one feature (the others held at their means) or predicted against actual values.
 *
 * The axis ranges are fixed per problem so that stepping moves only the line; a current-row change touches the
 * line and the residual values in place and queues one replot.
 *
 * With one feature, in FeatureVsTarget mode, the points can be edited: a click on empty space adds one, a press
 * on a point selects it and a drag moves it, a right-click or Delete removes it. Every edit is a command on
 * undoStack() and gives a new trajectory; the axis ranges then stay put unless the data leaves the view.
 */
class FitPlot : public QWidget {
    Q_OBJECT

public:
    enum FitMode {
        FeatureVsTarget, ///< target against one feature; the line evaluated with the other features at their means
        PredictedVsActual, ///< predicted ŷ (current θ) against actual y, with the identity as perfect fit
    };
    Q_ENUM(FitMode)

    explicit FitPlot(SessionController* controller, QWidget* parent = nullptr);
    ~FitPlot() override;

    QCustomPlot* plot() const { return m_plot; }

    FitMode fitMode() const { return m_fitMode; }
    void setFitMode(FitMode mode);
    /** @brief The feature on the x axis in FeatureVsTarget mode, 0-based in parameter order (no intercept). */
    int feature() const { return m_feature; }
    void setFeature(int featureIndex);
    /** @brief The names of the problem's features, in parameter order: the choices for setFeature(). */
    QStringList featureNames() const;

    bool showLeastSquares() const { return m_showLeastSquares; }
    void setShowLeastSquares(bool show);
    bool isPresentationMode() const { return m_presentation; }
    /** @brief Larger fonts, thicker lines and markers for the back row of a classroom. */
    void setPresentationMode(bool on);

    // The plottables, for tests and for the main window's export; owned by plot().
    /** @brief The data points; in PredictedVsActual mode (actual y, predicted ŷ at the current θ). */
    QCPGraph* dataGraph() const { return m_dataGraph; }
    /** @brief The current line (two points spanning the data's x range and more); hidden in PredictedVsActual. */
    QCPGraph* currentLineGraph() const { return m_currentGraph; }
    /** @brief Residual segments: per point (x, y), (x, ŷ), (NaN, NaN), in data order. */
    QCPCurve* residualCurve() const { return m_residualCurve; }
    QCPGraph* leastSquaresGraph() const { return m_leastSquaresGraph; }
    /** @brief y = x, the perfect fit of PredictedVsActual mode. */
    QCPGraph* identityGraph() const { return m_identityGraph; }
    /** @brief Least-squares predictions against actual values, muted, in PredictedVsActual mode. */
    QCPGraph* leastSquaresPredictionGraph() const { return m_leastSquaresPredictionGraph; }
    /** @brief The ghost lines shown now (only those within the history), in the order of their iterations. */
    const std::vector<QCPGraph*>& ghostGraphs() const { return m_ghostGraphs; }
    const std::vector<QCPItemText*>& ghostLabels() const { return m_ghostLabels; }

    /** @brief The current line at x in original units (FeatureVsTarget); NaN when there is none. */
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
    /** @brief The point edits, for the main window's undo and redo actions; cleared when other data is loaded. */
    QUndoStack* undoStack() const;
    PointEditor* pointEditor() const { return m_editor; }
    /** @brief The selected data row (drawn highlighted, removed by Delete), or -1. */
    int selectedRow() const { return m_selectedRow; }
    void setSelectedRow(int row);
    /** @brief The ring around the selected point; empty when nothing is selected. */
    QCPGraph* selectionGraph() const { return m_selectionGraph; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    void fitModeChanged(gdlab::FitPlot::FitMode mode);
    void featureChanged(int featureIndex);
    /** @brief isEditable() changed: a new problem, another mode, or setEditable(). */
    void editableChanged(bool editable);
    void selectedRowChanged(int row);
    /** @brief A short message for a status line, e.g. why a point cannot be removed. */
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void onProblemChanged();
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    /** @brief The data row whose point is nearest to a pixel position, within grabbing distance; -1 if none. */
    int pointAt(const QPointF& pixel) const;
    /** @brief A pixel position kept inside the axis rectangle, so that a point cannot be dragged out of sight. */
    QPointF clampedToAxisRect(const QPointF& pixel) const;
    bool isOnPlotArea(const QPointF& pixel) const;
    /** @brief Draws a row at (x, y) while it is dragged, without recomputing anything. */
    void previewMove(int row, double x, double y);
    void removeRow(int row, const QPoint& where);
    void refuse(const QString& message, const QPoint& where);
    void updateEditability();
    void updateSelection();
    void updateCursor(int hoveredRow);
    void rebuildAll();
    void rebuildData();
    void updateAxisRanges();
    void updateLeastSquares();
    void updateGhosts();
    void updateCurrent();
    void updateLegend();
    void applyStyle();
    void placeLegend();
    void arrangeOverlays();

    bool hasProblem() const;
    bool isUsableTheta(const Eigen::VectorXd& theta) const;
    /** @brief θ in original units as (intercept, coefficient per feature); false when it does not fit. */
    bool originalCoefficients(const Eigen::VectorXd& theta, double& intercept, Eigen::VectorXd& weights) const;
    /** @brief The FeatureVsTarget line's intercept and slope for θ (descent space). */
    bool lineFor(const Eigen::VectorXd& theta, double& intercept, double& slope) const;
    /** @brief ŷ for every data row at θ (descent space). */
    bool predictionsFor(const Eigen::VectorXd& theta, Eigen::VectorXd& predictions) const;
    QColor textColour() const;
    QColor dataColour() const;
    double scale() const { return m_presentation ? 1.5 : 1.0; }

    SessionController* m_controller = nullptr;
    IterationModel* m_model = nullptr;
    QCustomPlot* m_plot = nullptr;

    QCPGraph* m_dataGraph = nullptr;
    QCPGraph* m_currentGraph = nullptr;
    QCPCurve* m_residualCurve = nullptr;
    QCPGraph* m_leastSquaresGraph = nullptr;
    QCPGraph* m_identityGraph = nullptr;
    QCPGraph* m_leastSquaresPredictionGraph = nullptr;
    std::vector<QCPGraph*> m_ghostGraphs;
    std::vector<QCPItemText*> m_ghostLabels;
    QCPGraph* m_selectionGraph = nullptr;
    PointEditor* m_editor = nullptr;

    FitMode m_fitMode = FeatureVsTarget;
    int m_feature = 0;
    bool m_showLeastSquares = true;
    bool m_presentation = false;

    bool m_editRequested = true;
    bool m_editable = false;
    /** Set while the view rebuilds after its own edit (or its undo): the axis ranges then stay where they are. */
    bool m_keepRanges = false;
    int m_selectedRow = -1;
    /** The press that started the gesture: its button, where, and the row it grabbed (-1 on empty space). */
    Qt::MouseButton m_pressButton = Qt::NoButton;
    QPointF m_pressPos;
    int m_pressRow = -1;
    bool m_dragging = false;
    /** Where a refusal's tooltip appears: the point or the click that was refused. */
    QPoint m_refusalPos;

    // The data in original units, cached per problem so that a step never touches the dataset.
    Eigen::MatrixXd m_features; ///< n x features
    Eigen::VectorXd m_target;
    Eigen::VectorXd m_featureMeans;
    /** @brief Per residual segment: its x (the feature, or the actual y) and its fixed end (y, or y on y = x). */
    QVector<double> m_segmentKeys;
    QVector<double> m_segmentFixed;
    /** @brief Data rows sorted by their key, the order the data graph stores them in (PredictedVsActual). */
    std::vector<Eigen::Index> m_sortedRows;
    double m_lineX0 = 0;
    double m_lineX1 = 1;
};

} // namespace gdlab
