using Benchmark.Core.OfficeSurgery;

namespace Benchmark.Core.Tests.OfficeSurgery;

public sealed class CcamActSheetTests
{
    [Fact]
    public void Check_WhenWellFormed_ThenNormalisedLinesAndTotalsWithRatio()
    {
        var (lines, errors) = CcamActSheet.Check([new(0, "bjma 002", 40, 45, 60), new(2, "QZFA001", 10, 10, null)]);

        Assert.Empty(errors);
        Assert.Equal(["BJMA002", "QZFA001"], lines.Select(l => l.Code.Value));
        var total = CcamActSheet.Total(lines.Select(l => l.Counts));
        Assert.Equal(new CcamActCounts(50, 55, 60), total);
        Assert.Equal(91.7m, total.Ratio);
    }

    [Fact]
    public void Check_WhenDuplicateCodeAfterNormalisingOrFewerActsThanPatients_ThenErrorsKeyedByFormLineAndNoLines()
    {
        var (lines, errors) = CcamActSheet.Check([new(0, "BJMA002", 5, 5, 5), new(3, "bjma002", 1, 1, 1), new(4, "QZFA001", 9, 8, 0)]);

        Assert.Empty(lines);
        Assert.Equal(["Rows[3].Code", "Rows[4].Acts"], errors.Select(e => e.Field));
        Assert.Equal("Ligne 4 : le code BJMA002 figure déjà à la ligne 1 ; une seule ligne par code et par année.", errors[0].Message);
    }

    [Theory]
    [InlineData(-1, "Ligne 1 : un nombre ne peut être négatif.")]
    [InlineData(1_000_001, "Ligne 1 : au plus 1 000 000 par ligne.")]
    public void Check_WhenContractedOutOfRange_ThenFrenchError(int contracted, string message)
    {
        var (_, errors) = CcamActSheet.Check([new(0, "BJMA002", 1, 1, contracted)]);

        Assert.Equal(("Rows[0].Contracted", message), (Assert.Single(errors).Field, errors[0].Message));
    }

    [Fact]
    public void Check_WhenNoLine_ThenAskedForOne()
    {
        var (_, errors) = CcamActSheet.Check([]);

        Assert.Equal("Rows", Assert.Single(errors).Field);
        Assert.Null(CcamActCounts.Zero.Ratio);
    }
}
