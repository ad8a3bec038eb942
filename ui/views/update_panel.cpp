#include "views/update_panel.h"

#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "views/view_palette.h"

#include <QEvent>
#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace gdlab {

namespace {

// What the panel prints of one row of the history.
struct RowState {
    long long iteration = 0;
    Eigen::VectorXd theta;
    double loss = 0;
};

RowState rowState(const IterationModel& model, int row)
{
    return { model.iteration(row), model.theta(row), model.loss(row) };
}

/** Seven significant digits: enough to check a step by hand, few enough to read off a projector. */
constexpr int kDigits = 7;
/** How much larger the text is in presentation mode, on top of the inherited (already enlarged) font. */
constexpr double kPresentationScale = 1.25;

const QString kMinus = QStringLiteral("\u2212");

/** A number as the student writes it: a real minus sign, "–" for what is not a number. */
QString number(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("\u2013");
    QString text = QString::number(value, 'g', kDigits);
    text.replace(QLatin1Char('-'), kMinus);
    return text;
}

QString escaped(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString colourName(const QColor& colour)
{
    return colour.name(QColor::HexRgb);
}

/** One table of the panel, kept as cells so that the same strings become both the rich and the plain text. */
struct Table {
    QStringList header; ///< rich-text cells of a small grey header row; empty = none
    QString plainHeader;
    std::vector<QStringList> rows; ///< rich-text cells
    QStringList plainRows;
};

} // namespace

UpdatePanel::UpdatePanel(SessionController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_label(new QLabel(this))
{
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // A teacher may want to paste the numbers into a worksheet.
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setToolTip(tr("One update of gradient descent with the actual numbers: θ(k+1) = θ(k) − lr · gradient. "
                           "Step forward and back to see other updates."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addStretch(1);

    IterationModel* model = m_controller->model();
    connect(model, &IterationModel::currentRowChanged, this, &UpdatePanel::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &UpdatePanel::refresh);
    // A worker appending rows turns "the last iteration" into one with a next step.
    connect(model, &QAbstractItemModel::rowsInserted, this, &UpdatePanel::refresh);
    connect(m_controller, &SessionController::settingsChanged, this, &UpdatePanel::refresh);
    connect(m_controller, &SessionController::problemChanged, this, &UpdatePanel::refresh);

    applyFont();
    refresh();
}

QString UpdatePanel::richText() const
{
    return m_label->text();
}

QSize UpdatePanel::minimumSizeHint() const
{
    // The label's own hint is the width of its widest table row; the height follows from it.
    return m_label->minimumSizeHint();
}

void UpdatePanel::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyFont();
}

void UpdatePanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFont();
    else if (event->type() == QEvent::PaletteChange)
        refresh();
}

void UpdatePanel::applyFont()
{
    // The label gets its own font so that the panel keeps following the font its parent sets (the main
    // window enlarges everything in presentation mode); setting it does not send the panel a FontChange.
    QFont font = this->font();
    if (m_presentation) {
        const double points = font.pointSizeF() > 0 ? font.pointSizeF() : 9.0;
        font.setPointSizeF(points * kPresentationScale);
    }
    m_label->setFont(font);
    updateGeometry();
}

QString UpdatePanel::gradientSource(int row) const
{
    const auto& problem = m_controller->problem();
    if (!problem)
        return {};
    const SolverSettings& settings = m_controller->settings();
    const long long rows = problem->sampleCount();
    const long long iteration = m_controller->model()->iteration(row);
    switch (settings.method) {
    case DescentMethod::Batch:
        return tr("gradient of all %1 rows").arg(rows);
    case DescentMethod::Sgd:
        if (settings.shuffle)
            return tr("gradient of one sample (shuffled order)");
        // Without shuffling the solver visits the rows in file order, one per update.
        return tr("gradient of sample %1 of %2").arg(iteration % rows + 1).arg(rows);
    case DescentMethod::MiniBatch: {
        const long long size = std::min<long long>(std::max<long long>(settings.batchSize, 1), rows);
        const long long perEpoch = (rows + size - 1) / size;
        const long long first = (iteration % perEpoch) * size;
        const long long count = std::min(size, rows - first);
        if (settings.shuffle)
            return tr("gradient of this mini-batch of %1 rows (shuffled order)").arg(count);
        return tr("gradient of this mini-batch: rows %1–%2 of %3").arg(first + 1).arg(first + count).arg(rows);
    }
    }
    return {};
}

void UpdatePanel::refresh()
{
    const IterationModel* model = m_controller->model();
    const auto& problem = m_controller->problem();
    const SolverSettings& settings = m_controller->settings();

    const QColor text = palette().color(QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.6);
    // The gradient in the colour of the −∇ arrow on the error surface, so the two are seen as one thing.
    const QString gradientColour = colourName(ViewPalette::gradient());
    const QString mutedStyle = QStringLiteral("color:%1").arg(muted.name(QColor::HexArgb));

    QStringList html;
    QStringList plain;
    const auto paragraph = [&html, &plain](const QString& rich, const QString& flat) {
        html << QStringLiteral("<p style=\"margin:0 0 4px 0\">%1</p>").arg(rich);
        plain << flat;
    };
    const auto addTable = [&html, &plain, &mutedStyle](const Table& table, const QList<int>& rightAligned) {
        QString out = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\" style=\"margin:0 0 4px 0\">");
        const auto cells = [&rightAligned](const QStringList& row, const QString& style) {
            QString line = QStringLiteral("<tr>");
            for (int i = 0; i < row.size(); ++i)
                // nowrap: a word-wrapping label would otherwise break a number in two to fit a narrow panel.
                line += QStringLiteral("<td%1 style=\"white-space:nowrap;%2\">%3</td>")
                            .arg(rightAligned.contains(i) ? QStringLiteral(" align=\"right\"") : QString(), style,
                                row[i]);
            return line + QStringLiteral("</tr>");
        };
        if (!table.header.isEmpty()) {
            out += cells(table.header, mutedStyle);
            plain << table.plainHeader;
        }
        for (const QStringList& row : table.rows)
            out += cells(row, QString());
        plain << table.plainRows;
        html << out + QStringLiteral("</table>");
    };

    if (!problem || model->isEmpty()) {
        paragraph(
            tr("No descent yet: open a lesson or a CSV file."), tr("No descent yet: open a lesson or a CSV file."));
    } else {
        const int row = std::clamp(model->currentRow(), 0, model->lastRow());
        const RowState from = rowState(*model, row);
        const std::vector<std::string>& symbols = problem->parameterSymbols();
        const auto symbol = [&symbols](Eigen::Index j) {
            return j < static_cast<Eigen::Index>(symbols.size()) ? QString::fromStdString(symbols[std::size_t(j)])
                                                                 : QStringLiteral("θ%1").arg(j);
        };
        const bool standardized = problem->isStandardized();
        const QString lossText = QString::fromUtf8(lossName(settings.loss));

        if (row >= model->lastRow()) {
            const QString message = tr("This is the last iteration: no further update.");
            paragraph(QStringLiteral("<b>%1</b>").arg(message), message);
            const QString where = tr("θ at k = %1").arg(from.iteration);
            paragraph(where + QLatin1Char(':'), where + QLatin1Char(':'));
            Table table;
            for (Eigen::Index j = 0; j < from.theta.size(); ++j) {
                table.rows.push_back(
                    { symbol(j).toHtmlEscaped(), QStringLiteral("&nbsp;=&nbsp;"), number(from.theta[j]) });
                table.plainRows << QStringLiteral("%1 = %2").arg(symbol(j), number(from.theta[j]));
            }
            addTable(table, { 2 });
            const QString loss = tr("L = %1 (%2)").arg(number(from.loss), lossText);
            paragraph(loss, loss);
        } else {
            const RowState to = rowState(*model, row + 1);
            const double learningRate = settings.learningRate;
            // Batch descent steps with the gradient at θ_k; a stochastic step with its sample's or batch's.
            const Eigen::VectorXd step = model->stepGradient(row + 1);
            if (to.iteration != from.iteration + 1) {
                const QString message
                    = tr("Iterations %1 and %2 are more than one update apart: no single step to show.")
                          .arg(from.iteration)
                          .arg(to.iteration);
                paragraph(message, message);
            } else {
                const QString title = tr("Update k = %1 → %2").arg(from.iteration).arg(to.iteration);
                const QString source = gradientSource(row);
                paragraph(QStringLiteral("<b>%1</b>").arg(title), title);
                const QString rule = tr("θ ← θ − lr · gradient");
                paragraph(rule.toHtmlEscaped(), rule);
                const QString what = tr("lr = %1, %2").arg(number(learningRate), source);
                paragraph(what.toHtmlEscaped(), what);

                Table table;
                table.header = { QString(), QStringLiteral("θ<sub>k</sub>"), QString(), QStringLiteral("lr"), QString(),
                    QStringLiteral("(gradient)"), QString(), QStringLiteral("θ<sub>k+1</sub>") };
                table.plainHeader = QStringLiteral("θ_k − lr × (gradient) = θ_k+1");
                for (Eigen::Index j = 0; j < from.theta.size(); ++j) {
                    const QString thetaK = number(from.theta[j]);
                    const QString rate = number(learningRate);
                    const QString gradient = QStringLiteral("(%1)").arg(number(step[j]));
                    const QString next = number(to.theta[j]);
                    table.rows.push_back({ symbol(j).toHtmlEscaped() + QStringLiteral(":&nbsp;&nbsp;"), thetaK,
                        QStringLiteral("&nbsp;%1&nbsp;").arg(kMinus), rate, QStringLiteral("&nbsp;×&nbsp;"),
                        QStringLiteral("<span style=\"color:%1\">%2</span>").arg(gradientColour, gradient),
                        QStringLiteral("&nbsp;=&nbsp;"), QStringLiteral("<b>%1</b>").arg(next) });
                    table.plainRows << QStringLiteral("%1:  %2 %3 %4 × %5 = %6")
                                           .arg(symbol(j), thetaK, kMinus, rate, gradient, next);
                }
                addTable(table, { 1, 3, 5, 7 });

                const QString formula = tr("Loss %1: %2").arg(lossText, QString::fromUtf8(lossFormula(settings.loss)));
                QString rows;
                switch (settings.method) {
                case DescentMethod::Batch:
                    rows = tr("n = %1 rows").arg(problem->sampleCount());
                    break;
                case DescentMethod::Sgd:
                    rows = tr("for the step applied to the one sample (n = 1); L below is over all %1 rows")
                               .arg(problem->sampleCount());
                    break;
                case DescentMethod::MiniBatch:
                    rows = tr("for the step applied to the mini-batch; L below is over all %1 rows")
                               .arg(problem->sampleCount());
                    break;
                }
                // On screen the loss and its gradient go on lines of their own: one long line wraps mid-formula.
                QString richFormula = (formula + QLatin1String(", ") + rows).toHtmlEscaped();
                richFormula.replace(QStringLiteral(",  ∇L"), QStringLiteral("<br>∇L"));
                paragraph(richFormula, formula + QLatin1String(", ") + rows);

                QString change;
                if (std::isfinite(from.loss) && std::isfinite(to.loss) && from.loss > 0) {
                    const double percent = 100.0 * (to.loss - from.loss) / from.loss;
                    // Three digits: the size of the change, not a number to check.
                    QString digits = QString::number(percent, 'g', 3);
                    digits.replace(QLatin1Char('-'), kMinus);
                    change = QStringLiteral(" (%1%2 %)").arg(percent > 0 ? QStringLiteral("+") : QString(), digits);
                }
                const QString lossLine
                    = tr("L(θ_k) = %1 → L(θ_k+1) = %2%3").arg(number(from.loss), number(to.loss), change);
                const QString lossRich = tr("L(θ<sub>k</sub>) = %1 → L(θ<sub>k+1</sub>) = <b>%2</b>%3")
                                             .arg(number(from.loss), number(to.loss), change);
                paragraph(lossRich, lossLine);
            }
        }

        if (standardized) {
            // The descent runs on z-scored features; the line a student would draw on the data needs θ back
            // in the data's own units.
            const QString note = tr("Features standardized: θ above is in scaled units. In the original units:");
            paragraph(note.toHtmlEscaped(), note);
            const Eigen::VectorXd before = problem->toOriginalUnits(from.theta);
            const bool hasNext = row < model->lastRow();
            const Eigen::VectorXd after = hasNext ? problem->toOriginalUnits(model->theta(row + 1)) : before;
            const std::vector<std::string>& names = problem->parameterNames();
            Table table;
            for (Eigen::Index j = 0; j < before.size(); ++j) {
                const QString name
                    = j < static_cast<Eigen::Index>(names.size()) ? escaped(names[std::size_t(j)]) : QString();
                const QString label = QStringLiteral("%1 (%2):&nbsp;&nbsp;").arg(symbol(j).toHtmlEscaped(), name);
                const QString plainLabel = QStringLiteral("%1 (%2):")
                                               .arg(symbol(j),
                                                   j < static_cast<Eigen::Index>(names.size())
                                                       ? QString::fromStdString(names[std::size_t(j)])
                                                       : QString());
                if (hasNext) {
                    table.rows.push_back({ label, number(before[j]), QStringLiteral("&nbsp;→&nbsp;"),
                        QStringLiteral("<b>%1</b>").arg(number(after[j])) });
                    table.plainRows
                        << QStringLiteral("%1  %2 → %3").arg(plainLabel, number(before[j]), number(after[j]));
                } else {
                    table.rows.push_back({ label, number(before[j]) });
                    table.plainRows << QStringLiteral("%1  %2").arg(plainLabel, number(before[j]));
                }
            }
            addTable(table, { 1, 3 });
        }
    }

    m_label->setText(html.join(QString()));
    m_plainText = plain.join(QLatin1Char('\n'));
    updateGeometry();
}

} // namespace gdlab
