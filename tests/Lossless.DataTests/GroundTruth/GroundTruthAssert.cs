using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.DataTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Lossless.DataTests.GroundTruth;

/// <summary>The assertions every ground-truth row makes: first what the database did, then whether the classifier said so.</summary>
public static class GroundTruthAssert
{
    /// <summary>The database did what the table says, through the SQL EF Core generated.</summary>
    public static void DatabaseDidWhatTheTableSays(GroundTruthCase c, Observation observation)
    {
        AssertRun(c, observation.Edge, c.Edge.Length, c.EdgeOutcome, c.EdgeSqlState, c.EdgeValuesAfter, c.EdgeStorageAfter);
        if (c.Clean is not null)
        {
            Assert.True(observation.Clean is not null, c.Name + ": the clean run is missing");
            Assert.True(c.CleanOutcome is not null, c.Name + ": the table gives no outcome for the clean values");
            AssertRun(c, observation.Clean!, c.Clean.Length, c.CleanOutcome!.Value, c.CleanSqlState, null, c.CleanStorageAfter);
        }
    }

    /// <summary>
    /// The classifier's class for the store types EF scaffolds is the one the database's behaviour implies:
    /// error (or, on SQLite, a stored value the new type cannot read) → MayFail, with FailsEvenOnValidData exactly
    /// when the clean values fail too; values changed → Lossy; values kept → Identical or Widening; EF scaffolding
    /// no operation (same store type) → Identical.
    /// </summary>
    public static void ClassifierAgreesWithTheDatabase(GroundTruthCase c, Observation observation)
    {
        var edge = observation.Edge;
        var (fromText, toText) = ScaffoldedStoreTypes(edge);
        var from = StoreTypeParser.Parse(fromText, c.Provider);
        var to = StoreTypeParser.Parse(toText, c.Provider);
        var conversion = StoreTypeClassifier.Classify(from, to, c.Provider);

        ConversionClass[] expected;
        var failsEvenOnValidData = false;
        string databaseDid;
        if (edge.Operations.Count == 0)
        {
            expected = [ConversionClass.Identical];
            databaseDid = "EF scaffolds no operation (same store type)";
        }
        else
        {
            switch (edge.Outcome)
            {
                case ProbeOutcome.Error:
                case ProbeOutcome.Unreadable:
                    expected = [ConversionClass.MayFail];
                    failsEvenOnValidData = observation.Clean?.Outcome is ProbeOutcome.Error or ProbeOutcome.Unreadable;
                    databaseDid = edge.Outcome == ProbeOutcome.Error ? "error " + edge.Error : "left values the new type cannot read";
                    databaseDid += failsEvenOnValidData ? ", and failed on clean values too" : ", clean values converted";
                    break;
                case ProbeOutcome.ValuesChanged:
                    expected = [ConversionClass.Lossy];
                    databaseDid = "succeeded and changed values";
                    break;
                default:
                    expected = [ConversionClass.Identical, ConversionClass.Widening];
                    databaseDid = "kept every value";
                    break;
            }
        }

        var message = c.Name + ": the database " + databaseDid + " (" + fromText + " -> " + toText + "), but the classifier said "
            + conversion.Class + (conversion.FailsEvenOnValidData ? " (fails even on valid data)" : "") + ": " + conversion.Effect;
        Assert.True(Array.IndexOf(expected, conversion.Class) >= 0, message);
        Assert.True(conversion.FailsEvenOnValidData == failsEvenOnValidData, message);
    }

    /// <summary>
    /// For a column mapped by CLR type alone, <see cref="ClrTypeMapping.FromClrType"/> gives the store type EF Core's
    /// provider maps it to (the classifier's view of a migration that omits type:).
    /// </summary>
    public static void ClrTypeMappingAgreesWithEf(DatabaseProvider provider, ColumnDefinition column, string efStoreType)
    {
        var mapped = ClrTypeMapping.FromClrType(ClrMetadataName(column.ClrType), provider, column.MaxLength, column.Precision, column.Scale, null, null);
        Assert.True(mapped is not null, provider + " " + column + ": EF maps it to '" + efStoreType + "', ClrTypeMapping.FromClrType returned null");
        var conversion = StoreTypeClassifier.Classify(mapped!, StoreTypeParser.Parse(efStoreType, provider), provider);
        Assert.True(
            conversion.Class == ConversionClass.Identical,
            provider + " " + column + ": EF maps it to '" + efStoreType + "', ClrTypeMapping.FromClrType gave '" + mapped + "' (" + conversion.Class + ": " + conversion.Effect + ")");
    }

    /// <summary>The store types a scaffolded AlterColumn carries (type:, oldType:), or the model's when EF scaffolds nothing.</summary>
    public static (string From, string To) ScaffoldedStoreTypes(ProbeResult result)
        => result.AlterColumn is { } alter
            ? (alter.OldColumn.ColumnType ?? result.OldStoreType, alter.ColumnType ?? result.NewStoreType)
            : (result.OldStoreType, result.NewStoreType);

