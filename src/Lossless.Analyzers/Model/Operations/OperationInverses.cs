namespace Lossless.Analyzers.Model.Operations;

/// <summary>
/// The catalog's table of inverses: for an operation of Up, the kind of operation in Down that undoes it. LL2003 looks
/// for it (InverseMatcher) and the Generate Down fix writes it (InverseWriter): one table, so they never disagree.
/// </summary>
public static class OperationInverses
{
    /// <summary>
    /// The kind that undoes <paramref name="kind"/>, or null when the catalog knows none (Sql, UpdateData, EnsureSchema,
    /// the Alter* of tables, sequences and databases, RestartSequence, provider operations).
    /// </summary>
    public static MigrationOperationKind? InverseOf(MigrationOperationKind kind) => kind switch
    {
        MigrationOperationKind.CreateTable => MigrationOperationKind.DropTable,
        MigrationOperationKind.DropTable => MigrationOperationKind.CreateTable,
        MigrationOperationKind.AddColumn => MigrationOperationKind.DropColumn,
        MigrationOperationKind.DropColumn => MigrationOperationKind.AddColumn,
        MigrationOperationKind.AlterColumn => MigrationOperationKind.AlterColumn,
        MigrationOperationKind.RenameColumn => MigrationOperationKind.RenameColumn,
        MigrationOperationKind.RenameTable => MigrationOperationKind.RenameTable,
        MigrationOperationKind.RenameIndex => MigrationOperationKind.RenameIndex,
        MigrationOperationKind.RenameSequence => MigrationOperationKind.RenameSequence,
        MigrationOperationKind.CreateIndex => MigrationOperationKind.DropIndex,
        MigrationOperationKind.DropIndex => MigrationOperationKind.CreateIndex,
        MigrationOperationKind.AddForeignKey => MigrationOperationKind.DropForeignKey,
        MigrationOperationKind.DropForeignKey => MigrationOperationKind.AddForeignKey,
        MigrationOperationKind.AddPrimaryKey => MigrationOperationKind.DropPrimaryKey,
        MigrationOperationKind.DropPrimaryKey => MigrationOperationKind.AddPrimaryKey,
        MigrationOperationKind.AddUniqueConstraint => MigrationOperationKind.DropUniqueConstraint,
        MigrationOperationKind.DropUniqueConstraint => MigrationOperationKind.AddUniqueConstraint,
        MigrationOperationKind.AddCheckConstraint or MigrationOperationKind.CreateCheckConstraint => MigrationOperationKind.DropCheckConstraint,
        MigrationOperationKind.DropCheckConstraint => MigrationOperationKind.AddCheckConstraint,
        MigrationOperationKind.DropSchema => MigrationOperationKind.EnsureSchema,
        MigrationOperationKind.InsertData => MigrationOperationKind.DeleteData,
        MigrationOperationKind.DeleteData => MigrationOperationKind.InsertData,
        MigrationOperationKind.CreateSequence => MigrationOperationKind.DropSequence,
        MigrationOperationKind.DropSequence => MigrationOperationKind.CreateSequence,
        _ => null,
    };

    /// <summary>True when <paramref name="candidate"/> is the kind that undoes <paramref name="kind"/> (a DropCheckConstraint is undone by either spelling of the add).</summary>
    public static bool IsInverseKind(MigrationOperationKind kind, MigrationOperationKind candidate)
        => InverseOf(kind) == candidate
        || (kind == MigrationOperationKind.DropCheckConstraint && candidate == MigrationOperationKind.CreateCheckConstraint);

    /// <summary>True for the kinds whose inverse LL2003 looks for: those the table knows an inverse of.</summary>
    public static bool HasInverse(MigrationOperationKind kind) => InverseOf(kind) is not null;

    /// <summary>True for an operation that creates what it names (its inverse drops it).</summary>
    public static bool Creates(MigrationOperationKind kind) => kind is MigrationOperationKind.CreateTable or MigrationOperationKind.AddColumn
        or MigrationOperationKind.CreateIndex or MigrationOperationKind.AddForeignKey or MigrationOperationKind.AddPrimaryKey
        or MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.AddCheckConstraint or MigrationOperationKind.CreateCheckConstraint
        or MigrationOperationKind.CreateSequence or MigrationOperationKind.InsertData;
}
