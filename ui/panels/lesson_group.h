#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;

namespace gdlab {

struct Run;

/**
 * @brief The lesson chooser with the lesson's description. While the user's own data is loaded the chooser has
 * one more entry, "Custom data: file", and the description gives the data's size.
 */
class LessonGroup : public QGroupBox {
    Q_OBJECT

public:
    explicit LessonGroup(QWidget* parent = nullptr);

    /** @brief Shows the run's lesson (or its custom data); null = nothing loaded. */
    void showRun(const Run* run);

    QComboBox* lessonCombo() const { return m_combo; }
    QLabel* descriptionLabel() const { return m_description; }

signals:
    /** @brief The user chose another lesson. */
    void lessonChosen(const QString& name);

private:
    void showCustomData(const Run* run);
    void showLesson(const QString& name);
    void onLessonChosen(int index);

    QComboBox* m_combo = nullptr;
    QLabel* m_description = nullptr;
};

} // namespace gdlab
