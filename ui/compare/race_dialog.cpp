#include "compare/race_dialog.h"

#include "number_format.h"
#include "session/iteration_model.h"
#include "session/race.h"
#include "views/series_marker.h"
#include "views/view_palette.h"

#include "optimizer_settings.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShowEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace gdlab {

namespace {

QString reading(double value)
{
    return QString::fromStdString(formatForReading(value, SignificantDigits::status));
}

/** Room left free below the dialog for the window's playback bar and status line. */
constexpr int bottomRoom = 64;

} // namespace

RaceDialog::RaceDialog(const IterationModel* model, const Race* race, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
    , m_race(race)
    , m_entries(new QLineEdit(this))
    , m_run(new QPushButton(tr("Race"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_error(new QLabel(this))
    , m_legend(new QLabel(this))
{
    setWindowTitle(tr("Race"));
    setModal(false);
    m_entries->setText(QStringLiteral("gd,momentum,adam"));
    m_entries->setToolTip(tr("Up to four optimizers separated by commas, each with its settings if wanted: "
                             "gd,momentum:lr=0.05:momentum=0.8,adam:beta1=0.8 (keys lr, momentum, beta1, beta2, "
                             "rho, eps). The first is the live run; all start from the live start."));
    // A race of four by name in full, not scrolled to its end.
    m_entries->setMinimumWidth(
        m_entries->fontMetrics().horizontalAdvance(QStringLiteral("gd,momentum,nesterov,adam")) + 16);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyWarningColour();
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* row = new QHBoxLayout;
    row->addWidget(m_entries, 1);
    row->addWidget(m_run);
    row->addWidget(m_stop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(m_legend, 1);

    connect(m_run, &QPushButton::clicked, this, [this] { emit entriesChosen(m_entries->text().trimmed()); });
    connect(m_entries, &QLineEdit::returnPressed, this, [this] { emit entriesChosen(m_entries->text().trimmed()); });
    connect(m_stop, &QPushButton::clicked, this, &RaceDialog::stopRequested);
    connect(m_race, &Race::changed, this, &RaceDialog::followRace);
    connect(m_model, &IterationModel::currentRowChanged, this, &RaceDialog::updateLegend);
    connect(m_model, &IterationModel::runFinished, this, &RaceDialog::updateLegend);
    followRace();
}

QString RaceDialog::markerSymbol(int seriesIndex)
{
    return SeriesMarker::symbol(seriesIndex);
}

QString RaceDialog::entriesText(const std::vector<RaceEntry>& entries)
{
    const auto number = [](double value) { return QString::number(value, 'g', QLocale::FloatingPointShortest); };
    QStringList parts;
    for (const RaceEntry& entry : entries) {
        QString text = QString::fromLatin1(optimizerName(entry.optimizer.kind));
        if (entry.learningRate)
            text += QStringLiteral(":lr=") + number(*entry.learningRate);
        OptimizerSettings defaults;
        defaults.kind = entry.optimizer.kind;
        for (int i = 0; i <= int(OptimizerParameter::Epsilon); ++i) {
            const auto parameter = OptimizerParameter(i);
            const double value = entry.optimizer.value(parameter);
            if (usesParameter(entry.optimizer.kind, parameter) && value != defaults.value(parameter))
                text += QStringLiteral(":%1=%2").arg(QString::fromLatin1(parameterName(parameter)), number(value));
        }
        parts << text;
    }
    return parts.join(QLatin1Char(','));
}

void RaceDialog::followRace()
{
    // A race started elsewhere (a lesson, gdlab --race) shows what it races, not the line's default.
    if (m_race->isActive() && !(m_race->entries() == m_shownEntries)) {
        m_shownEntries = m_race->entries();
        m_entries->setText(entriesText(m_shownEntries));
        m_entries->setCursorPosition(0); // its start, the first optimizer, in view
    }
    updateLegend();
}

void RaceDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    const QWidget* window = parentWidget() ? parentWidget()->window() : nullptr;
    if (m_placed || !window)
        return;
    m_placed = true;
    // Centred on the window it covered the contour and the bowl, the views a race is watched on.
    adjustSize();
    const QRect area = window->geometry();
    const QSize size = frameGeometry().size();
    const QPoint corner = area.topLeft() + QPoint(area.width(), area.height() - bottomRoom);
    move(std::max(area.left(), corner.x() - size.width()), std::max(area.top(), corner.y() - size.height()));
}

void RaceDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_legend) {
        applyWarningColour();
        updateLegend();
    }
}

void RaceDialog::applyWarningColour()
{
    QPalette warning = m_error->palette();
    warning.setColor(QPalette::WindowText, ViewPalette::warning());
    m_error->setPalette(warning);
}

void RaceDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void RaceDialog::updateLegend()
{
    m_stop->setEnabled(m_race->isActive());
    if (!m_race->isActive() || m_model->isEmpty()) {
        m_plainLegend = tr("No race: type the configurations and press Race.");
        m_legend->setText(m_plainLegend.toHtmlEscaped());
        return;
    }
    const long long iteration = m_model->iteration(m_model->currentRow());
    QStringList rich { QStringLiteral("<table cellspacing=\"6\"><tr><th></th><th align=\"left\">%1</th>"
                                      "<th align=\"right\">%2</th><th align=\"left\">%3</th></tr>")
                           .arg(tr("configuration"), tr("loss at k = %1").arg(iteration),
                               tr("|∇| ≤ %1").arg(reading(m_race->tolerance()))) };
    QStringList plain;
    for (int index = 0; index < m_race->count(); ++index) {
        const Run* run = m_race->run(index);
        const int series = m_race->seriesIndex(index);
        const QColor colour = series < 0 ? ViewPalette::current() : ViewPalette::series(series);
        QString loss = tr("cannot run");
        QString finish;
        if (run && run->history && !run->history->empty()) {
            const std::size_t last = run->history->size() - 1;
            const std::size_t row = std::min<std::size_t>(std::size_t(std::max(0LL, iteration)), last);
            loss = reading(run->history->loss(row));
            if (row < std::size_t(iteration))
                loss += tr(" (stopped at %1)").arg(last);
            const RaceFinish end = m_race->finish(index);
            finish = end.reached ? tr("at iteration %1").arg(*end.reached)
                : end.diverged   ? tr("diverged after %1").arg(*end.diverged)
                                 : tr("not reached");
        }
        rich << QStringLiteral(
            "<tr><td style=\"color:%1\">%2</td><td>%3</td><td align=\"right\">%4</td><td>%5</td></tr>")
                    .arg(colour.name(), markerSymbol(series), m_race->label(index).toHtmlEscaped(), loss, finish);
        plain << QStringLiteral("%1 %2: loss %3, %4").arg(markerSymbol(series), m_race->label(index), loss, finish);
    }
    rich << QStringLiteral("</table>");
    m_legend->setText(rich.join(QString()));
    m_plainLegend = plain.join(QLatin1Char('\n'));
}

} // namespace gdlab
