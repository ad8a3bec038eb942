#pragma once

#include "problem.h"

#include <QDialog>
#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;

namespace gdlab {

class Dataset;

/**
 * @brief Asks which numeric column is the target and which are the features, before data is fitted.
 *
 * Defaults are the CLI's: the last column is the target, every other column a feature in file order, with an
 * intercept. OK stays disabled, with the reason shown above the buttons, while the choice cannot be fitted: no
 * feature and no intercept, the target also checked as a feature, or fewer data rows than parameters. The
 * dialog keeps only the names and counts of the data, never a copy of a large matrix.
 *
 * DataOpener shows it only when the file has more than two numeric columns (isNeeded()): with one or two the
 * default is the only sensible choice, and a dialog on every open would be a click without a decision. The
 * control panel can change the columns afterwards in every case.
 */
class ColumnChooserDialog : public QDialog {
    Q_OBJECT

public:
    /**
     * @param initial the starting choice; target -1 and empty features mean the defaults. Its standardize flag
     * is not shown here and is passed through to problemSpec() unchanged.
     */
    explicit ColumnChooserDialog(const Dataset& dataset, const ProblemSpec& initial = {}, const QString& fileName = {},
        QWidget* parent = nullptr);

    /** @brief Whether a dataset has enough columns for the choice to matter (more than two). */
    static bool isNeeded(const Dataset& dataset);

    /** @brief The chosen target, features (in file order), intercept, and the initial standardize flag. */
    ProblemSpec problemSpec() const;
    /** @brief Why OK is disabled, or an empty string when the choice can be fitted. */
    QString problemText() const;
    bool isAcceptable() const { return problemText().isEmpty(); }

    void setTargetColumn(int column);
    void setFeatureChecked(int column, bool checked);
    void setIntercept(bool on);

    QComboBox* targetCombo() const { return m_target; }
    QListWidget* featureList() const { return m_features; }
    QCheckBox* interceptCheck() const { return m_intercept; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* reasonLabel() const { return m_reason; }
    QDialogButtonBox* buttonBox() const { return m_buttons; }

private:
    QString summaryText(const Dataset& dataset) const;
    void createWidgets(const QString& summary);
    void layOut();
    void applyChoice(const ProblemSpec& initial);
    QString itemText(int column, bool isTarget) const;
    void onTargetChanged(int column);
    void updateState();

    QStringList m_columnNames;
    long long m_rowCount = 0;
    bool m_standardize = false;
    int m_previousTarget = -1;

    QComboBox* m_target = nullptr;
    QListWidget* m_features = nullptr;
    QCheckBox* m_intercept = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_reason = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace gdlab
