using Lossless.Analyzers.Model.Providers;
using Lossless.DataTests.Infrastructure;

namespace Lossless.DataTests.GroundTruth;

/// <summary>
/// The ground-truth table: every store-type pair the classifier rules on, measured on a real PostgreSQL and a
/// real SQLite through EF Core's own migrations pipeline. Names are "provider: old -> new (values)".
/// </summary>
public static class GroundTruthTable
{
    public const string NextAuthId = "user_2XQLfuJvWKZKnpOfkW2I5dZxVZYE";
    public const string UuidText = "6f9619ff-8b86-c011-b42d-00cf4fc964ff";

    private static readonly string Eighty = new('x', 80);
    private static readonly string Fifty = new('y', 50);
    private static readonly string Hundred = new('z', 100);

    // An offset no test machine uses as its local zone, so the value read back always differs from the one stored.
    private static readonly DateTimeOffset MarquesasMorning = new(2024, 3, 1, 10, 0, 0, new TimeSpan(-9, -30, 0));

    private static ColumnDefinition Col(Type clrType, string? storeType = null, int? maxLength = null, int? precision = null, int? scale = null)
        => new(clrType, storeType, maxLength, precision, scale);

    public static IReadOnlyList<GroundTruthCase> PostgreSql { get; } =
    [
        // No USING: every change without an implicit or assignment cast fails, even on clean data (42804).
        new() { Name = "pg: varchar(255) -> uuid", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string), "varchar(255)"), New = Col(typeof(Guid), "uuid"),
            Edge = [NextAuthId], EdgeOutcome = ProbeOutcome.Error, EdgeSqlState = "42804",
            Clean = [UuidText], CleanOutcome = ProbeOutcome.Error, CleanSqlState = "42804" },
        new() { Name = "pg: text -> integer", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string)), New = Col(typeof(int)),
            Edge = ["abc"], EdgeOutcome = ProbeOutcome.Error, EdgeSqlState = "42804",
            Clean = ["123"], CleanOutcome = ProbeOutcome.Error, CleanSqlState = "42804" },
        new() { Name = "pg: text -> numeric(10,2)", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string)), New = Col(typeof(decimal), precision: 10, scale: 2),
            Edge = ["12,50 EUR"], EdgeOutcome = ProbeOutcome.Error, EdgeSqlState = "42804",
            Clean = ["12.50"], CleanOutcome = ProbeOutcome.Error, CleanSqlState = "42804" },
        new() { Name = "pg: text -> date", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string)), New = Col(typeof(DateOnly)),
            Edge = ["13:45"], EdgeOutcome = ProbeOutcome.Error, EdgeSqlState = "42804",
            Clean = ["2024-03-01"], CleanOutcome = ProbeOutcome.Error, CleanSqlState = "42804" },
        new() { Name = "pg: text -> boolean", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string)), New = Col(typeof(bool)),
            Edge = ["maybe"], EdgeOutcome = ProbeOutcome.Error, EdgeSqlState = "42804",
            Clean = ["true"], CleanOutcome = ProbeOutcome.Error, CleanSqlState = "42804" },
        new() { Name = "pg: text -> jsonb", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string)), New = Col(typeof(string), "jsonb"),
            Edge = ["not json"], EdgeOutcome = ProbeOutcome.Error, EdgeSqlState = "42804",
            Clean = ["{\"a\": 1}"], CleanOutcome = ProbeOutcome.Error, CleanSqlState = "42804" },

        // Length, precision and integer narrowing fail only when a value does not fit.
        new() { Name = "pg: varchar(80) -> varchar(50)", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string), maxLength: 80), New = Col(typeof(string), maxLength: 50),
            Edge = [Eighty], EdgeOutcome = ProbeOutcome.Error, EdgeSqlState = "22001",
            Clean = ["short", Fifty], CleanOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: numeric(12,2) -> numeric(8,2)", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(decimal), precision: 12, scale: 2), New = Col(typeof(decimal), precision: 8, scale: 2),
            Edge = [1234567890.12m], EdgeOutcome = ProbeOutcome.Error, EdgeSqlState = "22003",
            Clean = [123456.78m], CleanOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: bigint -> integer", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(long)), New = Col(typeof(int)),
            Edge = [5000000000L], EdgeOutcome = ProbeOutcome.Error, EdgeSqlState = "22003",
            Clean = [42L, -7L], CleanOutcome = ProbeOutcome.Unchanged },

        // Assignment casts: the change runs and changes values silently.
        new() { Name = "pg: numeric(10,2) -> numeric(10,0)", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(decimal), precision: 10, scale: 2), New = Col(typeof(decimal), precision: 10, scale: 0),
            Edge = [12345.67m], EdgeOutcome = ProbeOutcome.ValuesChanged, EdgeValuesAfter = [12346m],
            Clean = [12345.00m], CleanOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: double precision -> integer", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(double)), New = Col(typeof(int)),
            Edge = [2.7, 2.5], EdgeOutcome = ProbeOutcome.ValuesChanged, EdgeValuesAfter = [3, 2],
            Clean = [2.0, -7.0], CleanOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: timestamp -> date", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(DateTime), "timestamp without time zone"), New = Col(typeof(DateOnly)),
            Edge = [new DateTime(2024, 3, 1, 13, 45, 0, DateTimeKind.Unspecified)], EdgeOutcome = ProbeOutcome.ValuesChanged,
            EdgeValuesAfter = [new DateOnly(2024, 3, 1)],
            Clean = [new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Unspecified)], CleanOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: timestamptz -> timestamp (session America/New_York)", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(DateTime)), New = Col(typeof(DateTime), "timestamp without time zone"),
            Edge = [new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc)], EdgeTimeZone = "America/New_York",
            EdgeOutcome = ProbeOutcome.ValuesChanged, EdgeValuesAfter = [new DateTime(2024, 3, 1, 5, 0, 0, DateTimeKind.Unspecified)],
            // In a UTC session the digits survive: the result depends on the migrating session's TimeZone.
            Clean = [new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc)], CleanOutcome = ProbeOutcome.Unchanged },

        // Widenings and identical types keep every value.
        new() { Name = "pg: varchar(50) -> varchar(100)", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string), maxLength: 50), New = Col(typeof(string), maxLength: 100),
            Edge = [Fifty, ""], EdgeOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: varchar(100) -> text", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string), maxLength: 100), New = Col(typeof(string)),
            Edge = [Hundred], EdgeOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: integer -> bigint", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(int)), New = Col(typeof(long)),
            Edge = [int.MaxValue, int.MinValue], EdgeOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: numeric(10,2) -> numeric(12,2)", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(decimal), precision: 10, scale: 2), New = Col(typeof(decimal), precision: 12, scale: 2),
            Edge = [99999999.99m, -0.01m], EdgeOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: date -> timestamp", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(DateOnly)), New = Col(typeof(DateTime), "timestamp without time zone"),
            Edge = [new DateOnly(2024, 3, 1), new DateOnly(1, 1, 1)], EdgeOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: integer -> text", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(int)), New = Col(typeof(string)),
            Edge = [42, int.MinValue], EdgeOutcome = ProbeOutcome.Unchanged },
        new() { Name = "pg: varchar(255) -> character varying(255)", Provider = DatabaseProvider.PostgreSql,
            Old = Col(typeof(string), "varchar(255)"), New = Col(typeof(string), "character varying(255)"),
            Edge = [NextAuthId], EdgeOutcome = ProbeOutcome.Unchanged },
    ];

    public static IReadOnlyList<GroundTruthCase> Sqlite { get; } =
    [
        // A rebuild copies with INSERT … SELECT and no cast: only affinity coerces, values the new type cannot read stay.
        new() { Name = "sqlite: TEXT -> INTEGER (string -> int)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(string)), New = Col(typeof(int)),
            // 'abc' stays text (EF reads it as 0); '123' is coerced to an integer by the column's affinity.
            Edge = ["abc"], EdgeOutcome = ProbeOutcome.Unreadable, EdgeStorageAfter = ["text"], EdgeValuesAfter = [0],
            Clean = ["123"], CleanOutcome = ProbeOutcome.Unchanged, CleanStorageAfter = ["integer"] },
        new() { Name = "sqlite: TEXT -> INTEGER (string -> bool)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(string)), New = Col(typeof(bool)),
            // Text stays text, and EF reads 'true' as false.
            Edge = ["maybe", "true"], EdgeOutcome = ProbeOutcome.Unreadable, EdgeStorageAfter = ["text", "text"], EdgeValuesAfter = [false, false],
            Clean = ["1", "0"], CleanOutcome = ProbeOutcome.Unchanged, CleanStorageAfter = ["integer", "integer"] },
        new() { Name = "sqlite: REAL -> INTEGER (double -> int)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(double)), New = Col(typeof(int)),
            // 2.7 stays real and EF reads it truncated; integral reals are coerced to integers.
            Edge = [2.7, 2.5], EdgeOutcome = ProbeOutcome.ValuesChanged, EdgeStorageAfter = ["real", "real"], EdgeValuesAfter = [2, 2],
            Clean = [2.0, -7.0], CleanOutcome = ProbeOutcome.Unchanged, CleanStorageAfter = ["integer", "integer"] },
        new() { Name = "sqlite: TEXT -> BLOB (string -> byte[])", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(string)), New = Col(typeof(byte[])),
            // Text stays text and EF reads its UTF-8 bytes (a lookup by those bytes finds nothing: see SqliteFactsTests).
            Edge = ["abc"], EdgeOutcome = ProbeOutcome.Unchanged, EdgeStorageAfter = ["text"] },
        new() { Name = "sqlite: varchar(80) -> varchar(50)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(string), "varchar(80)"), New = Col(typeof(string), "varchar(50)"),
            Edge = [Eighty], EdgeOutcome = ProbeOutcome.Unchanged, EdgeStorageAfter = ["text"], EdgeValuesAfter = [Eighty] },
        new() { Name = "sqlite: INTEGER -> TEXT (int -> string)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(int)), New = Col(typeof(string)),
            Edge = [42, int.MinValue], EdgeOutcome = ProbeOutcome.Unchanged, EdgeStorageAfter = ["text", "text"] },

        // Same storage class, CLR type changed: EF scaffolds no operation at all; the stored text stays as it was.
        new() { Name = "sqlite: TEXT -> TEXT (string -> Guid)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(string)), New = Col(typeof(Guid)), NoOperation = true,
            Edge = [NextAuthId], EdgeOutcome = ProbeOutcome.Unreadable,
            Clean = [UuidText], CleanOutcome = ProbeOutcome.Unchanged },
        new() { Name = "sqlite: TEXT -> TEXT (string -> decimal)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(string)), New = Col(typeof(decimal)), NoOperation = true,
            Edge = ["abc"], EdgeOutcome = ProbeOutcome.Unreadable,
            Clean = ["12.50"], CleanOutcome = ProbeOutcome.Unchanged },
        new() { Name = "sqlite: TEXT -> TEXT (string -> DateOnly)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(string)), New = Col(typeof(DateOnly)), NoOperation = true,
            Edge = ["13:45"], EdgeOutcome = ProbeOutcome.Unreadable,
            Clean = ["2024-03-01"], CleanOutcome = ProbeOutcome.Unchanged },
        new() { Name = "sqlite: TEXT -> TEXT (DateTime -> DateOnly)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(DateTime)), New = Col(typeof(DateOnly)), NoOperation = true,
            // EF wrote '2024-03-01 00:00:00': even a midnight value is unreadable as DateOnly.
            Edge = [new DateTime(2024, 3, 1, 13, 45, 0)], EdgeOutcome = ProbeOutcome.Unreadable,
            Clean = [new DateTime(2024, 3, 1)], CleanOutcome = ProbeOutcome.Unreadable },
        new() { Name = "sqlite: TEXT -> TEXT (DateTimeOffset -> DateTime)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(DateTimeOffset)), New = Col(typeof(DateTime)), NoOperation = true,
            // The text keeps its offset; EF reads it converted to the reading machine's local time.
            Edge = [MarquesasMorning], EdgeOutcome = ProbeOutcome.ValuesChanged, EdgeValuesAfter = [MarquesasMorning.LocalDateTime] },
        new() { Name = "sqlite: INTEGER -> INTEGER (long -> int)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(long)), New = Col(typeof(int)), NoOperation = true,
            Edge = [5000000000L], EdgeOutcome = ProbeOutcome.Unreadable,
            Clean = [42L], CleanOutcome = ProbeOutcome.Unchanged },
        new() { Name = "sqlite: TEXT -> TEXT (decimal(10,2) -> decimal(10,0))", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(decimal), precision: 10, scale: 2), New = Col(typeof(decimal), precision: 10, scale: 0), NoOperation = true,
            Edge = [12345.67m], EdgeOutcome = ProbeOutcome.Unchanged },
        new() { Name = "sqlite: TEXT -> TEXT (string(80) -> string(50))", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(string), maxLength: 80), New = Col(typeof(string), maxLength: 50), NoOperation = true,
            Edge = [Eighty], EdgeOutcome = ProbeOutcome.Unchanged },
        new() { Name = "sqlite: INTEGER -> INTEGER (int -> long)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(int)), New = Col(typeof(long)), NoOperation = true,
            Edge = [int.MaxValue, int.MinValue], EdgeOutcome = ProbeOutcome.Unchanged },
        new() { Name = "sqlite: TEXT -> TEXT (DateOnly -> DateTime)", Provider = DatabaseProvider.Sqlite,
            Old = Col(typeof(DateOnly)), New = Col(typeof(DateTime)), NoOperation = true,
            Edge = [new DateOnly(2024, 3, 1)], EdgeOutcome = ProbeOutcome.Unchanged },
    ];

    public static IEnumerable<GroundTruthCase> All => PostgreSql.Concat(Sqlite);

    public static GroundTruthCase Find(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> PostgreSqlNames => Names(PostgreSql);

    public static TheoryData<string> SqliteNames => Names(Sqlite);

    private static TheoryData<string> Names(IEnumerable<GroundTruthCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var c in cases)
        {
            data.Add(c.Name);
        }

        return data;
    }
}
