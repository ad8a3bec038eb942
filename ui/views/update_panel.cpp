#include "views/update_panel.h"
#include "session/core_text.h"

#include "number_format.h"
#include "session/iteration_model.h"
#include "update_sample.h"
#include "update_step_text.h"
#include "views/logistic_update_text.h"
#include "views/optimizer_update_text.h"
#include "views/plot_style.h"
#include "views/step_numbers.h"
#include "views/update_document.h"
#include "views/view_palette.h"

#include <QEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace gdlab {

namespace {

using StepNumbers::reading;

QString bold(const QString& text)
{
    return QStringLiteral("<b>%1</b>").arg(text);
}

} // namespace

UpdatePanel::UpdatePanel(const IterationModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_text(new QTextBrowser(this))
{
    // A read-only text view, not a word-wrapped rich-text QLabel in a scroll area: such a label is laid out anew
    // for every width the layouts ask its heightForWidth() about, which cost a cursor step tens of milliseconds.
    // The view lays its document out once per text, at its own width, and scrolls what does not fit.
    m_text->setOpenLinks(false);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setLineWrapMode(QTextEdit::WidgetWidth);
    // A teacher may want to paste the numbers into a worksheet.
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->document()->setDocumentMargin(0);
    // The panel's own background, as the text had when it was a label.
    m_text->viewport()->setAutoFillBackground(false);
    m_text->setToolTip(tr("One update of gradient descent with the actual numbers: θ(k+1) = θ(k) − lr · gradient. "
                          "Step forward and back to see other updates."));
    m_text->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);

    connect(m_model, &IterationModel::runReset, this, &UpdatePanel::refresh);
    connect(m_model, &IterationModel::currentRowChanged, this, &UpdatePanel::onCurrentRowChanged);
    // A worker appending rows turns "the last iteration" into one with a next step.
    connect(m_model, &IterationModel::rowsAppended, this, &UpdatePanel::onRowsAppended);

    applyFont();
    refresh();
}

UpdatePanel::~UpdatePanel() = default;

QString UpdatePanel::richText() const
{
    return m_html;
}

QSize UpdatePanel::minimumSizeHint() const
{
    // The text scrolls: a long update never sets the side panel's width or the window's height.
    return m_text->minimumSizeHint();
}

void UpdatePanel::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    applyFont();
}

bool UpdatePanel::eventFilter(QObject* watched, QEvent* event)
{
    // The text view itself, not its viewport, whose width changes as a scroll bar comes and goes.
    if (watched == m_text && event->type() == QEvent::Resize) {
        const auto* resize = static_cast<QResizeEvent*>(event);
        if (resize->size().width() != resize->oldSize().width() && m_shownRow >= 0)
            showRow(m_shownRow);
    }
    return QWidget::eventFilter(watched, event);
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
    m_text->setFont(PlotStyle(*this, m_presentation).font());
    updateGeometry();
}

void UpdatePanel::refresh()
{
    ++m_refreshCount;
    showRow(m_model->currentRow());
}

void UpdatePanel::onRowsAppended(int first)
{
    // Only the row that was the last one gains something to show: its update.
    if (m_shownRow == first - 1)
        showRow(m_model->currentRow());
}

void UpdatePanel::onCurrentRowChanged(int row)
{
    if (row != m_shownRow)
        showRow(row);
}

void UpdatePanel::showRow(int row)
{
    const Run* run = m_model->run();
    m_shownRow = m_model->isEmpty() ? -1 : std::clamp(row, 0, m_model->lastRow());
    // A step whose line is wider than the panel would hide its result behind a scroll bar: then each new value
    // goes on a line of its own, and if that is still too wide, each step takes three lines. The layout found stays
    // while the panel's width, its font and the run's shape do (stepping, a new rate): one document per step, not
    // one per layout tried.
    const LayoutKey key { m_text->contentsRect().width(), m_text->font().pointSizeF(),
        run ? run->problem->parameterCount() : 0, run && run->isLogistic(),
        run ? static_cast<int>(run->settings.optimizer.kind) : -1, run ? static_cast<int>(run->settings.method) : -1 };
    if (key != m_layoutKey) {
        m_layoutKey = key;
        m_layout = StepLayout::OneLine;
    }
    UpdateDocument document = buildDocument(run);
    while (m_layout != StepLayout::ThreeLines && !fitsTheWidth(document.html())) {
        m_layout = m_layout == StepLayout::OneLine ? StepLayout::ResultBelow : StepLayout::ThreeLines;
        document = buildDocument(run);
    }
    m_html = document.html();
    m_text->setHtml(m_html);
    m_plainText = document.plainText();
}

