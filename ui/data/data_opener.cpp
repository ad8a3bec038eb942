#include "data/data_opener.h"

#include "csv_writer.h"
#include "data/column_chooser_dialog.h"
#include "data/csv_load_task.h"
#include "data/recent_files.h"
#include "problem.h"
#include "run.h"
#include "session/core_text.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "solver.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSaveFile>
#include <QUrl>
#include <QWidget>

#include <string_view>
#include <utility>

namespace gdlab {

namespace {

// Below this a load finishes before a dialog would be noticed; above it the user needs to see something happen.
constexpr int kProgressDelayMilliseconds = 300;

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString localFile(const QMimeData* mimeData)
{
    if (!mimeData || !mimeData->hasUrls())
        return {};
    const QList<QUrl> urls = mimeData->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return {};
    return urls.first().toLocalFile();
}

} // namespace

DataOpener::DataOpener(
    SessionController* controller, const IterationModel* model, QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
    , m_model(model)
    , m_recentFiles(new RecentFiles(this))
    , m_dialogParent(dialogParent)
{
    connect(m_recentFiles, &RecentFiles::fileChosen, this, &DataOpener::openFile);
}

DataOpener::~DataOpener()
{
    // The task joins its worker when deleted; the dialogs belong to the window and may outlive this opener.
    delete m_task;
    delete m_progress;
    delete m_chooser;
}

void DataOpener::openWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open CSV data"),
        m_recentFiles->startDirectory(), tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void DataOpener::openFile(const QString& path)
{
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().compare(QLatin1String("gdlab"), Qt::CaseInsensitive) == 0) {
        emit sessionRequested(path);
        return;
    }
    // One load at a time: the newer request is what the user wants now.
    if (isLoading()) {
        discardTask();
        closeChooser();
        finishLoading(false);
    }

    m_rowsFor.reset();
    startLoading(path, m_limits);
}

void DataOpener::reloadRows(const SolverSettings& settings)
{
    const Run* run = m_model->run();
    if (!run || !run->dataset || !run->dataset->isSample())
        return;
    if (isLoading()) {
        discardTask();
        closeChooser();
        finishLoading(false);
    }
    m_rowsFor = settings;
    m_rowsSpec = run->problem->spec();
    m_rowsTitle = QString::fromStdString(run->title);
    SampledCsvReader::Limits everyRow = m_limits;
    everyRow.sampleAboveBytes = 0;
    startLoading(QString::fromStdString(run->dataset->source()), everyRow);
    if (m_progress)
        m_progress->setLabelText(tr("Reading every row of %1 (%2 needs them; memory goes up with the file)…")
                                     .arg(QFileInfo(m_loadingPath).fileName(),
                                         settings.method != DescentMethod::Batch ? CoreText::method(settings.method)
                                                                                 : tr("the logistic model")));
}

void DataOpener::startLoading(const QString& path, const SampledCsvReader::Limits& limits)
{
    m_loadingPath = QFileInfo(path).absoluteFilePath();
    m_recentFiles->rememberDirectory(m_loadingPath);
    emit loadingStarted();

    m_task = new CsvLoadTask(m_loadingPath, limits, this);
    connect(m_task, &CsvLoadTask::finished, this, &DataOpener::onLoaded);
    connect(m_task, &CsvLoadTask::failed, this, &DataOpener::onLoadFailed);
    connect(m_task, &CsvLoadTask::cancelled, this, &DataOpener::onLoadCancelled);
    startProgress(path);
    m_task->start();
}

void DataOpener::startProgress(const QString& path)
{
    // Not modal: the window stays usable while a large file loads (and a modal QProgressDialog would spin a
    // nested event loop in every setValue()).
    m_progress
        = new QProgressDialog(tr("Reading %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 100, m_dialogParent);
    m_progress->setWindowTitle(tr("Opening data"));
    m_progress->setWindowModality(Qt::NonModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(kProgressDelayMilliseconds);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, &DataOpener::cancelLoading);
    connect(m_task, &CsvLoadTask::progress, m_progress, &QProgressDialog::setValue);
}

void DataOpener::cancelLoading()
{
    if (m_task) {
        // The worker notices at its next progress check; cancelled() then finishes the load.
        m_task->cancel();
        if (m_progress)
            m_progress->hide();
    } else if (m_chooser) {
        closeChooser();
        finishLoading(false);
    }
}

bool DataOpener::isLoading() const
{
    return !m_loadingPath.isEmpty();
}

QMessageBox* DataOpener::activeMessageBox() const
{
    return m_messageBox;
}

ColumnChooserDialog* DataOpener::activeColumnChooser() const
{
    return m_chooser;
}

QProgressDialog* DataOpener::progressDialog() const
{
    return m_progress;
}

QMenu* DataOpener::recentFilesMenu() const
{
    return m_recentFiles->menu();
}

bool DataOpener::standardizes() const
{
    const Run* run = m_model->run();
    return run && run->problem && run->problem->isStandardized();
}

void DataOpener::onLoaded(const Dataset& dataset)
{
    discardTask();
    if (m_rowsFor) {
        applyReloadedRows(dataset);
        return;
    }
    const QString refusal = rejectSingleColumn(dataset);
    if (!refusal.isEmpty()) {
        showFailure(m_loadingPath, 0, 0, refusal);
        finishLoading(false);
        return;
    }
    ProblemSpec spec;
    spec.standardize = standardizes();
    if (!m_askForColumns || !ColumnChooserDialog::isNeeded(dataset)) {
        apply(dataset, spec);
        return;
    }
    // The reader's dataset lives only as long as this call; keep a copy while the user chooses.
    m_pendingDataset = dataset;
    m_chooser = new ColumnChooserDialog(dataset, spec, QFileInfo(m_loadingPath).fileName(), m_dialogParent);
    m_chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_chooser, &QDialog::accepted, this, &DataOpener::onColumnsChosen);
    connect(m_chooser, &QDialog::rejected, this, [this] { finishLoading(false); });
    m_chooser->open();
}

// The reader accepts a single numeric column, and the core would fit the intercept alone; but there is no line
// to show, no x axis, no surface: for the GUI that file is bad input.
QString DataOpener::rejectSingleColumn(const Dataset& dataset) const
{
    if (dataset.columnCount() >= 2)
        return {};
    QString detail = tr("only one numeric column ('%1'): a regression needs a target and at least one "
                        "feature column")
                         .arg(QString::fromStdString(dataset.columnNames().front()));
    if (!dataset.skippedColumns().empty()) {
        QStringList skipped;
        for (const std::string& name : dataset.skippedColumns())
            skipped << QString::fromStdString(name);
        detail += tr(" (text columns skipped: %1)").arg(skipped.join(QStringLiteral(", ")));
    }
    return detail;
}

void DataOpener::onColumnsChosen()
{
    if (!m_chooser)
        return;
    const ProblemSpec spec = m_chooser->problemSpec();
    const Dataset dataset = std::move(m_pendingDataset);
    m_pendingDataset = Dataset();
    apply(dataset, spec);
}

void DataOpener::apply(const Dataset& dataset, const ProblemSpec& spec)
{
    const QString path = m_loadingPath;

    // The controller refuses data it cannot fit (one row, a constant column to standardize) with a message
    // prefixed with the dataset's source; the opener issued the command, so it reports the refusal, once, with
    // the file's name.
    m_applying = true;
    QString controllerError = m_controller->openDataset(dataset, spec, QFileInfo(path).fileName());
    m_applying = false;
    if (controllerError.isEmpty()) {
        m_recentFiles->add(path);
        finishLoading(true);
        return;
    }
    const QString sourcePrefix = QString::fromStdString(dataset.source()) + QStringLiteral(": ");
    if (controllerError.startsWith(sourcePrefix))
        controllerError.remove(0, sourcePrefix.size());
    if (controllerError.isEmpty())
        controllerError = tr("the data cannot be fitted");
    showFailure(path, 0, 0, controllerError);
    finishLoading(false);
}

void DataOpener::onLoadFailed(const QString& /*message*/, int line, int column, const QString& detail)
{
    const QString path = m_loadingPath;
    discardTask();
    // A recent file that was deleted or moved should not be offered again.
    if (!QFileInfo::exists(path))
        m_recentFiles->remove(path);
    showFailure(path, line, column, detail);
    finishLoading(false);
}

void DataOpener::onLoadCancelled()
{
    discardTask();
    finishLoading(false);
}

// The same data with every row, the same columns, then the settings that asked for them: two runs, the second the
// one the user wanted. Either refusal leaves what the controller holds by then (the sample, or all rows by batch).
void DataOpener::applyReloadedRows(const Dataset& dataset)
{
    const SolverSettings settings = *m_rowsFor;
    m_applying = true;
    QString error = m_controller->openDataset(dataset, m_rowsSpec, m_rowsTitle);
    if (error.isEmpty())
        error = m_controller->setSettings(settings);
    m_applying = false;
    if (!error.isEmpty())
        showFailure(m_loadingPath, 0, 0, error);
    finishLoading(error.isEmpty());
}

void DataOpener::finishLoading(bool ok)
{
    m_rowsFor.reset();
    m_loadingPath.clear();
    m_pendingDataset = Dataset();
    emit loadingFinished(ok);
}

void DataOpener::discardTask()
{
    if (m_task) {
        // Later, not now: this may run inside one of the task's own signals.
        m_task->disconnect(this);
        m_task->cancel();
        m_task->deleteLater();
        m_task = nullptr;
    }
    if (m_progress) {
        m_progress->disconnect(this);
        m_progress->hide();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
}

void DataOpener::closeChooser()
{
    if (m_chooser) {
        m_chooser->disconnect(this);
        m_chooser->close();
        m_chooser = nullptr;
    }
}

// "Line 4, column 2: 'abc' is not a number (column 'x')": the location first, in words, because a teacher
// reads it aloud and then looks for that cell in a spreadsheet.
QString DataOpener::describeProblem(int line, int column, const QString& detail) const
{
    if (line > 0 && column > 0)
        return tr("Line %1, column %2: %3").arg(line).arg(column).arg(detail);
    if (line > 0)
        return tr("Line %1: %2").arg(line).arg(detail);
    return capitalized(detail);
}

void DataOpener::showFailure(const QString& path, int line, int column, const QString& detail)
{
    const QString fileName = QFileInfo(path).fileName();
    QString explanation = describeProblem(line, column, detail);
    if (m_model->run())
        explanation += QStringLiteral("\n\n") + tr("The data on screen is unchanged.");
    // The details are the one line gdlab-run would print (full path, line, column), for copying into a report.
    QString location = QDir::toNativeSeparators(path);
    if (line > 0)
        location += QStringLiteral(":%1").arg(line);
    if (line > 0 && column > 0)
        location += QStringLiteral(":%1").arg(column);
    showMessage(tr("Could not open %1").arg(fileName.isEmpty() ? path : fileName), explanation,
        location + QStringLiteral(": ") + detail);
}

void DataOpener::showMessage(const QString& text, const QString& informativeText, const QString& detailedText)
{
    m_lastErrorText = text + QLatin1Char('\n') + informativeText;
    // One message at a time: a second bad file replaces the first one's message.
    if (m_messageBox)
        m_messageBox->close();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("gdlab"), text, QMessageBox::Ok, m_dialogParent);
    box->setInformativeText(informativeText);
    if (!detailedText.isEmpty())
        box->setDetailedText(detailedText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // QMessageBox sizes itself to its shortest line and wraps the explanation into a narrow column; a spacer
    // across its grid gives the sentence room to read as one line on a projector.
    if (auto* grid = qobject_cast<QGridLayout*>(box->layout())) {
        const int width = box->fontMetrics().averageCharWidth() * 60;
        grid->addItem(new QSpacerItem(width, 0, QSizePolicy::Minimum, QSizePolicy::Expanding), grid->rowCount(), 0, 1,
            grid->columnCount());
    }
    m_messageBox = box;
    box->open();
}

// ---- drag and drop ----

bool DataOpener::canAccept(const QMimeData* mimeData) const
{
    const QString path = localFile(mimeData);
    return !path.isEmpty() && QFileInfo(path).isFile();
}

bool DataOpener::drop(const QMimeData* mimeData)
{
    if (!canAccept(mimeData))
        return false;
    openFile(localFile(mimeData));
    return true;
}

// ---- export ----

void DataOpener::exportDataWithDialog()
{
    const Run* run = m_model->run();
    if (!run || !run->dataset || run->dataset->isEmpty()) {
        showMessage(tr("Nothing to export"), tr("There is no data loaded yet."), {});
        return;
    }
    const QString base = QFileInfo(QString::fromStdString(run->dataset->source())).completeBaseName();
    const QString suggested
        = QDir(m_recentFiles->startDirectory())
              .filePath((base.isEmpty() ? QStringLiteral("gdlab") : base) + QStringLiteral("-export.csv"));
    const QString path
        = QFileDialog::getSaveFileName(m_dialogParent, tr("Export data"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_recentFiles->rememberDirectory(path);
    QString error;
    if (!exportData(path, &error))
        showMessage(tr("Could not export the data"),
            error + QStringLiteral("\n\n") + tr("The data on screen is unchanged."), QDir::toNativeSeparators(path));
}

bool DataOpener::exportData(const QString& path, QString* errorMessage)
{
    const auto fail = [&](const QString& message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    // The run's own dataset: the data on screen, with the user's edited points, even while a run computes.
    const Run* run = m_model->run();
    if (!run || !run->dataset || run->dataset->isEmpty())
        return fail(tr("There is no data to export."));
    const Dataset& dataset = *run->dataset;
    if (dataset.isSample())
        return fail(tr("The window holds only a sample of %1 (%2): the file itself is the data.")
                        .arg(QDir::toNativeSeparators(QString::fromStdString(dataset.source())),
                            CoreText::sampleNote(dataset)));
    // QSaveFile writes a temporary file and renames it over the target only when everything was written, so
    // a full disk never leaves a half-written CSV where the old file was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    writeCsv(dataset, [&file](std::string_view chunk) { file.write(chunk.data(), static_cast<qint64>(chunk.size())); });
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    m_recentFiles->add(path);
    return true;
}

} // namespace gdlab