    public static string ClrMetadataName(Type type) => type.FullName!;

    private static void AssertRun(GroundTruthCase c, ProbeResult result, int seeded, ProbeOutcome outcome, string? sqlState, object?[]? valuesAfter, string[]? storageAfter)
    {
        var context = c.Name + Environment.NewLine + result;
        Assert.True(c.NoOperation == (result.Operations.Count == 0), context + Environment.NewLine + "expected " + (c.NoOperation ? "no operation" : "an AlterColumn"));
        if (!c.NoOperation)
        {
            var alter = Assert.IsType<AlterColumnOperation>(Assert.Single(result.Operations));
            Assert.Equal(ProbeContext.TableName, alter.Table);
            Assert.Equal(ProbeContext.ValueColumn, alter.Name);
            AssertGeneratedSql(c, result, context);
        }
        else
        {
            Assert.True(result.Commands.Count == 0, context);
        }

        Assert.True(outcome == result.Outcome, context + Environment.NewLine + "expected " + outcome);
        Assert.True(result.Rows.Count == seeded, context + Environment.NewLine + "expected " + seeded + " rows");

        if (outcome == ProbeOutcome.Error)
        {
            Assert.True(result.Error is not null && result.Error.Code == sqlState, context + Environment.NewLine + "expected SQLSTATE " + sqlState);

            // PostgreSQL runs the migration in one transaction: the failed change is rolled back and not recorded.
            Assert.Equal(DatabaseProvider.PostgreSql, c.Provider);
            Assert.True(result.ColumnTypeAfter == result.ColumnTypeBefore, context + Environment.NewLine + "expected the column type to be rolled back");
            Assert.False(result.MigrationRecorded, context);
            Assert.All(result.Rows, row => Assert.False(row.Changed, context));
        }
        else
        {
            Assert.True(result.MigrationRecorded, context + Environment.NewLine + "expected the migration to be recorded");
        }

        if (valuesAfter is not null)
        {
            Assert.True(
                valuesAfter.Select(ValueText.Canonical).SequenceEqual(result.ValuesAfter.Select(ValueText.Canonical)),
                context + Environment.NewLine + "expected values after: " + string.Join(", ", valuesAfter.Select(ValueText.Describe)));
            Assert.All(result.ValuesAfter, v => Assert.True(v is null || v.GetType() == c.New.ClrType, context));
        }

        if (storageAfter is not null)
        {
            Assert.True(
                storageAfter.SequenceEqual(result.Rows.Select(row => row.AfterStorage)),
                context + Environment.NewLine + "expected typeof(v) after: " + string.Join(", ", storageAfter));
        }

        if (outcome == ProbeOutcome.Unchanged)
        {
            Assert.All(result.Rows, row => Assert.True(row.After is null || row.After.GetType() == c.New.ClrType, context));
        }
    }

    private static void AssertGeneratedSql(GroundTruthCase c, ProbeResult result, string context)
    {
        if (c.Provider == DatabaseProvider.PostgreSql)
        {
            // Npgsql writes a bare ALTER COLUMN … TYPE: no USING clause, so only implicit and assignment casts apply.
            var command = Assert.Single(result.Commands);
            Assert.False(command.TransactionSuppressed, context);
            Assert.StartsWith("ALTER TABLE t ALTER COLUMN v TYPE ", command.Sql, StringComparison.Ordinal);
            Assert.DoesNotContain("USING", command.Sql, StringComparison.OrdinalIgnoreCase);
            return;
        }

        // SQLite: a table rebuild that copies with INSERT … SELECT and no cast; the PRAGMAs run outside the
        // transaction, so EF commits the migration in pieces.
        var sql = result.Commands.Select(command => command.Sql.Trim()).ToList();
        Assert.True(sql.Count == 6, context);
        Assert.StartsWith("CREATE TABLE \"ef_temp_t\"", sql[0], StringComparison.Ordinal);
        Assert.Equal("INSERT INTO \"ef_temp_t\" (\"id\", \"v\")\nSELECT \"id\", \"v\"\nFROM \"t\";", sql[1].ReplaceLineEndings("\n"));
        Assert.Equal("PRAGMA foreign_keys = 0;", sql[2]);
        Assert.Equal("DROP TABLE \"t\";", sql[3]);
        Assert.Equal("ALTER TABLE \"ef_temp_t\" RENAME TO \"t\";", sql[4]);
        Assert.Equal("PRAGMA foreign_keys = 1;", sql[5]);
        Assert.Equal(
            new[] { false, false, true, false, false, true },
            result.Commands.Select(command => command.TransactionSuppressed).ToArray());
        Assert.DoesNotContain("CAST", string.Join("\n", sql), StringComparison.OrdinalIgnoreCase);
    }
}
