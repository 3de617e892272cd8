using Benchmark.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace Benchmark.Web.Tests.Infrastructure.Pdf;

/// <summary>A print ticket opens one path, once, for one minute, as the user it was issued to.</summary>
public sealed class PrintTicketsTests
{
    private const string Fiche = "/participations/0f8fad5b-d9cb-469f-a165-70867728950e/indicateurs/fiche";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 15, 9, 0, 0, TimeSpan.Zero));
    private readonly PrintTickets _tickets;

    public PrintTicketsTests() => _tickets = new PrintTickets(new EphemeralDataProtectionProvider(), _clock);

    [Fact]
    public void Redeem_WhenPresentedOnItsPath_ThenItsUserOnceOnly()
    {
        var user = Guid.NewGuid();
        var (ticket, nonce) = _tickets.Issue(user, Fiche);

        Assert.False(_tickets.WasUsed(nonce));
        Assert.Equal(user, _tickets.Redeem(ticket, Fiche));
        Assert.True(_tickets.WasUsed(nonce));
        Assert.Null(_tickets.Redeem(ticket, Fiche));
    }

    [Fact]
    public void Redeem_WhenAnotherPathExpiredOrForged_ThenNobody()
    {
        var (other, _) = _tickets.Issue(Guid.NewGuid(), Fiche);
        var (late, _) = _tickets.Issue(Guid.NewGuid(), Fiche);

        Assert.Null(_tickets.Redeem(other, "/participations/0f8fad5b-d9cb-469f-a165-70867728950e/indicateurs/graphiques"));
        _clock.Advance(PrintTickets.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Null(_tickets.Redeem(late, Fiche));
        Assert.Null(_tickets.Redeem("CfDJ8-pas-un-ticket", Fiche));
        Assert.Null(_tickets.Redeem(null, Fiche));
    }
}
