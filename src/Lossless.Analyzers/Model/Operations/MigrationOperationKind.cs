namespace Lossless.Analyzers.Model.Operations;

/// <summary>
/// The MigrationBuilder method an operation calls. <see cref="Other"/> is any other method that receives the builder
/// (provider extensions such as EnsurePostgresExtension, methods of later EF Core versions): its name is in
/// <see cref="MigrationOperation.MethodName"/>.
/// </summary>
public enum MigrationOperationKind
{
    Other = 0,
    AddCheckConstraint,
    AddColumn,
    AddForeignKey,
    AddPrimaryKey,
    AddUniqueConstraint,
    AlterColumn,
    AlterDatabase,
    AlterSequence,
    AlterTable,

    /// <summary>EF Core 2's name for AddCheckConstraint.</summary>
    CreateCheckConstraint,
    CreateIndex,
    CreateSequence,
    CreateTable,
    DeleteData,
    DropCheckConstraint,
    DropColumn,
    DropForeignKey,
    DropIndex,
    DropPrimaryKey,
    DropSchema,
    DropSequence,
    DropTable,
    DropUniqueConstraint,
    EnsureSchema,
    InsertData,
    RenameColumn,
    RenameIndex,
    RenameSequence,
    RenameTable,
    RestartSequence,
    Sql,
    UpdateData,
}

/// <summary>Names of <see cref="MigrationOperationKind"/>s.</summary>
public static class MigrationOperationKinds
{
    /// <summary>The kind of a MigrationBuilder method by its name; <see cref="MigrationOperationKind.Other"/> for any other.</summary>
    public static MigrationOperationKind FromMethodName(string name) => name switch
    {
        "AddCheckConstraint" => MigrationOperationKind.AddCheckConstraint,
        "AddColumn" => MigrationOperationKind.AddColumn,
        "AddForeignKey" => MigrationOperationKind.AddForeignKey,
        "AddPrimaryKey" => MigrationOperationKind.AddPrimaryKey,
        "AddUniqueConstraint" => MigrationOperationKind.AddUniqueConstraint,
        "AlterColumn" => MigrationOperationKind.AlterColumn,
        "AlterDatabase" => MigrationOperationKind.AlterDatabase,
        "AlterSequence" => MigrationOperationKind.AlterSequence,
        "AlterTable" => MigrationOperationKind.AlterTable,
        "CreateCheckConstraint" => MigrationOperationKind.CreateCheckConstraint,
        "CreateIndex" => MigrationOperationKind.CreateIndex,
        "CreateSequence" => MigrationOperationKind.CreateSequence,
        "CreateTable" => MigrationOperationKind.CreateTable,
        "DeleteData" => MigrationOperationKind.DeleteData,
        "DropCheckConstraint" => MigrationOperationKind.DropCheckConstraint,
        "DropColumn" => MigrationOperationKind.DropColumn,
        "DropForeignKey" => MigrationOperationKind.DropForeignKey,
        "DropIndex" => MigrationOperationKind.DropIndex,
        "DropPrimaryKey" => MigrationOperationKind.DropPrimaryKey,
        "DropSchema" => MigrationOperationKind.DropSchema,
        "DropSequence" => MigrationOperationKind.DropSequence,
        "DropTable" => MigrationOperationKind.DropTable,
        "DropUniqueConstraint" => MigrationOperationKind.DropUniqueConstraint,
        "EnsureSchema" => MigrationOperationKind.EnsureSchema,
        "InsertData" => MigrationOperationKind.InsertData,
        "RenameColumn" => MigrationOperationKind.RenameColumn,
        "RenameIndex" => MigrationOperationKind.RenameIndex,
        "RenameSequence" => MigrationOperationKind.RenameSequence,
        "RenameTable" => MigrationOperationKind.RenameTable,
        "RestartSequence" => MigrationOperationKind.RestartSequence,
        "Sql" => MigrationOperationKind.Sql,
        "UpdateData" => MigrationOperationKind.UpdateData,
        _ => MigrationOperationKind.Other,
    };

    /// <summary>True for operations whose table is their "name" argument (CreateTable, DropTable, RenameTable).</summary>
    public static bool IsTableOperation(MigrationOperationKind kind) => kind is MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable or MigrationOperationKind.RenameTable;
}
