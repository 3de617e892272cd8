using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Tests.Scheduling;

public sealed class DateExpressionTests
{
    [Theory]
    [InlineData("J", "J", ReferencePart.Start, 0, 0)]
    [InlineData("J*+15d", "J*", ReferencePart.Start, 0, 15)]
    [InlineData("J*+2mo+15d", "J*", ReferencePart.Start, 2, 15)]
    [InlineData("J* + 2mo + 15d", "J*", ReferencePart.Start, 2, 15)]
    [InlineData("SC1+2w", "SC1", ReferencePart.Start, 0, 14)]
    [InlineData("SC1.end-1d", "SC1", ReferencePart.End, 0, -1)]
    [InlineData("J+1y-1d", "J", ReferencePart.Start, 12, -1)]
    [InlineData("phase:diagnostic.due-7d", "diagnostic", ReferencePart.PhaseDue, 0, -7)]
    [InlineData("phase:mise-en-oeuvre.start+1y", "mise-en-oeuvre", ReferencePart.PhaseStart, 12, 0)]
    [InlineData("phase:j1-j2.due", "j1-j2", ReferencePart.PhaseDue, 0, 0)]
    [InlineData("formation-j2+7d", "formation-j2", ReferencePart.Start, 0, 7)]
    [InlineData("SI-cadrage", "SI-cadrage", ReferencePart.Start, 0, 0)]
    [InlineData("lancement+3d", "lancement", ReferencePart.Start, 0, 3)]
    public void TryParse_WhenTheExpressionIsWellFormed_ThenReferenceAndOffsetAreRead(string text, string reference, ReferencePart part, int months, int days)
    {
        // Act
        var parsed = DateExpression.TryParse(text, out var expression, out var error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(reference, expression!.Reference);
        Assert.Equal(part, expression.Part);
        Assert.Equal(new Offset(months, days, 0), expression.Offset);
        Assert.Equal(text, expression.ToString());
    }

    [Theory]
    [InlineData("J+7", "illisible")]
    [InlineData("J+1month", "illisible")]
    [InlineData("J+2h", "illisible")]
    [InlineData("", "illisible")]
    [InlineData("+7d", "illisible")]
    [InlineData("phase:diagnostic", "une phase se désigne par 'phase:diagnostic.start' ou 'phase:diagnostic.due'")]
    [InlineData("phase:diagnostic.end", "une phase se désigne par")]
    [InlineData("SC1.due", "'.due' ne s'applique qu'aux phases ; pour une séance utilisez 'SC1' ou 'SC1.end'")]
    [InlineData("J+100001d", "nombre hors limites '100001'")]
    public void TryParse_WhenTheExpressionIsMalformed_ThenTheErrorSaysWhy(string text, string fragment)
    {
        // Act
        var parsed = DateExpression.TryParse(text, out var expression, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Null(expression);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WhenTheTextIsHuge_ThenRefusedUnreadWithItsLimit()
    {
        // Arrange: a long run of terms, which a backtracking match would walk through before failing at the end.
        var text = "J" + string.Concat(Enumerable.Repeat("+1d", 10_000)) + "x";

        // Act
        var date = DateExpression.TryParse(text, out _, out var dateError);
        var offset = Offset.TryParse(text[1..], out _, out var offsetError);
        var duration = SessionDuration.TryParse(new string('9', 50) + "min", out _, out var durationError);

        // Assert
        Assert.False(date);
        Assert.Contains($"trop longue : {DateExpression.MaxLength} caractères au plus", dateError, StringComparison.Ordinal);
        Assert.False(offset);
        Assert.Contains("trop long", offsetError, StringComparison.Ordinal);
        Assert.False(duration);
        Assert.Contains("trop longue", durationError, StringComparison.Ordinal);
    }
}