UpdateDocument UpdatePanel::buildDocument(const Run* run) const
{
    QColor muted = palette().color(QPalette::Text);
    muted.setAlphaF(0.6);
    UpdateDocument document(muted);
    if (!run || m_shownRow < 0)
        document.addText(tr("No descent yet: open a lesson or a CSV file."));
    else if (m_shownRow >= m_model->lastRow())
        addLastRow(document, m_shownRow);
    else
        addUpdate(document, m_shownRow);
    if (run && m_shownRow >= 0 && run->problem->isStandardized())
        addOriginalUnits(document, m_shownRow);
    return document;
}

bool UpdatePanel::fitsTheWidth(const QString& html) const
{
    // Laid out apart from the view, at the width it has with a vertical scroll bar shown: the answer does not
    // change as that bar comes and goes, which would lay the text out back and forth.
    const double width = m_text->contentsRect().width() - m_text->verticalScrollBar()->sizeHint().width();
    QTextDocument probe;
    probe.setDefaultFont(m_text->font());
    probe.setDocumentMargin(m_text->document()->documentMargin());
    probe.setHtml(html);
    probe.setTextWidth(width);
    return probe.idealWidth() <= width;
}

void UpdatePanel::addLastRow(UpdateDocument& document, int row) const
{
    document.addHeading(tr("This is the last iteration: no further update."));
    document.addText(tr("θ at k = %1:").arg(m_model->iteration(row)));
    const Eigen::VectorXd theta = m_model->theta(row);
    UpdateDocument::Table table;
    table.rightAligned = { 2 };
    for (Eigen::Index j = 0; j < theta.size(); ++j) {
        table.rows.push_back({ symbol(j).toHtmlEscaped(), QStringLiteral("&nbsp;=&nbsp;"), reading(theta[j]) });
        table.plainRows << QStringLiteral("%1 = %2").arg(symbol(j), reading(theta[j]));
    }
    document.addTable(table);
    const QString lossName
        = m_model->run()->isLogistic() ? tr("log loss") : CoreText::loss(m_model->run()->settings.loss);
    document.addText(tr("L = %1 (%2)").arg(reading(m_model->loss(row)), lossName));
    addAccuracy(document, row, row);
}

void UpdatePanel::addUpdate(UpdateDocument& document, int row) const
{
    const long long from = m_model->iteration(row);
    const long long to = m_model->iteration(row + 1);
    if (to != from + 1) {
        document.addText(
            tr("Iterations %1 and %2 are more than one update apart: no single step to show.").arg(from).arg(to));
        return;
    }
    if (m_model->run()->settings.optimizer.kind != OptimizerKind::Gd) {
        addOptimizerStep(document, row);
    } else {
        document.addHeading(tr("Update k = %1 → %2").arg(from).arg(to));
        document.addText(m_model->run()->isLogistic() ? LogisticUpdateText::rule() : tr("θ ← θ − lr · gradient"));
        const double learningRate = m_model->run()->settings.learningRate;
        document.addText(tr("lr = %1, %2").arg(reading(learningRate), gradientSource(row)));
        addLogisticTerms(document, row);
        addStepTable(document, row);
    }
    addLossFormula(document);
    addLossChange(document, row);
}

void UpdatePanel::addStepTable(UpdateDocument& document, int row) const
{
    const double learningRate = m_model->run()->settings.learningRate;
    const Eigen::VectorXd before = m_model->theta(row);
    const Eigen::VectorXd after = m_model->theta(row + 1);
    // Batch descent steps with the gradient at θ_k; a stochastic step with its sample's or batch's.
    const Eigen::VectorXd gradient = m_model->stepGradient(row + 1);
    if (m_layout == StepLayout::ThreeLines) {
        document.addTable(threeLineSteps(learningRate, before, gradient, after));
        return;
    }
    UpdateDocument::Table table;
    table.header = { QString(), QStringLiteral("θ<sub>k</sub>"), QString(), QStringLiteral("lr"), QString(),
        QStringLiteral("(gradient)") };
    if (m_layout == StepLayout::OneLine)
        table.header << QString() << QStringLiteral("θ<sub>k+1</sub>");
    table.plainHeader = QStringLiteral("θ_k − lr × (gradient) = θ_k+1");
    table.rightAligned = { 1, 3, 5, 7 };
    for (Eigen::Index j = 0; j < before.size(); ++j) {
        const UpdateStepText step = formatUpdateStep(before[j], learningRate, gradient[j], after[j]);
        QStringList cells { symbol(j).toHtmlEscaped() + QStringLiteral(":&nbsp;&nbsp;"),
            QString::fromStdString(step.before), QStringLiteral("&nbsp;\u2212&nbsp;"),
            QString::fromStdString(step.rate), QStringLiteral("&nbsp;×&nbsp;"), gradientText(step) };
        const QString result = bold(QString::fromStdString(step.after));
        if (m_layout == StepLayout::ResultBelow) {
            // Too narrow for one line: the new value goes under the gradient, where it is still read last.
            table.rows.push_back(cells);
            table.rows.push_back(
                { QString(), QString(), QString(), QString(), QString(), QStringLiteral("=&nbsp;") + result });
        } else {
            table.rows.push_back(cells << QStringLiteral("&nbsp;=&nbsp;") << result);
        }
        table.plainRows << QString::fromStdString(updateStepLine(symbol(j).toStdString(), step));
    }
    document.addTable(table);
}

