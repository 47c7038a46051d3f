namespace Lossless.Analyzers.Model.StoreTypes;

/// <summary>The classification of one type change, with the effect on existing rows in words.</summary>
public sealed class Conversion
{
    public Conversion(ConversionClass @class, string effect, bool failsEvenOnValidData = false)
    {
        Class = @class;
        Effect = effect;
        FailsEvenOnValidData = failsEvenOnValidData;
    }

    public ConversionClass Class { get; }

    /// <summary>
    /// A lower-case clause that completes "changing column 'users.id' from 'a' to 'b' …", with no final period,
    /// e.g. "fails on every database, even when every value would convert: PostgreSQL has no cast from text to uuid without USING".
    /// </summary>
    public string Effect { get; }

    /// <summary>True when the change fails whatever the data (PostgreSQL without an assignment cast).</summary>
    public bool FailsEvenOnValidData { get; }
}
