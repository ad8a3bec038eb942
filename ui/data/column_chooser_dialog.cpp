#include "data/column_chooser_dialog.h"

#include "dataset.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace gdlab {

namespace {

/** Text columns named in the summary; more would push the buttons off a projector's screen, so they are counted. */
constexpr int kMaxListedSkipped = 8;

} // namespace

ColumnChooserDialog::ColumnChooserDialog(
    const Dataset& dataset, const ProblemSpec& initial, const QString& fileName, QWidget* parent)
    : QDialog(parent)
    , m_rowCount(static_cast<long long>(dataset.rowCount()))
    , m_standardize(initial.standardize)
{
    setObjectName(QStringLiteral("columnChooserDialog"));
    setWindowTitle(fileName.isEmpty() ? tr("Choose columns") : tr("Choose columns — %1").arg(fileName));
    for (const std::string& name : dataset.columnNames())
        m_columnNames << QString::fromStdString(name);

    createWidgets(summaryText(dataset));
    layOut();
    applyChoice(initial);

    connect(m_target, qOverload<int>(&QComboBox::currentIndexChanged), this, &ColumnChooserDialog::onTargetChanged);
    connect(m_features, &QListWidget::itemChanged, this, &ColumnChooserDialog::updateState);
    connect(m_intercept, &QCheckBox::toggled, this, &ColumnChooserDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

// What the file holds, so that a teacher sees at once whether it was read as expected.
QString ColumnChooserDialog::summaryText(const Dataset& dataset) const
{
    const QLocale locale;
    QString summary = tr("%1 data rows, %2 numeric columns.", nullptr, static_cast<int>(m_rowCount))
                          .arg(locale.toString(m_rowCount))
                          .arg(m_columnNames.size());
    if (dataset.skippedColumns().empty())
        return summary;
    QStringList skipped;
    for (const std::string& name : dataset.skippedColumns()) {
        if (skipped.size() == kMaxListedSkipped) {
            skipped << tr("… (%1 more)").arg(dataset.skippedColumns().size() - kMaxListedSkipped);
            break;
        }
        skipped << QString::fromStdString(name);
    }
    return summary + QLatin1Char('\n')
        + tr("Text columns skipped (only numbers can be fitted): %1.").arg(skipped.join(QStringLiteral(", ")));
}

void ColumnChooserDialog::createWidgets(const QString& summary)
{
    m_summary = new QLabel(summary);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_target = new QComboBox;
    m_target->addItems(m_columnNames);
    m_target->setToolTip(tr("The column the regression predicts (y)"));

    m_features = new QListWidget;
    m_features->setToolTip(tr("The columns the prediction is made from (x), in file order"));
    for (const QString& name : std::as_const(m_columnNames)) {
        auto* item = new QListWidgetItem(name, m_features);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    // Room for a handful of columns without scrolling, and no more: the dialog must fit a 720-line screen.
    m_features->setMaximumHeight(m_features->sizeHintForRow(0) * 10 + 2 * m_features->frameWidth());

    m_intercept = new QCheckBox(tr("Fit an intercept (θ0)"));
    m_intercept->setToolTip(tr("Without an intercept the fitted line passes through the origin"));

    m_reason = new QLabel;
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    QFont reasonFont = m_reason->font();
    reasonFont.setBold(true);
    m_reason->setFont(reasonFont);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Fit"));
}

void ColumnChooserDialog::layOut()
{
    auto* form = new QFormLayout;
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("&Features:"), m_features);
    form->addRow(QString(), m_intercept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);
}

// The initial choice, resolved to the defaults where it leaves them open (as Problem resolves them).
void ColumnChooserDialog::applyChoice(const ProblemSpec& initial)
{
    const int columns = static_cast<int>(m_columnNames.size());
    const int target = initial.target >= 0 && initial.target < columns ? static_cast<int>(initial.target) : columns - 1;
    m_previousTarget = target;
    if (target >= 0)
        m_target->setCurrentIndex(target);
    const bool defaultFeatures = initial.features.empty();
    for (int column = 0; column < columns; ++column) {
        bool checked = defaultFeatures && column != target;
        for (Eigen::Index feature : initial.features)
            checked = checked || feature == column;
        m_features->item(column)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        m_features->item(column)->setText(itemText(column, column == target));
    }
    m_intercept->setChecked(initial.intercept);
}

QString ColumnChooserDialog::itemText(int column, bool isTarget) const
{
    const QString& name = m_columnNames[column];
    return isTarget ? tr("%1 (target)").arg(name) : name;
}

bool ColumnChooserDialog::isNeeded(const Dataset& dataset)
{
    return dataset.columnCount() > 2;
}

ProblemSpec ColumnChooserDialog::problemSpec() const
{
    ProblemSpec spec;
    spec.target = m_target->currentIndex();
    for (int column = 0; column < m_features->count(); ++column) {
        if (m_features->item(column)->checkState() == Qt::Checked)
            spec.features.push_back(column);
    }
    spec.intercept = m_intercept->isChecked();
    spec.standardize = m_standardize;
    return spec;
}

QString ColumnChooserDialog::problemText() const
{
    const ProblemSpec spec = problemSpec();
    if (spec.target < 0)
        return tr("The file has no numeric column to fit.");
    for (Eigen::Index feature : spec.features) {
        if (feature == spec.target)
            return tr("'%1' is the target; it cannot also be a feature.").arg(m_columnNames[int(spec.target)]);
    }
    // An empty feature list means "every other column" to ProblemSpec, so a model of the intercept alone
    // cannot be asked for; it would only fit the mean anyway.
    if (spec.features.empty()) {
        return spec.intercept ? tr("Check at least one feature.")
                              : tr("No feature and no intercept: there is nothing to fit. Check at least one feature.");
    }
    const long long parameters = static_cast<long long>(spec.features.size()) + (spec.intercept ? 1 : 0);
    if (m_rowCount < parameters) {
        return tr("%1 data rows cannot determine %2 parameters: uncheck features until there are no more "
                  "parameters than rows.")
            .arg(m_rowCount)
            .arg(parameters);
    }
    return {};
}

void ColumnChooserDialog::setTargetColumn(int column)
{
    m_target->setCurrentIndex(column);
}

void ColumnChooserDialog::setFeatureChecked(int column, bool checked)
{
    if (QListWidgetItem* item = m_features->item(column))
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void ColumnChooserDialog::setIntercept(bool on)
{
    m_intercept->setChecked(on);
}

// The new target leaves the features and the old one joins them, so that the default "every other column"
// still holds after the user picks another target.
void ColumnChooserDialog::onTargetChanged(int column)
{
    {
        const QSignalBlocker blocker(m_features);
        if (QListWidgetItem* previous = m_features->item(m_previousTarget)) {
            previous->setText(itemText(m_previousTarget, false));
            previous->setCheckState(Qt::Checked);
        }
        if (QListWidgetItem* current = m_features->item(column)) {
            current->setText(itemText(column, true));
            current->setCheckState(Qt::Unchecked);
        }
    }
    m_previousTarget = column;
    updateState();
}

void ColumnChooserDialog::updateState()
{
    const QString problem = problemText();
    m_reason->setText(problem);
    m_reason->setVisible(!problem.isEmpty());
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(problem.isEmpty());
    ok->setToolTip(problem);
}

} // namespace gdlab
