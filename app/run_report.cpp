#include "run_report.h"

#include "dataset.h"
#include "history_csv.h"
#include "optimizer_bounds.h"
#include "run.h"

#include <cmath>
#include <sstream>

namespace gdlab {

namespace {

std::string jsonNumber(double value)
{
    return std::isfinite(value) ? formatNumber(value) : "null";
}

std::string jsonArray(const Eigen::VectorXd& values)
{
    std::string out = "[";
    for (Eigen::Index i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + jsonNumber(values[i]);
    return out + "]";
}

std::string jsonString(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string shortNumber(double value)
{
    if (!std::isfinite(value))
        return "not finite";
    std::ostringstream stream;
    stream.precision(8);
    stream << value;
    return stream.str();
}

std::string vectorText(const Eigen::VectorXd& values)
{
    std::string out = "(";
    for (Eigen::Index i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + shortNumber(values[i]);
    return out + ")";
}

// The optimizer's bound (for the logistic model with λmax = L, so gd's is 2/L); null for the adaptive methods.
double lrBound(const Run& run)
{
    const OptimizerBounds bounds = optimizerBounds(run.stability, run.settings.optimizer);
    return isAdaptive(run.settings.optimizer.kind) ? std::nan("")
        : bounds.hasBound                          ? bounds.divergenceBound
                                                   : run.stability.divergenceBound;
}

std::string statusText(const Run& run)
{
    std::string status = stopReasonName(run.outcome->reason);
    const OptimizerBounds bounds = optimizerBounds(run.stability, run.settings.optimizer);
    if (run.outcome->reason == StopReason::Diverged && bounds.hasBound)
        status += " after " + std::to_string(run.outcome->iterations) + " updates (learning rate above the bound "
            + shortNumber(bounds.divergenceBound) + "?)";
    else if (run.outcome->reason == StopReason::Diverged)
        status += " after " + std::to_string(run.outcome->iterations) + " updates";
    return status;
}

// "batch gradient descent" for plain gd, "batch descent with adam (beta1 0.9, …)" for the others.
std::string descentText(const SolverSettings& settings)
{
    const std::string method = methodName(settings.method);
    if (settings.optimizer.kind == OptimizerKind::Gd)
        return method + " gradient descent";
    return method + " descent with " + describeOptimizer(settings.optimizer);
}

// The learning rates theory gives for the optimizer as run (batch updates on this quadratic loss).
std::string boundsText(const Run& run)
{
    const OptimizerSettings& optimizer = run.settings.optimizer;
    const OptimizerBounds bounds = optimizerBounds(run.stability, optimizer);
    const std::string name = optimizer.kind == OptimizerKind::Gd ? "batch" : optimizerName(optimizer.kind);
    std::string text = name + " learning rate: ";
    if (isAdaptive(optimizer.kind))
        return text + "no fixed bound (the steps adapt per coordinate to the gradients seen)\n";
    // The bounds are 0 when the loss is flat (every feature all zeros, no intercept): no rate can diverge.
    if (!bounds.hasBound)
        return text + "no bound (the loss does not depend on θ)\n";
    text += "diverges above " + shortNumber(bounds.divergenceBound);
    if (bounds.optimalRate > 0)
        text += ", fastest at " + shortNumber(bounds.optimalRate);
    if (bounds.optimalMomentum > 0)
        text += " with momentum " + shortNumber(bounds.optimalMomentum);
    text += "\n";
    if (optimizer.kind == OptimizerKind::Newton && run.leastSquares.rankDeficient)
        text += "newton: the data is rank-deficient, so H is singular: each step is the minimum-norm solution of "
                "H·step = g\n";
    return text;
}

// The reference optimum of the logistic model, or in words why there is none.
std::string optimumText(const LogisticFit& fit)
{
    if (!fit.finite)
        return fit.message + "\n";
    return "optimum θ = " + vectorText(fit.thetaOriginal) + "   loss " + shortNumber(fit.loss) + "   accuracy "
        + shortNumber(fit.accuracy) + "   (Newton's method, " + std::to_string(fit.iterations) + " steps)\n";
}

// The log loss's curvature is at most L = λmax(XᵀX)/4n, the gradient's Lipschitz constant: the quadratic bounds with
// λmax = L hold where the loss is most curved, and below gd's 2/L every step lowers the loss.
std::string logisticBoundsText(const Run& run)
{
    const OptimizerSettings& optimizer = run.settings.optimizer;
    const OptimizerBounds bounds = optimizerBounds(run.stability, optimizer);
    const std::string name = optimizer.kind == OptimizerKind::Gd ? "batch" : optimizerName(optimizer.kind);
    const std::string text = name + " learning rate: ";
    if (isAdaptive(optimizer.kind))
        return text + "no fixed bound (the steps adapt per coordinate to the gradients seen)\n";
    if (optimizer.kind == OptimizerKind::Newton)
        return text + "1 is Newton's full step (with the Hessian at each θ); diverges above 2 near the optimum\n";
    if (!bounds.hasBound)
        return text + "no bound (the loss does not depend on θ)\n";
    const std::string curvature = "L = λmax(XᵀX)/4n = " + shortNumber(run.stability.lambdaMax);
    if (optimizer.kind == OptimizerKind::Gd)
        return text + "every step lowers the loss below 2/L = " + shortNumber(bounds.divergenceBound) + " (" + curvature
            + ", the gradient's Lipschitz constant)\n";
    return text + "diverges above " + shortNumber(bounds.divergenceBound) + " where the loss is most curved ("
        + curvature + ")\n";
}

// The keys both models' JSON open with, unclosed: {"status", "iterations", "theta" (original units), "loss".
std::string jsonFinalState(const Run& run)
{
    const History& history = *run.history;
    const bool any = !history.empty();
    const std::size_t last = any ? history.size() - 1 : 0;
    std::string out = "{";
    out += "\"status\": " + jsonString(stopReasonName(run.outcome->reason));
    out += ", \"iterations\": " + std::to_string(run.outcome->iterations);
    out += ", \"theta\": " + (any ? jsonArray(run.problem->toOriginalUnits(history.theta(last))) : std::string("[]"));
    out += ", \"loss\": " + jsonNumber(any ? history.loss(last) : std::nan(""));
    return out;
}

// {"status", "iterations", "theta", "loss", "accuracy", "optimum", "separable", "lr_bound"}
std::string logisticJson(const Run& run)
{
    const History& history = *run.history;
    const LogisticFit& fit = *run.logistic;
    std::string out = jsonFinalState(run);
    out += ", \"accuracy\": " + jsonNumber(history.empty() ? std::nan("") : history.accuracy(history.size() - 1));
    out += ", \"optimum\": " + (fit.finite ? jsonArray(fit.thetaOriginal) : std::string("null"));
    out += ", \"separable\": " + std::string(fit.separable ? "true" : "false");
    out += ", \"lr_bound\": " + jsonNumber(lrBound(run));
    out += "}\n";
    return out;
}

} // namespace

std::string summaryText(const Run& run, const Dataset& dataset)
{
    const Problem& problem = *run.problem;
    std::string features;
    for (std::size_t i = problem.hasIntercept() ? 1 : 0; i < problem.parameterNames().size(); ++i)
        features += (features.empty() ? "" : ", ") + problem.parameterNames()[i];
    std::ostringstream out;
    out << dataset.source() << ": " << problem.sampleCount() << " rows, target " << problem.targetName()
        << ", features " << (features.empty() ? "none" : features)
        << (problem.hasIntercept() ? " (with intercept)" : " (no intercept)")
        << (problem.isStandardized() ? ", standardized" : "") << "\n";
    out << descentText(run.settings) << " on "
        << (run.isLogistic() ? "logloss (logistic regression)" : lossName(run.settings.loss)) << ", lr "
        << shortNumber(run.settings.learningRate) << ": " << statusText(run) << ", " << run.outcome->iterations
        << " updates\n";
    if (!run.history->empty()) {
        const History& history = *run.history;
        const std::size_t last = history.size() - 1;
        out << "θ = " << vectorText(problem.toOriginalUnits(history.theta(last))) << "   loss "
            << shortNumber(history.loss(last))
            << (run.isLogistic() ? "   accuracy " + shortNumber(history.accuracy(last))
                                 : "   RMSE " + shortNumber(history.rmse(last)))
            << "   |∇| " << shortNumber(history.gradientNorm(last)) << "\n";
    }
    if (run.isLogistic()) {
        out << optimumText(*run.logistic) << logisticBoundsText(run);
        return out.str();
    }
    // NaN only when the target does not vary: say so instead of showing a number that is none.
    out << "least squares θ = " << vectorText(run.leastSquares.thetaOriginal) << "   R² "
        << (std::isfinite(run.leastSquares.r2) ? shortNumber(run.leastSquares.r2)
                                               : std::string("undefined (the target is constant)"))
        << "\n";
    if (!run.leastSquares.message.empty())
        out << "note: " << run.leastSquares.message << "\n";
    out << boundsText(run);
    return out.str();
}

std::string jsonText(const Run& run)
{
    if (run.isLogistic())
        return logisticJson(run);
    const History& history = *run.history;
    std::string out = jsonFinalState(run);
    out += ", \"rmse\": " + jsonNumber(history.empty() ? std::nan("") : history.rmse(history.size() - 1));
    out += ", \"least_squares\": " + jsonArray(run.leastSquares.thetaOriginal);
    out += ", \"optimum\": " + jsonArray(run.leastSquares.thetaOriginal); // the reference optimum of either model
    out += ", \"r2\": " + jsonNumber(run.leastSquares.r2);
    out += ", \"std_errors\": " + jsonArray(run.leastSquares.standardErrors);
    out += ", \"residual_sd\": " + jsonNumber(run.leastSquares.residualStandardDeviation);
    out += ", \"lr_bound\": " + jsonNumber(lrBound(run));
    out += "}\n";
    return out;
}

} // namespace gdlab
