#pragma once

#include "dataset.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

class QMenu;
class QMessageBox;
class QMimeData;
class QProgressDialog;
class QWidget;

namespace gdlab {

class ColumnChooserDialog;
class CsvLoadTask;
class SessionController;
struct ProblemSpec;

/**
 * @brief Brings the user's own CSV into a session: open by dialog, by path, by drop or from the recent files,
 * and export the session's data back to CSV.
 *
 * A file is read on a worker (CsvLoadTask); a progress dialog with Cancel appears when the read takes longer
 * than 300 ms, and it is not modal, so playback and the views go on while a large file loads. When the file
 * has more than two numeric columns the ColumnChooserDialog asks for the target and features; then the data
 * goes to SessionController::setDataset(). Columns and intercept start from the CLI's defaults for new data;
 * the standardize toggle is kept from the session, like the solver settings.
 *
 * Whatever goes wrong (unreadable or malformed file, data that cannot be fitted) ends in one warning that names
 * the file, the line and column where the reader found the problem, and says that the data on screen is
 * unchanged, which it is: the controller is only touched with data that fits. Every dialog is shown with
 * open() and deletes itself, so nothing here blocks in a nested event loop except the file dialogs.
 *
 * Recent files live in QSettings (the application's organization and name), at most eight, newest first;
 * files that no longer exist are dropped whenever the list is read.
 */
class DataOpener : public QObject {
    Q_OBJECT

public:
    static constexpr int maxRecentFiles = 8;

    DataOpener(SessionController* controller, QWidget* dialogParent, QObject* parent = nullptr);
    ~DataOpener() override;

    /** @brief Asks for a CSV file (blocking file dialog) and opens it. */
    void openWithDialog();
    /** @brief Starts loading path; a load already running is cancelled first. */
    void openFile(const QString& path);
    /** @brief Stops the load in progress, if any; the session keeps its data. */
    void cancelLoading();
    /** @brief From openFile() until loadingFinished() (reading and choosing columns). */
    bool isLoading() const;
    /**
     * @brief True only while the loaded data is handed to SessionController::setDataset(). The controller's
     * errorOccurred emitted meanwhile is reported by this opener with the file name; a window that shows the
     * controller's errors itself should skip those to avoid a second message box.
     */
    bool isApplyingDataset() const { return m_applying; }

    /** @brief The recent files, newest first, with files that vanished removed (also from the settings). */
    QStringList recentFiles();
    /** @brief A menu of the recent files ("Open Recent"), owned by this opener, kept up to date. */
    QMenu* recentFilesMenu();
    void clearRecentFiles();

    /** @brief Whether a drag carries exactly one local file that can be opened (for dragEnterEvent). */
    bool canAccept(const QMimeData* mimeData) const;
    /** @brief Opens the file a drop carries (for dropEvent); false when canAccept() would refuse it. */
    bool drop(const QMimeData* mimeData);

    /** @brief Asks for a file name (blocking file dialog) and exports; a failure is shown in a message box. */
    void exportDataWithDialog();
    /** @brief Writes the controller's dataset as CSV, atomically; false with *errorMessage set on failure. */
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
    void loadingStarted();
    /** @brief ok is true when the controller now holds the file's data. */
    void loadingFinished(bool ok);
    void recentFilesChanged();

private:
    void onLoaded(const Dataset& dataset);
    void onLoadFailed(const QString& message, int line, int column, const QString& detail);
    void onLoadCancelled();
    void onColumnsChosen();
    void apply(const Dataset& dataset, const ProblemSpec& spec);
    void finishLoading(bool ok);
    void discardTask();
    void closeChooser();

    void showFailure(const QString& path, int line, int column, const QString& detail);
    void showMessage(const QString& text, const QString& informativeText, const QString& detailedText);

    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    void writeRecentFiles(const QStringList& files);
    void rebuildRecentMenu();
    QString startDirectory() const;
    void rememberDirectory(const QString& path);

    SessionController* m_controller;
    QPointer<QWidget> m_dialogParent;
    bool m_askForColumns = true;
    bool m_applying = false;

    QString m_loadingPath;
    CsvLoadTask* m_task = nullptr;
    QPointer<QProgressDialog> m_progress;
    QPointer<ColumnChooserDialog> m_chooser;
    /** The data read, held while the column chooser is open. */
    Dataset m_pendingDataset;

    QPointer<QMessageBox> m_messageBox;
    QString m_lastErrorText;
    std::unique_ptr<QMenu> m_recentMenu;
};

} // namespace gdlab
