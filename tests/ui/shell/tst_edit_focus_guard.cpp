// Typing a value and the playback keys in the real window: while a field is being edited it keeps its keys;
// Enter, Esc or a click elsewhere ends the edit and End, Space, the arrows and Home step the descent again.
#include "panels/control_panel.h"
#include "panels/learning_rate_control.h"
#include "panels/playback_bar.h"
#include "run.h"
#include "session/iteration_model.h"
#include "session/session_controller.h"
#include "shell/edit_focus_guard.h"
#include "shell/main_window.h"

#include <QApplication>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace tst_edit_focus_guard {

using namespace gdlab;

class TestEditFocusGuard : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void textFieldsAreTheWidgetsThatTakeText();
    void enterEndsTheEditAndKeysStepAgain();
    void escapePutsBackTheTextAndEndsTheEdit();
    void spinBoxEnterEndsTheEdit();
    void clickOnAButtonEndsTheEdit();

private:
    /** A key as the user presses it: to whichever widget has the focus, else to the window. */
    void press(int key);
    void typeInto(QWidget* field, const QString& text);
    EditFocusGuard* guard() const { return m_window->findChild<EditFocusGuard*>(); }
    int row() const { return m_controller->model()->currentRow(); }
    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void TestEditFocusGuard::init()
{
    m_controller = std::make_unique<SessionController>();
    QVERIFY(m_controller->loadLesson(QStringLiteral("five_points")).isEmpty());
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(1280, 720);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(guard());
}

void TestEditFocusGuard::cleanup()
{
    m_window.reset();
    m_controller.reset();
}

void TestEditFocusGuard::press(int key)
{
    QWidget* target = QApplication::focusWidget();
    QTest::keyClick(target ? target : m_window.get(), Qt::Key(key));
}

void TestEditFocusGuard::typeInto(QWidget* field, const QString& text)
{
    // Where the user clicks: on the text, which in a spin box is its line edit.
    auto* inner = field->findChild<QLineEdit*>();
    QWidget* target = inner ? static_cast<QWidget*>(inner) : field;
    QTest::mouseClick(target, Qt::LeftButton, {}, QPoint(target->width() / 2, target->height() / 2));
    QVERIFY(field->hasFocus());
    QCOMPARE(guard()->editedField(), field);
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

void TestEditFocusGuard::textFieldsAreTheWidgetsThatTakeText()
{
    QLineEdit edit;
    QSpinBox spin;
    QToolButton button;
    QVERIFY(EditFocusGuard::isTextField(&edit));
    QVERIFY(EditFocusGuard::isTextField(&spin));
    QVERIFY(!EditFocusGuard::isTextField(&button));
    QVERIFY(!EditFocusGuard::isTextField(nullptr));
}

void TestEditFocusGuard::enterEndsTheEditAndKeysStepAgain()
{
    QLineEdit* rate = m_window->controlPanel()->learningRateControl()->rateEdit();
    typeInto(rate, QStringLiteral("0.05"));
    // While typing, End and Home move the caret: the descent stays where it is.
    press(Qt::Key_Home);
    press(Qt::Key_End);
    press(Qt::Key_Left);
    QCOMPARE(row(), 0);
    QCOMPARE(rate->text(), QStringLiteral("0.05"));
    press(Qt::Key_Return);
    m_controller->waitForComputation();
    QCOMPARE(m_controller->model()->run()->settings.learningRate, 0.05);
    QVERIFY(!rate->hasFocus());
    QCOMPARE(guard()->editedField(), nullptr);

    const int last = m_controller->model()->lastRow();
    press(Qt::Key_End);
    QCOMPARE(row(), last);
    press(Qt::Key_Home);
    QCOMPARE(row(), 0);
    press(Qt::Key_Right);
    press(Qt::Key_Right);
    QCOMPARE(row(), 2);
    press(Qt::Key_Left);
    QCOMPARE(row(), 1);
    press(Qt::Key_Space);
    QVERIFY(m_window->playbackBar()->isPlaying());
    press(Qt::Key_Space);
    QVERIFY(!m_window->playbackBar()->isPlaying());
    QCOMPARE(rate->text(), QStringLiteral("0.05"));
}

void TestEditFocusGuard::escapePutsBackTheTextAndEndsTheEdit()
{
    QLineEdit* rate = m_window->controlPanel()->learningRateControl()->rateEdit();
    const QString shown = rate->text();
    const double before = m_controller->model()->run()->settings.learningRate;
    typeInto(rate, QStringLiteral("0.3"));
    press(Qt::Key_Escape);
    QCOMPARE(rate->text(), shown);
    QVERIFY(!rate->hasFocus());
    QCOMPARE(m_controller->model()->run()->settings.learningRate, before);
    press(Qt::Key_End);
    QCOMPARE(row(), m_controller->model()->lastRow());
}

void TestEditFocusGuard::spinBoxEnterEndsTheEdit()
{
    QSpinBox* iterations = m_window->controlPanel()->iterationsSpin();
    typeInto(iterations, QStringLiteral("200"));
    press(Qt::Key_Enter);
    m_controller->waitForComputation();
    QCOMPARE(m_controller->model()->run()->settings.iterations, 200LL);
    QVERIFY(!iterations->hasFocus());
    press(Qt::Key_End);
    QCOMPARE(row(), m_controller->model()->lastRow());
    QCOMPARE(iterations->value(), 200);
}

// The step button takes no focus of its own; clicking it still ends the edit (and commits what was typed).
void TestEditFocusGuard::clickOnAButtonEndsTheEdit()
{
    QLineEdit* rate = m_window->controlPanel()->learningRateControl()->rateEdit();
    typeInto(rate, QStringLiteral("0.02"));
    auto* step = m_window->playbackBar()->findChildren<QToolButton*>().at(3);
    QCOMPARE(step->defaultAction(), m_window->playbackBar()->stepForwardAction());
    QTest::mouseClick(step, Qt::LeftButton);
    m_controller->waitForComputation();
    QVERIFY(!rate->hasFocus());
    QCOMPARE(m_controller->model()->run()->settings.learningRate, 0.02);
    const int now = row();
    press(Qt::Key_Right);
    QCOMPARE(row(), now + 1);
}

} // namespace tst_edit_focus_guard

QTEST_MAIN(tst_edit_focus_guard::TestEditFocusGuard)
#include "tst_edit_focus_guard.moc"
