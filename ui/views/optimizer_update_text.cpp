#include "views/optimizer_update_text.h"

#include "views/step_numbers.h"

namespace gdlab {

namespace {

using StepNumbers::reading;
using StepNumbers::term;

} // namespace

QString OptimizerUpdateText::rule(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Gd:
        return QStringLiteral("θ ← θ − lr·g");
    case OptimizerKind::Momentum:
        return QStringLiteral("v ← μ·v + g;  θ ← θ − lr·v");
    case OptimizerKind::Nesterov:
        return QStringLiteral("v ← μ·v + g;  θ ← θ − lr·(g + μ·v)");
    case OptimizerKind::AdaGrad:
        return QStringLiteral("s ← s + g²;  θ ← θ − lr·g / (√s + ε)");
    case OptimizerKind::RmsProp:
        return QStringLiteral("s ← ρ·s + (1−ρ)·g²;  θ ← θ − lr·g / (√s + ε)");
    case OptimizerKind::Adam:
        return QStringLiteral("m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;  "
                              "θ ← θ − lr·(m/(1−β1ᵗ)) / (√(s/(1−β2ᵗ)) + ε)");
    case OptimizerKind::Newton:
        return QStringLiteral("θ ← θ − lr·H⁻¹g  (H·step = g solved, H the Hessian)");
    }
    return {};
}

QString OptimizerUpdateText::parameters(
    const OptimizerSettings& settings, double learningRate, const OptimizerReplay& replay)
{
    QString text = QStringLiteral("lr = %1").arg(reading(learningRate));
    switch (settings.kind) {
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov:
        return text + QStringLiteral(", μ = %1").arg(reading(settings.momentum));
    case OptimizerKind::AdaGrad:
        return text + QStringLiteral(", ε = %1").arg(reading(settings.effectiveEpsilon()));
    case OptimizerKind::RmsProp:
        return text
            + QStringLiteral(", ρ = %1, ε = %2").arg(reading(settings.rho), reading(settings.effectiveEpsilon()));
    case OptimizerKind::Adam:
        return text
            + tr(", β1 = %1, β2 = %2, ε = %3; t = %4: 1−β1ᵗ = %5, 1−β2ᵗ = %6")
                  .arg(reading(settings.beta1), reading(settings.beta2), reading(settings.effectiveEpsilon()))
                  .arg(replay.t)
                  .arg(reading(replay.correction1), reading(replay.correction2));
    case OptimizerKind::Gd:
    case OptimizerKind::Newton:
        break;
    }
    return text;
}

QStringList OptimizerUpdateText::stateLines(
    const OptimizerSettings& settings, double learningRate, const OptimizerReplay& replay, Eigen::Index j)
{
    Q_UNUSED(learningRate);
    const double g = replay.gradient[j];
    switch (settings.kind) {
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov:
        return { QStringLiteral("v = %1 × %2 + %3 = %4")
                     .arg(reading(settings.momentum), term(replay.velocityBefore[j]), term(g),
                         reading(replay.velocityAfter[j])) };
    case OptimizerKind::AdaGrad:
        return { QStringLiteral("s = %1 + %2² = %3")
                     .arg(term(replay.secondBefore[j]), term(g), reading(replay.secondAfter[j])) };
    case OptimizerKind::RmsProp:
        return { QStringLiteral("s = %1 × %2 + %3 × %4² = %5")
                     .arg(reading(settings.rho), term(replay.secondBefore[j]), reading(1 - settings.rho), term(g),
                         reading(replay.secondAfter[j])) };
    case OptimizerKind::Adam:
        return { QStringLiteral("m = %1 × %2 + %3 × %4 = %5")
                     .arg(reading(settings.beta1), term(replay.firstBefore[j]), reading(1 - settings.beta1), term(g),
                         reading(replay.firstAfter[j])),
            QStringLiteral("s = %1 × %2 + %3 × %4² = %5")
                .arg(reading(settings.beta2), term(replay.secondBefore[j]), reading(1 - settings.beta2), term(g),
                    reading(replay.secondAfter[j])) };
    case OptimizerKind::Newton:
        return { QStringLiteral("H⁻¹g = %1").arg(reading(replay.newtonStep[j])) };
    case OptimizerKind::Gd:
        break;
    }
    return {};
}

QString OptimizerUpdateText::thetaLine(const OptimizerSettings& settings, double learningRate,
    const OptimizerReplay& replay, Eigen::Index j, double before, double after)
{
    const QString start = QStringLiteral("θ = %1 − %2 × ").arg(reading(before), reading(learningRate));
    const QString result = QStringLiteral(" = %1").arg(reading(after));
    const double g = replay.gradient[j];
    const QString eps = reading(settings.effectiveEpsilon());
    switch (settings.kind) {
    case OptimizerKind::Gd:
        return start + term(g) + result;
    case OptimizerKind::Momentum:
        return start + term(replay.velocityAfter[j]) + result;
    case OptimizerKind::Nesterov:
        return start
            + QStringLiteral("(%1 + %2 × %3)").arg(term(g), reading(settings.momentum), term(replay.velocityAfter[j]))
            + result;
    case OptimizerKind::AdaGrad:
    case OptimizerKind::RmsProp:
        return start + QStringLiteral("%1 / (√%2 + %3)").arg(term(g), reading(replay.secondAfter[j]), eps) + result;
    case OptimizerKind::Adam:
        return start
            + QStringLiteral("(%1/%2) / (√(%3/%4) + %5)")
                  .arg(term(replay.firstAfter[j]), reading(replay.correction1), reading(replay.secondAfter[j]),
                      reading(replay.correction2), eps)
            + result;
    case OptimizerKind::Newton:
        return start + term(replay.newtonStep[j]) + result;
    }
    return {};
}

UpdateDocument::Table OptimizerUpdateText::table(const OptimizerSettings& settings, double learningRate,
    const OptimizerReplay& replay, const Eigen::VectorXd& before, const Eigen::VectorXd& after,
    const QStringList& symbols, bool narrow)
{
    UpdateDocument::Table table;
    for (Eigen::Index j = 0; j < before.size(); ++j) {
        const QString symbol = j < symbols.size() ? symbols[int(j)] : QStringLiteral("θ%1").arg(j);
        QStringList lines { QStringLiteral("g = %1").arg(reading(replay.gradient[j])) };
        lines << stateLines(settings, learningRate, replay, j);
        lines << thetaLine(settings, learningRate, replay, j, before[j], after[j]);
        for (int i = 0; i < lines.size(); ++i) {
            const QString label = i == 0 ? symbol + QLatin1Char(':') : QString();
            const bool last = i + 1 == lines.size();
            const auto cell = [last](const QString& text) {
                return last ? QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()) : text.toHtmlEscaped();
            };
            // "v = 0.9 × 2.55 + (−0.38) = 1.92": the result is after the last " = " of a line that has two.
            const qsizetype result = lines[i].lastIndexOf(QStringLiteral(" = "));
            if (narrow && result > lines[i].indexOf(QStringLiteral(" = "))) {
                table.rows.push_back(
                    { label.toHtmlEscaped() + QStringLiteral("&nbsp;&nbsp;"), cell(lines[i].left(result)) });
                table.rows.push_back(
                    { QString(), QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;") + cell(lines[i].mid(result + 1)) });
            } else {
                table.rows.push_back({ label.toHtmlEscaped() + QStringLiteral("&nbsp;&nbsp;"), cell(lines[i]) });
            }
            table.plainRows << QStringLiteral("%1 %2").arg(label.leftJustified(symbol.size() + 1), lines[i]);
        }
    }
    return table;
}

} // namespace gdlab
