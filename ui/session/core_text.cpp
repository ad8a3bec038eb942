#include "session/core_text.h"

#include "dataset.h"

#include <QLocale>

namespace gdlab {

QString CoreText::stopReason(StopReason reason)
{
    switch (reason) {
    case StopReason::MaxIterations:
        return tr("max iterations");
    case StopReason::Converged:
        return tr("converged");
    case StopReason::Diverged:
        return tr("diverged");
    case StopReason::Cancelled:
        return tr("cancelled");
    }
    return QString::fromUtf8(stopReasonName(reason));
}

QString CoreText::sweepBehaviour(SweepBehaviour behaviour)
{
    switch (behaviour) {
    case SweepBehaviour::Converges:
        return tr("converges");
    case SweepBehaviour::TooSlow:
        return tr("too slow");
    case SweepBehaviour::Oscillates:
        return tr("oscillates");
    case SweepBehaviour::Noisy:
        return tr("noisy");
    case SweepBehaviour::Diverges:
        return tr("diverges");
    }
    return QString::fromUtf8(LearningRateSweep::behaviourName(behaviour));
}

QString CoreText::loss(LossKind kind)
{
    return QString::fromUtf8(lossName(kind));
}

QString CoreText::optimizer(OptimizerKind kind)
{
    return QString::fromLatin1(optimizerName(kind));
}

QString CoreText::optimizerSettings(const OptimizerSettings& settings)
{
    return QString::fromStdString(describeOptimizer(settings));
}

QString CoreText::method(DescentMethod method)
{
    return QString::fromUtf8(methodName(method));
}

QString CoreText::lossFormula(LossKind kind)
{
    return QString::fromUtf8(gdlab::lossFormula(kind));
}

QString CoreText::lossGradientFormula(LossKind kind)
{
    return QString::fromUtf8(gdlab::lossGradientFormula(kind));
}

QString CoreText::message(const std::string& text)
{
    return QCoreApplication::translate("gdlab::CoreText", text.c_str());
}

QString CoreText::sampleNote(const Dataset& dataset)
{
    return dataset.isSample() ? shownRows(dataset.rowCount(), dataset.fullRowCount()) : QString();
}

QString CoreText::shownRows(long long shown, long long total)
{
    const QLocale english(QLocale::English);
    return tr("showing %1 of %2 rows").arg(english.toString(shown), english.toString(total));
}

} // namespace gdlab
