namespace Lossless.Analyzers.Model;

/// <summary>
/// [Migration] ids as EF Core 10 reads them (tests/Lossless.DataTests/Correctness/MigrationIdFactsTests): its id
/// generator accepts 14 digits, '_' and a name, without a calendar check; its migrations assembly sorts ids in a
/// SortedList with the default, culture-sensitive, string comparer.
/// </summary>
internal static class MigrationIds
{
    /// <summary>The length of EF Core's timestamp, yyyyMMddHHmmss.</summary>
    public const int TimestampLength = 14;

    /// <summary>What EF Core's IMigrationsIdGenerator.IsValidId accepts: 14 digits, an underscore and at least one more character.</summary>
    public static bool IsValid(string id)
    {
        if (id.Length < TimestampLength + 2 || id[TimestampLength] != '_')
        {
            return false;
        }

        for (var i = 0; i < TimestampLength; i++)
        {
            if (id[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when EF Core applies <paramref name="id"/> before <paramref name="other"/> in every culture: two ids are
    /// ordered surely only by different timestamps, or by a timestamp before an id that starts with a letter.
    /// </summary>
    public static bool SurelyBefore(string id, string other)
    {
        if (!IsValid(id))
        {
            return false;
        }

        if (IsValid(other))
        {
            return string.CompareOrdinal(id, 0, other, 0, TimestampLength) < 0;
        }

        return other.Length > 0 && char.IsLetter(other[0]);
    }
}
