#pragma once

#include <QWidget>

#include <Eigen/Core>

#include <memory>

class QCPCurve;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QStackedLayout;

namespace gdlab {

enum class RunCause;
class ErrorSurfaceModel;
class IterationModel;
class LossAlongParameter;
class OptimumStar;
class Problem;
class SliceSubtitle;
class TangentMarker;

/**
 * @brief The loss along one parameter, the others held as the error surface holds them (least squares or the
 * current step): the parabola, the ball at the current θj, the tangent whose slope is ∂L/∂θj, the earlier steps
 * as dots on the curve and the lowest point (★ where the optimum projects) — derivative descent before the bowl.
 *
 * Every value drawn is the loss at that θ (LossAlongParameter). The θj range is centred on the curve's lowest
 * point and holds the start and the path (up to 25× the start's loss, so a diverging run's first swings show);
 * an arrow at the edge points to a ball that has left it. A new run redraws everything once; a step moves the
 * ball, the tangent and the dots (and the curve too when it is held at the current step).
 */
class ParameterLossPlot : public QWidget {
    Q_OBJECT

public:
    /** @brief Samples of the parabola across the view. */
    static constexpr int samples = 241;

    ParameterLossPlot(const IterationModel* model, const ErrorSurfaceModel* surface, QWidget* parent = nullptr);
    ~ParameterLossPlot() override;

    QCustomPlot* plot() const { return m_plot; }
    /** @brief The parameter along which the loss is drawn. */
    int parameter() const { return m_parameter; }
    /** @brief Draws the loss along parameter (ignored when out of range). */
    void setParameter(int parameter);
    /** @brief The parameter a problem's view opens on: the first coefficient (θ0 without an intercept). */
    static int defaultParameter(const Problem& problem);

    bool isPresentationMode() const { return m_presentation; }
    void setPresentationMode(bool on);
    int refreshCount() const { return m_refreshCount; }

    // The plottables, for tests and export; owned by plot().
    QCPGraph* curve() const;
    QCPGraph* steps() const;
    QCPGraph* ball() const;
    QCPCurve* optimumMarker() const;
    TangentMarker* tangent() const { return m_tangent; }
    /** @brief The sentence above the plot saying what the other parameters are held at ("" with one parameter). */
    QString heldText() const;
    bool isShowingMessage() const;

signals:
    void parameterChanged(int parameter);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onRunReset(gdlab::RunCause cause);
    void redraw();
    void onCurrentRowChanged();
    void onSurfaceChanged();
    void rebuildLine();
    void updateFrame();
    void drawCurve();
    void updateCurrent();
    void updateHeldText();
    QString heldValuesText() const;
    /** The full θ the line passes through: least squares, or the current step (as the surface holds). */
    Eigen::VectorXd heldBase() const;
    /** Whether the others are held at the current step: asked to, or the model has no optimum (separable data). */
    bool heldAtStep() const;
    void applyStyle();
    void replot();

    const IterationModel* m_model;
    const ErrorSurfaceModel* m_surface;
    QStackedLayout* m_stack;
    QLabel* m_message;
    QCustomPlot* m_plot;
    QCPGraph* m_curve;
    QCPGraph* m_steps;
    OptimumStar* m_optimum;
    TangentMarker* m_tangent;
    SliceSubtitle* m_subtitle;
    std::unique_ptr<LossAlongParameter> m_line;
    int m_parameter = 0;
    bool m_presentation = false;
    int m_refreshCount = 0;
};

} // namespace gdlab
