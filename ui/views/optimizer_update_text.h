#pragma once

#include "optimizer_replay.h"
#include "optimizer_settings.h"
#include "views/update_document.h"

#include <Eigen/Core>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gdlab {

/**
 * @brief The update of an optimizer other than plain gd written out with its numbers, for the update panel: the
 * rule, the parameters, and per parameter the gradient, each state's new value (v, m, s, Newton's step) and
 * the new θ, each as the formula with the step's own numbers substituted:
 *
 *     θ0:  g = −1.62
 *          v = 0.9 × 0.12 + (−1.62) = −1.512
 *          θ = 0.75 − 0.01 × (−1.512) = 0.76512
 */
class OptimizerUpdateText {
    Q_DECLARE_TR_FUNCTIONS(gdlab::OptimizerUpdateText)

public:
    /** @brief "v ← μ·v + g;  θ ← θ − lr·v" and the like. */
    static QString rule(OptimizerKind kind);
    /** @brief "lr = 0.01, μ = 0.9" and the like (ε and Adam's bias corrections included). */
    static QString parameters(const OptimizerSettings& settings, double learningRate, const OptimizerReplay& replay);
    /**
     * @brief One block of rows per parameter; before and after are θ_k and θ_k+1. narrow: each line's result
     * ("= 1.916069") goes on a row of its own under its expression, so that a side panel too narrow for the whole
     * line still shows it (the plain rows keep one line each).
     */
    static UpdateDocument::Table table(const OptimizerSettings& settings, double learningRate,
        const OptimizerReplay& replay, const Eigen::VectorXd& before, const Eigen::VectorXd& after,
        const QStringList& symbols, bool narrow = false);

private:
    /** The state lines of parameter j (without the gradient and θ lines). */
    static QStringList stateLines(
        const OptimizerSettings& settings, double learningRate, const OptimizerReplay& replay, Eigen::Index j);
    static QString thetaLine(const OptimizerSettings& settings, double learningRate, const OptimizerReplay& replay,
        Eigen::Index j, double before, double after);
};

} // namespace gdlab
