#include "session/core_text.h"

#include "input_error.h"

#include <QTranslator>
#include <QtTest>

namespace tst_core_text {

using gdlab::CoreText;

namespace {

// A translator that knows one word of CoreText's and one core message, to show both go through tr().
class Pretend : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (QByteArray(context) != "gdlab::CoreText")
            return {};
        if (QByteArray(source) == "converged")
            return QStringLiteral("konvergiert");
        if (QByteArray(source) == "data.csv:2:1: 'x' is not a number")
            return QStringLiteral("übersetzt");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestCoreText : public QObject {
    Q_OBJECT

private slots:
    void wordsAreWrittenOut();
    void identifiersStayAsTheCommandLineSpellsThem();
    void messagesKeepTheirText();
    void everythingGoesThroughTranslation();
};

void TestCoreText::wordsAreWrittenOut()
{
    QCOMPARE(CoreText::stopReason(gdlab::StopReason::MaxIterations), QStringLiteral("max iterations"));
    QCOMPARE(CoreText::stopReason(gdlab::StopReason::Diverged), QStringLiteral("diverged"));
    QCOMPARE(CoreText::sweepBehaviour(gdlab::SweepBehaviour::TooSlow), QStringLiteral("too slow"));
    // The same words as the core's own names (the CLI prints those).
    for (auto reason : { gdlab::StopReason::MaxIterations, gdlab::StopReason::Converged, gdlab::StopReason::Diverged,
             gdlab::StopReason::Cancelled })
        QCOMPARE(CoreText::stopReason(reason), QString::fromUtf8(gdlab::stopReasonName(reason)));
}

void TestCoreText::identifiersStayAsTheCommandLineSpellsThem()
{
    QCOMPARE(CoreText::loss(gdlab::LossKind::HalfMse), QStringLiteral("half-mse"));
    QCOMPARE(CoreText::method(gdlab::DescentMethod::MiniBatch), QStringLiteral("minibatch"));
    QCOMPARE(CoreText::lossFormula(gdlab::LossKind::Mse), QString::fromUtf8(gdlab::lossFormula(gdlab::LossKind::Mse)));
}

void TestCoreText::messagesKeepTheirText()
{
    const gdlab::InputError error("data.csv", 4, 2, "'abc' is not a number");
    QCOMPARE(CoreText::message(error), QString::fromUtf8(error.what()));
    QCOMPARE(CoreText::message(std::string("θ ∇ — é")), QStringLiteral("θ ∇ — é"));
}

void TestCoreText::everythingGoesThroughTranslation()
{
    Pretend translator;
    QCoreApplication::installTranslator(&translator);
    QCOMPARE(CoreText::stopReason(gdlab::StopReason::Converged), QStringLiteral("konvergiert"));
    QCOMPARE(CoreText::message(std::string("data.csv:2:1: 'x' is not a number")), QStringLiteral("übersetzt"));
    QCOMPARE(CoreText::stopReason(gdlab::StopReason::Diverged), QStringLiteral("diverged"));
    QCoreApplication::removeTranslator(&translator);
}

} // namespace tst_core_text

QTEST_GUILESS_MAIN(tst_core_text::TestCoreText)
#include "tst_core_text.moc"
