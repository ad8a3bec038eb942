#pragma once

#include "learning_rate_sweep.h"
#include "loss.h"
#include "solver.h"
#include "solver_settings.h"

#include <QCoreApplication>
#include <QString>

#include <exception>
#include <string>

namespace gdlab {

class Dataset;

/**
 * @brief Every string of the Qt-free core that reaches the screen passes here: the one place where core text
 * becomes translatable UI text (tr() in the context "gdlab::CoreText").
 *
 * Words (why a run stopped, what a sweep curve did) are written out here so that translators see them;
 * identifiers the command line shares (mse, sgd) and formulas stay as the core spells them; messages built at
 * run time (an input error with its line and column) are looked up whole.
 */
class CoreText {
    Q_DECLARE_TR_FUNCTIONS(gdlab::CoreText)

public:
    static QString stopReason(StopReason reason);
    static QString sweepBehaviour(SweepBehaviour behaviour);
    /** @brief The loss's identifier as the command line knows it ("mse", "half-mse", "sse"). */
    static QString loss(LossKind kind);
    /** @brief The method's identifier as the command line knows it ("batch", "sgd", "minibatch"). */
    static QString method(DescentMethod method);
    /** @brief The optimizer's identifier as the command line knows it ("gd", "momentum", "adam", …). */
    static QString optimizer(OptimizerKind kind);
    /** @brief "momentum (momentum 0.9)": the optimizer and the parameters it uses, as the command line says them. */
    static QString optimizerSettings(const OptimizerSettings& settings);
    static QString lossFormula(LossKind kind);
    static QString lossGradientFormula(LossKind kind);
    /** @brief A message the core made (an exception's text, an error string). */
    static QString message(const std::string& text);
    /**
     * @brief "showing 4,990 of 1,000,000 rows" for a dataset that is a display sample of a longer file, empty for
     * one that holds every row (digits grouped in English, as a count on a projector reads best).
     */
    static QString sampleNote(const Dataset& dataset);
    /** @brief "showing 4,990 of 1,000,000 rows", digits grouped as in sampleNote(). */
    static QString shownRows(long long shown, long long total);
    static QString message(const std::exception& error) { return message(std::string(error.what())); }
};

} // namespace gdlab
