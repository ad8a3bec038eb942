#pragma once

#include "dataset.h"
#include "problem.h"
#include "sampled_csv_reader.h"
#include "solver_settings.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

class QMenu;
class QMessageBox;
class QMimeData;
class QProgressDialog;
class QWidget;

namespace gdlab {

class ColumnChooserDialog;
class CsvLoadTask;
class IterationModel;
class RecentFiles;
class SessionController;

/**
 * @brief Brings the user's own CSV into a session: open by dialog, by path, by drop or from the recent files,
 * and export the session's data back to CSV.
 *
 * A file is read on a worker (CsvLoadTask); a progress dialog with Cancel appears when the read takes longer
 * than 300 ms, and it is not modal, so playback and the views go on while a large file loads. When the file
 * has more than two numeric columns the ColumnChooserDialog asks for the target and features; then the data
 * goes to SessionController::openDataset(). Columns and intercept start from the CLI's defaults for new data;
 * the standardize toggle is kept from the run on screen, like the solver settings. The opener issues that one
 * command and reads everything else (what is loaded, what to export) from the IterationModel.
 *
 * Whatever goes wrong (unreadable or malformed file, data that cannot be fitted) ends in one warning that names
 * the file, the line and column where the reader found the problem, and says that the data on screen is
 * unchanged, which it is: a refused command changes nothing. That warning is the only one: the opener issued
 * the command, so it is the one that reports the refusal. Every dialog is shown with open() and deletes
 * itself, so nothing here blocks in a nested event loop except the file dialogs.
 *
 * A file that loads, or an export, goes to the top of recentFiles().
 *
 * A file longer than sampleLimits() comes in as a display sample with the fold of every row (SampledCsvReader): every
 * number is of all the rows, the fit view draws the sample. Settings that need the rows themselves (SGD, mini-batch,
 * the logistic model) make reloadRows() read the file again keeping them, with the same progress and Cancel.
 */
class DataOpener : public QObject {
    Q_OBJECT

public:
    /**
     * @param controller takes the openDataset() command
     * @param model the run on screen, for what the opener reads (both must outlive the opener)
     * @param dialogParent the window the dialogs and messages belong to
     */
    DataOpener(
        SessionController* controller, const IterationModel* model, QWidget* dialogParent, QObject* parent = nullptr);
    ~DataOpener() override;

    /** @brief Asks for a CSV file (blocking file dialog) and opens it. */
    void openWithDialog();
    /**
     * @brief Starts loading path; a load already running is cancelled first. A session (.gdlab) is not data: it is
     * handed on as sessionRequested() (from the recent list or a drop alike).
     */
    void openFile(const QString& path);
    /** @brief Stops the load in progress, if any; the session keeps its data. */
    void cancelLoading();
    /** @brief From openFile() until loadingFinished() (reading and choosing columns). */
    bool isLoading() const;
    /**
     * @brief True only while the loaded data is handed to SessionController::openDataset(). A refusal the
     * controller also announces meanwhile (errorOccurred) is this opener's to report, with the file's name; a
     * window that shows the controller's errors skips it, so that the user sees one message.
     */
    bool isApplyingDataset() const { return m_applying; }

    /** @brief The files opened and exported lately; its menu opens a file through this opener. */
    RecentFiles* recentFiles() const { return m_recentFiles; }
    /** @brief recentFiles()'s "Open Recent" menu. */
    QMenu* recentFilesMenu() const;

    /** @brief Whether a drag carries exactly one local file that can be opened (for dragEnterEvent). */
    bool canAccept(const QMimeData* mimeData) const;
    /** @brief Opens the file a drop carries (for dropEvent); false when canAccept() would refuse it. */
    bool drop(const QMimeData* mimeData);

    /**
     * @brief The sampled data on screen, read again keeping every row (memory goes up with the file), then opened with
     * the same columns and given settings, which need the rows. A cancel or failure leaves the sample on screen.
     */
    void reloadRows(const SolverSettings& settings);
    /** @brief Whether a load in progress is reloadRows()'s. */
    bool isReloadingRows() const { return m_rowsFor.has_value(); }

    /** @brief Above what size files are sampled, and how (SampledCsvReader::Limits); tests lower the size. */
    const SampledCsvReader::Limits& sampleLimits() const { return m_limits; }
    void setSampleLimits(const SampledCsvReader::Limits& limits) { m_limits = limits; }

    /** @brief Asks for a file name (blocking file dialog) and exports; a failure is shown in a message box. */
    void exportDataWithDialog();
    /** @brief Writes the data of the run on screen as CSV, atomically; false with *errorMessage set on failure. */
    bool exportData(const QString& path, QString* errorMessage);

    /** @brief Whether files with more than two numeric columns get the column chooser; on by default. */
    bool asksForColumns() const { return m_askForColumns; }
    void setAskForColumns(bool ask) { m_askForColumns = ask; }

    /** @brief The last failure as shown (message and explanation), for tests and the status bar. */
    const QString& lastErrorText() const { return m_lastErrorText; }
    /** @brief The message box currently shown, or null; tests read its text without blocking. */
    QMessageBox* activeMessageBox() const;
    /** @brief The column chooser waiting for the user, or null; tests set it and accept() it. */
    ColumnChooserDialog* activeColumnChooser() const;
    QProgressDialog* progressDialog() const;
    CsvLoadTask* activeTask() const { return m_task; }

signals:
    /** @brief A .gdlab file was chosen from the recent list or dropped: the window's sessions open it. */
    void sessionRequested(const QString& path);
    void loadingStarted();
    /** @brief ok is true when the controller now holds the file's data. */
    void loadingFinished(bool ok);

private:
    void onLoaded(const Dataset& dataset);
    void onLoadFailed(const QString& message, int line, int column, const QString& detail);
    void onLoadCancelled();
    void onColumnsChosen();
    void apply(const Dataset& dataset, const ProblemSpec& spec);
    void finishLoading(bool ok);
    void discardTask();
    void closeChooser();

    void startLoading(const QString& path, const SampledCsvReader::Limits& limits);
    void applyReloadedRows(const Dataset& dataset);
    void startProgress(const QString& path);
    QString rejectSingleColumn(const Dataset& dataset) const;
    bool standardizes() const;

    QString describeProblem(int line, int column, const QString& detail) const;
    void showFailure(const QString& path, int line, int column, const QString& detail);
    void showMessage(const QString& text, const QString& informativeText, const QString& detailedText);

    SessionController* m_controller;
    const IterationModel* m_model;
    RecentFiles* m_recentFiles;
    QPointer<QWidget> m_dialogParent;
    bool m_askForColumns = true;
    bool m_applying = false;

    SampledCsvReader::Limits m_limits;
    /** While reloadRows() reads: the settings to apply and the columns to keep. */
    std::optional<SolverSettings> m_rowsFor;
    ProblemSpec m_rowsSpec;
    QString m_rowsTitle;
    QString m_loadingPath;
    CsvLoadTask* m_task = nullptr;
    QPointer<QProgressDialog> m_progress;
    QPointer<ColumnChooserDialog> m_chooser;
    /** The data read, held while the column chooser is open. */
    Dataset m_pendingDataset;

    QPointer<QMessageBox> m_messageBox;
    QString m_lastErrorText;
};

} // namespace gdlab
