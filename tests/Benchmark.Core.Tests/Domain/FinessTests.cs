using Benchmark.Core.Domain;

namespace Benchmark.Core.Tests.Domain;

/// <summary>FINESS format: a department (01–95 except 20, 2A, 2B, 971–976) then digits, 9 characters.</summary>
public sealed class FinessTests
{
    /// <summary>Builds a number from the rule: the department code padded with digits to 9 characters.</summary>
    private static string Number(string department) => (department + "1234567")[..9];

    [Theory]
    [InlineData("750712184", "75")]
    [InlineData("130786049", "13")]
    [InlineData("010000024", "01")]
    [InlineData("950000017", "95")]
    [InlineData("971234567", "971")]
    [InlineData("976000016", "976")]
    [InlineData("2A0000017", "2A")]
    [InlineData("2B0000017", "2B")]
    public void Parse_WhenTheNumberFollowsTheFormat_ThenItIsAccepted(string input, string department)
    {
        // Act
        var result = Finess.Parse(input);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(input, result.Value);
        Assert.Equal(department, Finess.Department(result.Value));
    }

    [Theory]
    [InlineData("01")]
    [InlineData("19")]
    [InlineData("21")]
    [InlineData("2A")]
    [InlineData("2B")]
    [InlineData("95")]
    [InlineData("971")]
    [InlineData("974")]
    [InlineData("976")]
    public void Parse_WhenBuiltFromAValidDepartment_ThenItIsAccepted(string department)
    {
        // Arrange
        var number = Number(department);

        // Act
        var valid = Finess.IsValid(number);

        // Assert
        Assert.Equal(9, number.Length);
        Assert.True(valid, number);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("20")]
    [InlineData("2C")]
    [InlineData("96")]
    [InlineData("98")]
    [InlineData("970")]
    [InlineData("977")]
    [InlineData("978")]
    public void Parse_WhenTheDepartmentDoesNotExist_ThenItIsRefused(string department)
    {
        // Arrange
        var number = Number(department);

        // Act
        var result = Finess.Parse(number);

        // Assert
        Assert.Equal(9, number.Length);
        Assert.False(result.IsSuccess, number);
        Assert.Contains("département", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("75071218", "saisi : 8")]
    [InlineData("7507121845", "saisi : 10")]
    [InlineData("", "saisi : 0")]
    [InlineData(null, "saisi : 0")]
    public void Parse_WhenTheLengthIsWrong_ThenTheMessageGivesTheLength(string? input, string fragment)
    {
        // Act
        var result = Finess.Parse(input);

        // Assert
        Assert.Contains("9 caractères", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("75071218A")]
    [InlineData("A50712184")]
    [InlineData("7A0712184")]
    [InlineData("2A00000B7")]
    [InlineData("97A234567")]
    public void Parse_WhenALetterIsOutOfPlace_ThenItIsRefused(string input)
    {
        // Act
        var valid = Finess.IsValid(input);

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData("75 071 2184", "750712184")]
    [InlineData("2a0000017", "2A0000017")]
    public void Parse_WhenTypedWithSpacesOrLowerCase_ThenItIsNormalised(string input, string expected)
    {
        // Act
        var result = Finess.Parse(input);

        // Assert
        Assert.Equal(expected, result.Value);
    }
}
