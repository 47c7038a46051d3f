using Lossless.Analyzers.Model.Operations;

namespace Lossless.Tests.Model;

public class VerifiedMarkerTests
{
    /// <summary>The line the marker must open: the first with anything but white space, trimmed, whatever the line ends.</summary>
    [Theory]
    [InlineData("-- lossless: verified users.id", "-- lossless: verified users.id")]
    [InlineData("\n\n  -- lossless: verified users.id  \nUPDATE users SET id = id;", "-- lossless: verified users.id")]
    [InlineData("\r\n\t\r\n-- lossless: verified users.id\r\nSELECT 1;", "-- lossless: verified users.id")]
    [InlineData("SELECT 1;\n-- lossless: verified users.id", "SELECT 1;")]
    [InlineData(" \n\t\r\n ", null)]
    [InlineData("", null)]
    public void FirstNonBlankLine_IsTheFirstLineWithText(string sql, string? expected)
    {
        Assert.Equal(expected, VerifiedMarker.FirstNonBlankLine(sql));
    }
}
