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

namespace gdlab {

class IterationModel;
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

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    void fitModeChanged(gdlab::FitPlot::FitMode mode);
    void featureChanged(int featureIndex);

protected:
    void changeEvent(QEvent* event) override;

private:
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

    FitMode m_fitMode = FeatureVsTarget;
    int m_feature = 0;
    bool m_showLeastSquares = true;
    bool m_presentation = false;

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
