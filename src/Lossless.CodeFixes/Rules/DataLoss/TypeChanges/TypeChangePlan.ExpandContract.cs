using System;
using System.Collections.Generic;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql.Conversions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>LL1002: expand/contract, when converting in place is impossible or unwanted.</summary>
internal sealed partial class TypeChangePlan
{
    /// <summary>What an AlterColumn may say for expand/contract to rewrite it exactly: types, facets and nullability.</summary>
    private static readonly HashSet<string> Rewritable = new(StringComparer.Ordinal)
    {
        "name", "schema", "table", "type", "maxLength", "precision", "scale", "unicode", "fixedLength", "nullable",
        "oldClrType", "oldType", "oldMaxLength", "oldPrecision", "oldScale", "oldUnicode", "oldFixedLength", "oldNullable",
    };

    private static readonly string[] NewFacets = { "maxLength", "precision", "scale", "unicode", "fixedLength" };

    /// <summary>
    /// Replaces the AlterColumn with: a new nullable column of the new type, a verified copy with an explicit
    /// conversion, dropping the old column, renaming the new one, and making it required when it was; Down's inverse
    /// AlterColumn becomes the same steps the other way. PostgreSQL and SQL Server.
    /// </summary>
    public bool ExpandContract(MigrationOperation alterColumn)
    {
        if (Provider is not (DatabaseProvider.PostgreSql or DatabaseProvider.SqlServer) || !ReplaceByCopy(alterColumn, "_new", rollback: false))
        {
            return false;
        }

        // Down's inverse is rewritten the other way; a Down that undoes the change some other way (under a renamed name,
        // in code that cannot be read) would no longer match Up's new steps, so then nothing is written.
        var model = Migration.Model;
        var inverses = LoadedMigration.OnColumn(model.Down, MigrationOperationKind.AlterColumn, ColumnOf(alterColumn));
        return inverses.Count == 1 ? ReplaceByCopy(inverses[0], "_old", rollback: true) : model.Down.IsEmpty && !model.IsDownOpaque;
    }

    /// <summary>True when an AlterColumn says no more than types, facets and nullability, and names its CLR type: expand/contract can rewrite it exactly.</summary>
    public static bool CanRewrite(InvocationExpressionSyntax invocation)
    {
        if (DocumentEdits.TypeArgument(invocation) is null)
        {
            return false;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.NameColon is { } name && !Rewritable.Contains(name.Name.Identifier.ValueText))
            {
                return false;
            }
        }

        return true;
    }

    private bool ReplaceByCopy(MigrationOperation alterColumn, string suffix, bool rollback)
    {
        if (!TryConversion(Migration, alterColumn, out var conversion)
            || !ValueCheck.TryCreate(conversion, out var check)
            || Migration.StatementOf(alterColumn) is not { } statement
            || LoadedMigration.ReceiverOf(alterColumn) is not { } receiver
            || alterColumn.Invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } }
            || generic.TypeArgumentList.Arguments.Count != 1
            || !TryFacets(alterColumn, out var facets))
        {
            return false;
        }

        var clrType = generic.TypeArgumentList.Arguments[0].ToString();
        var column = conversion.Column;
        var temporary = UnusedName(column, column.Column + suffix);
        var required = alterColumn["nullable"].Value is not true;
        var what = rollback ? "the rollback" : "the migration";

        var code = Edits.Code(receiver)
            .Comment("Convert " + column + " through a new column, so the old values stay in place until every one is copied and checked.")
            .Call("AddColumn", clrType, Column(column, temporary, conversion.To.Text, facets, new Argument("nullable", "true")))
            .Comment(check is null
                ? "Copy every value with an explicit conversion, and stop " + what + " before it changes anything unless all arrived."
                : "Stop " + what + " before it changes anything if a value would not convert, else copy every value with an explicit conversion and check that all arrived.")
            .Sql(ConversionStep.Copy(conversion, check, temporary))
            .Comment("Every value is in " + temporary + ": drop the old column and give the new one its name.")
            .Call("DropColumn", null, Table(column, column.Column))
            .Call("RenameColumn", null, Append(Table(column, temporary), Argument.String("newName", column.Column)));
        if (required)
        {
            var arguments = new List<Argument>(Column(column, column.Column, conversion.To.Text, facets, new Argument("nullable", "false")));
            arguments.Add(new Argument("oldClrType", "typeof(" + clrType + ")"));
            arguments.Add(Argument.String("oldType", conversion.To.Text));
            foreach (var facet in facets)
            {
                arguments.Add(new Argument("old" + char.ToUpperInvariant(facet.Name[0]) + facet.Name.Substring(1), facet.Code));
            }

            arguments.Add(new Argument("oldNullable", "true"));
            code.Comment("Every row has a value again: make the column required, as it was.")
                .Call("AlterColumn", clrType, arguments.ToArray());
        }

        // The steps replace the AlterColumn itself; comments above it stay above the first step.
        Edits.Replace(statement, code);
        return true;
    }

    /// <summary>The facets of the new type as the AlterColumn writes them (maxLength: 255, …); false when it says more than types and nullability.</summary>
    private static bool TryFacets(MigrationOperation alterColumn, out List<Argument> facets)
    {
        facets = new List<Argument>();
        foreach (var argument in alterColumn.Invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (!Rewritable.Contains(parameter.Name))
            {
                return false;
            }

            if (Array.IndexOf(NewFacets, parameter.Name) >= 0)
            {
                facets.Add(new Argument(parameter.Name, argument.Value.Syntax.ToString()));
            }
        }

        return true;
    }

    private static Argument[] Column(ColumnRef column, string name, string type, List<Argument> facets, Argument nullable)
    {
        var arguments = new List<Argument>(Table(column, name)) { Argument.String("type", type) };
        arguments.AddRange(facets);
        arguments.Add(nullable);
        return arguments.ToArray();
    }

    private static Argument[] Table(ColumnRef column, string name)
    {
        var arguments = new List<Argument> { Argument.String("name", name) };
        if (column.Schema is { } schema)
        {
            arguments.Add(Argument.String("schema", schema));
        }

        arguments.Add(Argument.String("table", column.Table));
        return arguments.ToArray();
    }

    private static Argument[] Append(Argument[] arguments, Argument last)
    {
        var result = new Argument[arguments.Length + 1];
        arguments.CopyTo(result, 0);
        result[arguments.Length] = last;
        return result;
    }

    /// <summary>The name, or the name with a number, that no column of the table has in the target or the previous model.</summary>
    private string UnusedName(ColumnRef column, string name)
    {
        var candidate = name;
        for (var n = 2; Exists(Migration.Model.TargetModel, column, candidate) || Exists(Migration.Model.PreviousTargetModel, column, candidate); n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static bool Exists(TargetModel? model, ColumnRef column, string name)
    {
        if (model?.FindTable(column.Schema, column.Table) is not { } table)
        {
            return false;
        }

        foreach (var candidate in table.Columns)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
