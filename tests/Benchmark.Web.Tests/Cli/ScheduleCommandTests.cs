using Benchmark.Web.Cli;

namespace Benchmark.Web.Tests.Cli;

public sealed class ScheduleCommandTests
{
    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = ScheduleCommand.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Run_WhenFluxPatientsWithIssueAnchors_ThenPrintsEverySessionAndPhaseDeadline()
    {
        var (code, output, errors) = Run(RepositoryFiles.Workflow("gestion-flux-patients.yaml"), "--anchor", "J=2027-01-04", "--anchor", "J*=2027-01-18");

        Assert.True(code == 0, errors);
        foreach (var id in Enumerable.Range(1, 12).Select(i => $"SC{i}").Concat(Enumerable.Range(0, 12).Select(i => $"SI{i}")))
        {
            Assert.Matches($@"séance\s+{id}\s", output);
        }

        Assert.Contains("au jeu. 04/02/2027 (échéance)", output, StringComparison.Ordinal); // Phase 0: J + 1 month
        Assert.Contains("au mar. 02/02/2027 (échéance)", output, StringComparison.Ordinal); // Phase I: J* + 15 days
        Assert.Contains("au ven. 02/04/2027 (échéance)", output, StringComparison.Ordinal); // Phase II: J* + 2.5 months
        Assert.Contains("au mer. 02/06/2027 (échéance)", output, StringComparison.Ordinal); // Phase III: J* + 4.5 months
        Assert.Contains("au mar. 18/07/2028 (échéance)", output, StringComparison.Ordinal); // Phase IV: J* + 18 months
        Assert.Matches(@"lun\. 18/01/2027\s+séance\s+formation .*09:00 → mar\. 19/01/2027 17:00", output);
        Assert.Matches(@"lun\. 25/01/2027\s+séance\s+SI0\s", output);
    }

    [Fact]
    public void Run_WhenFluxPatientsWithIssueAnchors_ThenNoDateOnAHolidayAndTheMovesAreListed()
    {
        var (code, output, errors) = Run(RepositoryFiles.Workflow("gestion-flux-patients.yaml"), "--anchor", "J=2027-01-04", "--anchor", "J*=2027-01-18");

        Assert.True(code == 0, errors);
        foreach (var holiday in new[] { "17/05/2027", "17/04/2028", "08/05/2028", "05/06/2028" })
        {
            Assert.DoesNotMatch($@"(?m)^\s+\w+\. {holiday}", string.Join('\n', output.Split('\n').Where(l => !l.Contains("au lieu", StringComparison.Ordinal))));
        }

        Assert.DoesNotMatch(@"(?m)^\s+(sam|dim)\. ", output);
        Assert.Contains("date(s) déplacée(s) hors d'un week-end ou d'un jour férié", output, StringComparison.Ordinal);
        Assert.Contains("séance SC11 : mar. 06/06/2028, au lieu du lun. 05/06/2028 (lundi de Pentecôte)", output, StringComparison.Ordinal);
        Assert.Contains("échéance SC4 : mar. 18/05/2027, au lieu du lun. 17/05/2027 (lundi de Pentecôte)", output, StringComparison.Ordinal);
        Assert.Matches(@"mar\. 06/06/2028 \* séance\s+SC11", output);
    }

    [Fact]
    public void Run_WhenAnchorsOutOfOrder_ThenExitsOneGivingTheOrder()
    {
        var (code, _, errors) = Run(RepositoryFiles.Workflow("gestion-flux-patients.yaml"), "--anchor", "J=2027-01-18", "--anchor", "J*=2027-01-04");

        Assert.Equal(1, code);
        Assert.Contains("dans l'ordre J, J*", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenAnchorMissing_ThenExitsOneNamingIt()
    {
        var (code, _, errors) = Run(RepositoryFiles.Workflow("gestion-flux-patients.yaml"), "--anchor", "J=2027-01-04");

        Assert.Equal(1, code);
        Assert.Contains("'J*'", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("J=04/01/2027")]
    [InlineData("J")]
    public void Run_WhenAnchorMalformed_ThenExitsTwoWithExample(string anchor)
    {
        var (code, _, errors) = Run(RepositoryFiles.Workflow("gestion-flux-patients.yaml"), "--anchor", anchor);

        Assert.Equal(2, code);
        Assert.Contains("AAAA-MM-JJ", errors, StringComparison.Ordinal);
    }
}
