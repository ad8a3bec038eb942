#include "compare/race_dialog.h"

#include "number_format.h"
#include "session/iteration_model.h"
#include "session/race.h"
#include "views/series_marker.h"
#include "views/view_palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace gdlab {

namespace {

QString reading(double value)
{
    return QString::fromStdString(formatForReading(value, SignificantDigits::status));
}

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
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    QPalette warning = m_error->palette();
    warning.setColor(QPalette::WindowText, ViewPalette::warning());
    m_error->setPalette(warning);
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
    connect(m_race, &Race::changed, this, &RaceDialog::updateLegend);
    connect(m_model, &IterationModel::currentRowChanged, this, &RaceDialog::updateLegend);
    connect(m_model, &IterationModel::runFinished, this, &RaceDialog::updateLegend);
    updateLegend();
}

QString RaceDialog::markerSymbol(int seriesIndex)
{
    return SeriesMarker::symbol(seriesIndex);
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
