// FlowLayout: the option rows above the views wrap instead of widening the window.
#include "panels/flow_layout.h"

#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

namespace tst_flow_layout {

using namespace gdlab;

namespace {

/** A button whose size hint is exactly width × 20 px, whatever the style. */
class FixedHintButton : public QPushButton {
public:
    explicit FixedHintButton(int width, QWidget* parent)
        : QPushButton(parent)
        , m_width(width)
    {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }
    QSize sizeHint() const override { return { m_width, 20 }; }
    QSize minimumSizeHint() const override { return sizeHint(); }

private:
    int m_width;
};

} // namespace

class TestFlowLayout : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void oneLineWhenWideEnough();
    void wrapsWhenNarrow();
    void minimumIsTheWidestItem();
    void fillingItemTakesTheRestOfItsLine();
    void expandingItemsShareTheLeftover();
    void hiddenItemsTakeNoPlace();
    void parentLayoutGivesTheWrappedHeight();

private:
    void layOut(int width);

    QPointer<QWidget> m_row;
    FlowLayout* m_flow = nullptr;
    QList<QWidget*> m_items;
};

void TestFlowLayout::init()
{
    m_row = new QWidget;
    m_flow = new FlowLayout(m_row, 10, 5);
    m_items.clear();
    for (const int width : { 100, 60, 80 }) {
        auto* button = new FixedHintButton(width, m_row);
        m_flow->addWidget(button);
        m_items << button;
    }
}

void TestFlowLayout::cleanup()
{
    delete m_row.data();
}

void TestFlowLayout::layOut(int width)
{
    m_flow->setGeometry(QRect(0, 0, width, m_flow->heightForWidth(width)));
}

void TestFlowLayout::oneLineWhenWideEnough()
{
    QCOMPARE(m_flow->sizeHint(), QSize(100 + 10 + 60 + 10 + 80, 20));
    QCOMPARE(m_flow->heightForWidth(260), 20);
    layOut(400);
    QCOMPARE(m_items[0]->geometry(), QRect(0, 0, 100, 20));
    QCOMPARE(m_items[1]->geometry(), QRect(110, 0, 60, 20));
    QCOMPARE(m_items[2]->geometry(), QRect(180, 0, 80, 20));
}

void TestFlowLayout::wrapsWhenNarrow()
{
    // 100 + 10 + 60 fits in 200; the 80 px item does not and starts the second line.
    QCOMPARE(m_flow->heightForWidth(200), 20 + 5 + 20);
    layOut(200);
    QCOMPARE(m_items[1]->geometry(), QRect(110, 0, 60, 20));
    QCOMPARE(m_items[2]->geometry(), QRect(0, 25, 80, 20));
    // One item per line.
    QCOMPARE(m_flow->heightForWidth(100), 3 * 20 + 2 * 5);
}

void TestFlowLayout::minimumIsTheWidestItem()
{
    QCOMPARE(m_flow->minimumSize().width(), 100);
    QVERIFY(m_flow->hasHeightForWidth());
}

void TestFlowLayout::fillingItemTakesTheRestOfItsLine()
{
    auto* hint = new QLabel(QStringLiteral("a long hint that is elided rather than widening the row"), m_row);
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_flow->addWidget(hint);
    // Whatever the hint's own width, the minimum stays the widest fixed item.
    QCOMPARE(m_flow->minimumSize().width(), 100);
    layOut(400);
    QCOMPARE(hint->geometry().left(), 270);
    QCOMPARE(hint->geometry().right(), 399);
    // With less than FlowLayout::kFillMinimum left, it takes a line of its own, the whole width.
    layOut(300);
    QCOMPARE(hint->geometry().left(), 0);
    QCOMPARE(hint->geometry().width(), 300);
    QVERIFY(hint->geometry().top() > 0);
}

void TestFlowLayout::expandingItemsShareTheLeftover()
{
    m_items[0]->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_items[2]->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_flow->invalidate();
    layOut(300); // 40 px to spare on the line
    QCOMPARE(m_items[0]->geometry(), QRect(0, 0, 120, 20));
    QCOMPARE(m_items[1]->geometry(), QRect(130, 0, 60, 20));
    QCOMPARE(m_items[2]->geometry(), QRect(200, 0, 100, 20));
}

void TestFlowLayout::hiddenItemsTakeNoPlace()
{
    m_row->show();
    m_items[0]->hide();
    QCOMPARE(m_flow->sizeHint(), QSize(60 + 10 + 80, 20));
    QCOMPARE(m_flow->minimumSize().width(), 80);
    QCOMPARE(m_flow->heightForWidth(150), 20);
    m_row->hide();
}

void TestFlowLayout::parentLayoutGivesTheWrappedHeight()
{
    // Above a view, the row is given the height its width needs: two lines at 200 px, one at 400.
    QWidget window;
    auto* column = new QVBoxLayout(&window);
    column->setContentsMargins(0, 0, 0, 0);
    m_row->setParent(&window);
    m_row->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    column->addWidget(m_row);
    column->addWidget(new QWidget(&window), 1);
    window.resize(200, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(m_row->height(), 45);
    window.resize(400, 300);
    QTRY_COMPARE(m_row->height(), 20);
    QVERIFY(window.minimumSizeHint().width() <= 100);
    m_row->setParent(nullptr);
}

} // namespace tst_flow_layout

QTEST_MAIN(tst_flow_layout::TestFlowLayout)
#include "tst_flow_layout.moc"
