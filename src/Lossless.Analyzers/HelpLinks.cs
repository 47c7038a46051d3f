namespace Lossless.Analyzers;

internal static class HelpLinks
{
    private const string Base = "https://github.com/lossless-efcore/lossless/blob/main/docs/rules/";

    public static string For(string ruleId) => Base + ruleId + ".md";
}
