// The frame around each view: its title above the view, a size above the text around it, larger in
// presentation mode, and following the font it inherits.
#include "views/view_frame.h"

#include "views/plot_style.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QtTest>

namespace tst_view_frame {

using gdlab::ViewFrame;

class TestViewFrame : public QObject {
    Q_OBJECT

private slots:
    void titleAboveTheView();
    void titleIsLargerAndBold();
    void presentationModeEnlargesAsThePlotsDo();
    void followsTheInheritedFont();
};

void TestViewFrame::titleAboveTheView()
{
    auto* view = new QWidget;
    ViewFrame frame(QStringLiteral("Loss"), view);
    QCOMPARE(frame.title(), QStringLiteral("Loss"));
    QCOMPARE(frame.view(), view);
    QCOMPARE(view->parentWidget(), &frame);
    auto* layout = qobject_cast<QVBoxLayout*>(frame.layout());
    QVERIFY(layout);
    QCOMPARE(layout->indexOf(frame.titleLabel()), 0);
    QCOMPARE(layout->indexOf(view), 1);
}

void TestViewFrame::titleIsLargerAndBold()
{
    ViewFrame frame(QStringLiteral("Fit"), new QWidget);
    const QFont title = frame.titleLabel()->font();
    QVERIFY(title.bold());
    QCOMPARE(title.pointSizeF(), frame.font().pointSizeF() * ViewFrame::titleScale);
}

void TestViewFrame::presentationModeEnlargesAsThePlotsDo()
{
    ViewFrame frame(QStringLiteral("Fit"), new QWidget);
    const double normal = frame.titleLabel()->font().pointSizeF();
    frame.setPresentationMode(true);
    QVERIFY(frame.isPresentationMode());
    QCOMPARE(frame.titleLabel()->font().pointSizeF(), normal * gdlab::PlotStyle::presentationScale());
    frame.setPresentationMode(false);
    QCOMPARE(frame.titleLabel()->font().pointSizeF(), normal);
}

// The window enlarges its own font in presentation mode; the title grows by the one scale, not by its square.
void TestViewFrame::followsTheInheritedFont()
{
    QWidget window;
    auto* frame = new ViewFrame(QStringLiteral("Bowl"), new QWidget, &window);
    const double normal = frame->titleLabel()->font().pointSizeF();
    QFont bigger = window.font();
    bigger.setPointSizeF(bigger.pointSizeF() * gdlab::PlotStyle::presentationScale());
    window.setFont(bigger);
    frame->setPresentationMode(true);
    QCOMPARE(frame->titleLabel()->font().pointSizeF(), normal * gdlab::PlotStyle::presentationScale());
}

} // namespace tst_view_frame

QTEST_MAIN(tst_view_frame::TestViewFrame)
#include "tst_view_frame.moc"