UpdateDocument::Table UpdatePanel::threeLineSteps(double learningRate, const Eigen::VectorXd& before,
    const Eigen::VectorXd& gradient, const Eigen::VectorXd& after) const
{
    UpdateDocument::Table table;
    table.header = { QString(), QStringLiteral("θ<sub>k</sub> − lr × (gradient) = θ<sub>k+1</sub>") };
    table.plainHeader = QStringLiteral("θ_k − lr × (gradient) = θ_k+1");
    for (Eigen::Index j = 0; j < before.size(); ++j) {
        const UpdateStepText step = formatUpdateStep(before[j], learningRate, gradient[j], after[j]);
        table.rows.push_back(
            { symbol(j).toHtmlEscaped() + QStringLiteral(":&nbsp;&nbsp;"), QString::fromStdString(step.before) });
        table.rows.push_back({ QString(),
            QStringLiteral("\u2212&nbsp;%1&nbsp;×&nbsp;%2")
                .arg(QString::fromStdString(step.rate), gradientText(step)) });
        table.rows.push_back({ QString(), QStringLiteral("=&nbsp;") + bold(QString::fromStdString(step.after)) });
        table.plainRows << QString::fromStdString(updateStepLine(symbol(j).toStdString(), step));
    }
    return table;
}

QString UpdatePanel::gradientText(const UpdateStepText& step)
{
    // The gradient in the colour of the −∇ arrow on the error surface, so the two are seen as one thing.
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(ViewPalette::gradient().name(QColor::HexRgb), QString::fromStdString(step.gradient));
}

void UpdatePanel::addOptimizerStep(UpdateDocument& document, int row) const
{
    const Run& run = *m_model->run();
    const OptimizerSettings& optimizer = run.settings.optimizer;
    const double learningRate = run.settings.learningRate;
    document.addHeading(tr("Update k = %1 → %2 (%3)")
                            .arg(m_model->iteration(row))
                            .arg(m_model->iteration(row + 1))
                            .arg(CoreText::optimizer(optimizer.kind)));
    document.addText(OptimizerUpdateText::rule(optimizer.kind));
    // The state (v, m, s) is replayed from the start: exact, and O(row·k²) only for the row shown.
    const OptimizerReplay replay = replayOptimizer(run, std::size_t(row));
    document.addText(
        tr("%1; g: %2").arg(OptimizerUpdateText::parameters(optimizer, learningRate, replay), gradientSource(row)));
    addLogisticTerms(document, row);
    document.addTable(OptimizerUpdateText::table(optimizer, learningRate, replay, m_model->theta(row),
        m_model->theta(row + 1), m_model->parameterSymbols(), m_layout != StepLayout::OneLine));
}

void UpdatePanel::addLogisticTerms(UpdateDocument& document, int row) const
{
    const Run& run = *m_model->run();
    if (!run.isLogistic() || !run.problem->keepsRows())
        return;
    // The rows the step's gradient was taken over, as the solver took them (empty: a shuffled order too costly).
    std::vector<long long> rows = sampleRows(run.settings, run.problem->sampleCount(), m_model->iteration(row));
    if (rows.empty())
        return;
    const Eigen::VectorXd theta = m_model->theta(row);
    document.addTable(LogisticUpdateText::rowsTable(*run.problem, theta, rows));
    const QString more = LogisticUpdateText::moreRows(rows.size());
    if (!more.isEmpty())
        document.addText(more);
    document.addTable(LogisticUpdateText::gradientTable(*run.problem, theta, rows, m_model->stepGradient(row + 1),
        m_model->parameterSymbols(), m_layout != StepLayout::OneLine));
}

void UpdatePanel::addLossFormula(UpdateDocument& document) const
{
    const SolverSettings& settings = m_model->run()->settings;
    const bool logistic = m_model->run()->isLogistic();
    const long long rows = m_model->run()->problem->sampleCount();
    const QString loss = logistic
        ? tr("Loss log loss: L = (1/n)·Σ [−y·log p − (1 − y)·log(1 − p)]")
        : tr("Loss %1: %2").arg(CoreText::loss(settings.loss), CoreText::lossFormula(settings.loss));
    QString over;
    switch (settings.method) {
    case DescentMethod::Batch:
        over = tr("n = %1 rows").arg(rows);
        break;
    case DescentMethod::Sgd:
        over = tr("for the step applied to the one sample (n = 1); L below is over all %1 rows").arg(rows);
        break;
    case DescentMethod::MiniBatch:
        over = tr("for the step applied to the mini-batch; L below is over all %1 rows").arg(rows);
        break;
    }
    const QString gradient = tr("%1, %2").arg(
        logistic ? QStringLiteral("∇L = (1/n)·Xᵀ(p − y)") : CoreText::lossGradientFormula(settings.loss), over);
    // On screen the loss and its gradient go on lines of their own: one long line wraps mid-formula.
    document.addParagraph(
        loss.toHtmlEscaped() + QStringLiteral("<br>") + gradient.toHtmlEscaped(), tr("%1, %2").arg(loss, gradient));
}

