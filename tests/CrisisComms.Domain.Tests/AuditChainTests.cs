using System.Text;
using CrisisComms.Domain.Audit;

namespace CrisisComms.Domain.Tests;

/// <summary>
/// The canonical form is what every stored hash was computed over: changing it by accident would
/// make every existing log look tampered with. These pin it to the form AuditChain documents.
/// </summary>
public sealed class AuditChainTests
{
    private static readonly string Previous = new('a', 64);

    private static readonly AuditEntry Rejected = new(
        DateTimeOffset.Parse("2026-12-03T11:24:50.1234567+01:00"), "bosse", AuditActions.Rejected,
        IncidentId: "vatten", Reason: "Fel\nkommun å", Detail: "") { Sequence = 2 };

    [Fact]
    public void TheCanonicalFormIsTheDocumentedText()
    {
        var expected = "crisiscomms-audit-v1\nseq=2\nat=2026-12-03T10:24:50.1234567Z\nactor=5:bosse\naction=15:notice.rejected\n"
            + "noticeId=-\nincidentId=6:vatten\nreason=13:Fel\nkommun å\ndetail=0:\nprevious=" + Previous + "\n";

        Assert.Equal(expected, Encoding.UTF8.GetString(AuditChain.Canonical(Rejected, Previous)));
        // As computed by `sha256sum` over that text.
        Assert.Equal("8e4b2cf2a8f0e5b112e0079a01d5832bfa7b7ddeec6e99c3ac6799d0c8b762dc", AuditChain.HashOf(Rejected, Previous));
    }

    [Fact]
    public void AbsentAndEmptyTextsHashDifferently() =>
        Assert.NotEqual(AuditChain.HashOf(Rejected, Previous), AuditChain.HashOf(Rejected with { Detail = null }, Previous));

    [Fact]
    public void ExtendingNumbersOnFromTheHeadAndChainsEachOnTheOneBefore()
    {
        var chained = AuditChain.Extend(AuditHead.Empty, [Rejected with { Sequence = 0 }, Rejected with { Sequence = 0 }]);

        Assert.Equal([1L, 2L], chained.Select(e => e.Sequence));
        Assert.Equal(AuditChain.HashOf(chained[0] with { Hash = null }, AuditChain.Genesis), chained[0].Hash);
        Assert.Equal(AuditChain.HashOf(chained[1] with { Hash = null }, chained[0].Hash!), chained[1].Hash);
        var more = AuditChain.Extend(new AuditHead(2, chained[1].Hash!), [Rejected]);
        Assert.Equal(3, more[0].Sequence);
    }
}
