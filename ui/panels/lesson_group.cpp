#include "panels/lesson_group.h"

#include "dataset.h"
#include "lesson.h"
#include "panels/form_widgets.h"
#include "panels/shown_value.h"
#include "run.h"
#include "session/core_text.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace gdlab {

LessonGroup::LessonGroup(QWidget* parent)
    : QGroupBox(tr("Lesson"), parent)
    , m_combo(makeCombo(this))
    , m_description(new QLabel(this))
{
    m_combo->setAccessibleName(tr("Lesson"));
    for (const Lesson& lesson : lessonCatalog()) {
        m_combo->addItem(QString::fromStdString(lesson.title), QString::fromStdString(lesson.name));
        m_combo->setItemData(m_combo->count() - 1, QString::fromStdString(lesson.description), Qt::ToolTipRole);
    }
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_combo);
    layout->addWidget(m_description);
    connect(m_combo, qOverload<int>(&QComboBox::currentIndexChanged), this, &LessonGroup::onLessonChosen);
    widenPopup(m_combo);
}

void LessonGroup::showRun(const Run* run)
{
    if (!run || run->lessonName.empty())
        showCustomData(run);
    else
        showLesson(QString::fromStdString(run->lessonName));
}

void LessonGroup::showCustomData(const Run* run)
{
    // The "custom data" entry exists only while the user's own data is loaded; its data is an empty name.
    const QString title = run ? QString::fromStdString(run->title) : QString();
    const QString text = title.isEmpty() ? tr("Custom data") : tr("Custom data: %1").arg(title);
    if (m_combo->findData(QString()) < 0) {
        const QSignalBlocker blocker(m_combo);
        m_combo->insertItem(0, text, QString());
        widenPopup(m_combo);
    } else if (m_combo->itemText(m_combo->findData(QString())) != text) {
        m_combo->setItemText(m_combo->findData(QString()), text);
        widenPopup(m_combo);
    }
    showData(m_combo, QString());
    const Dataset* dataset = run ? run->dataset.get() : nullptr;
    m_description->setText(!dataset || dataset->isEmpty()
            ? tr("Nothing loaded: choose a lesson or open a CSV file (Ctrl+O).")
            : dataset->isSample()
            ? tr("Your data: %1 rows, %2 numeric columns. The fit view shows a sample (%3); every number comes from "
                 "all the rows.")
                  .arg(QLocale(QLocale::English).toString(static_cast<qlonglong>(dataset->fullRowCount())))
                  .arg(dataset->columnCount())
                  .arg(CoreText::sampleNote(*dataset))
            : tr("Your data: %1 rows, %2 numeric columns.").arg(dataset->rowCount()).arg(dataset->columnCount()));
}

void LessonGroup::showLesson(const QString& name)
{
    const int customIndex = m_combo->findData(QString());
    if (customIndex >= 0) {
        const QSignalBlocker blocker(m_combo);
        m_combo->removeItem(customIndex);
    }
    showData(m_combo, name);
    const Lesson* lesson = findLesson(name.toStdString());
    const QString description = lesson ? QString::fromStdString(lesson->description) : QString();
    if (m_description->text() != description)
        m_description->setText(description);
}

void LessonGroup::onLessonChosen(int index)
{
    // The custom entry is what is loaded already: choosing it asks for nothing.
    const QString name = m_combo->itemData(index).toString();
    if (!name.isEmpty())
        emit lessonChosen(name);
}

} // namespace gdlab