void UpdatePanel::addLossChange(UpdateDocument& document, int row) const
{
    const double before = m_model->loss(row);
    const double after = m_model->loss(row + 1);
    const QString percent = QString::fromStdString(formatPercentChange(before, after));
    const QString change = percent.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(percent);
    // "(−1.4 %)" kept whole when the line wraps.
    QString richChange = change;
    richChange.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    document.addParagraph(
        tr("L(θ<sub>k</sub>) = %1 → L(θ<sub>k+1</sub>) = %2%3").arg(reading(before), bold(reading(after)), richChange),
        tr("L(θ_k) = %1 → L(θ_k+1) = %2%3").arg(reading(before), reading(after), change));
    addAccuracy(document, row, row + 1);
}

void UpdatePanel::addAccuracy(UpdateDocument& document, int row, int next) const
{
    const Run& run = *m_model->run();
    if (!run.isLogistic() || !run.history || next > m_model->lastRow())
        return;
    // The share of rows on the right side of p = 0.5: what a class counts, beside a loss it cannot read.
    const auto percent = [&run](int at) {
        return QString::fromStdString(
            formatForReading(100 * run.history->accuracy(std::size_t(at)), SignificantDigits::label));
    };
    document.addText(row == next ? tr("accuracy = %1 % (rows with p ≥ 0.5 exactly where y = 1)").arg(percent(row))
                                 : tr("accuracy %1 % → %2 %").arg(percent(row), percent(next)));
}

void UpdatePanel::addOriginalUnits(UpdateDocument& document, int row) const
{
    // The descent runs on z-scored features; the line a student would draw on the data needs θ back in the
    // data's own units.
    document.addText(tr("Features standardized: θ above is in scaled units. In the original units:"));
    const Problem& problem = *m_model->run()->problem;
    const bool hasNext = row < m_model->lastRow();
    const Eigen::VectorXd before = problem.toOriginalUnits(m_model->theta(row));
    const Eigen::VectorXd after = hasNext ? problem.toOriginalUnits(m_model->theta(row + 1)) : before;
    const std::vector<std::string>& names = problem.parameterNames();
    UpdateDocument::Table table;
    table.rightAligned = { 1, 3 };
    for (Eigen::Index j = 0; j < before.size(); ++j) {
        const QString name = std::size_t(j) < names.size() ? QString::fromStdString(names[std::size_t(j)]) : QString();
        const QString label = QStringLiteral("%1 (%2):").arg(symbol(j), name);
        QStringList cells { label.toHtmlEscaped() + QStringLiteral("&nbsp;&nbsp;"), reading(before[j]) };
        QString plain = QStringLiteral("%1  %2").arg(label, reading(before[j]));
        if (hasNext) {
            cells << QStringLiteral("&nbsp;→&nbsp;") << bold(reading(after[j]));
            plain += QStringLiteral(" → %1").arg(reading(after[j]));
        }
        table.rows.push_back(cells);
        table.plainRows << plain;
    }
    document.addTable(table);
}

QString UpdatePanel::gradientSource(int row) const
{
    const Run& run = *m_model->run();
    const UpdateSample sample = updateSample(run.settings, run.problem->sampleCount(), m_model->iteration(row));
    switch (sample.method) {
    case DescentMethod::Batch:
        return tr("gradient of all %1 rows").arg(sample.total);
    case DescentMethod::Sgd:
        if (sample.shuffled)
            return tr("gradient of one sample (shuffled order)");
        return tr("gradient of sample %1 of %2").arg(sample.first + 1).arg(sample.total);
    case DescentMethod::MiniBatch:
        if (sample.shuffled)
            return tr("gradient of this mini-batch of %1 rows (shuffled order)").arg(sample.count);
        return tr("gradient of this mini-batch: rows %1–%2 of %3")
            .arg(sample.first + 1)
            .arg(sample.first + sample.count)
            .arg(sample.total);
    }
    return {};
}

QString UpdatePanel::symbol(Eigen::Index parameter) const
{
    const QStringList& symbols = m_model->parameterSymbols();
    return parameter < symbols.size() ? symbols[int(parameter)] : QStringLiteral("θ%1").arg(parameter);
}

} // namespace gdlab
