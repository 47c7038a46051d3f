using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Lossless.Analyzers.Model.StoreTypes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.Analyzers.Model.Targets;

/// <summary>
/// Reads BuildTargetModel from a migration's .Designer.cs partial. The Designer file is generated code of a fixed
/// shape (modelBuilder.Entity("Ns.Type", b =&gt; { b.Property&lt;T&gt;("P")…; b.HasKey(…); b.ToTable(…); }), so it is
/// read from syntax alone: no semantic model, no binding.
/// </summary>
internal static class TargetModelReader
{
    private static int _reads;

    /// <summary>Times a migration's target model was asked for in this process; the benchmark counts Designer parses with it.</summary>
    internal static int Reads => Volatile.Read(ref _reads);

    public static TargetModel? Read(INamedTypeSymbol migration, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return FindBuildTargetModel(migration, cancellationToken) is var (body, builderName)
            ? ReadModel(body, builderName, cancellationToken)
            : null;
    }

    /// <summary>
    /// Reads only the keys of a migration's target model: primary keys and foreign keys, resolved to column names.
    /// Property statements are skipped; only the properties a key names are looked up, for their HasColumnName. The
    /// key rules run on every migration that changes a column's type, and a long-lived project's Designer holds
    /// thousands of property statements.
    /// </summary>
    public static TargetKeys? ReadKeys(INamedTypeSymbol migration, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return FindBuildTargetModel(migration, cancellationToken) is var (body, builderName)
            ? ReadKeys(body, builderName, cancellationToken)
            : null;
    }

    internal static (BlockSyntax Body, string BuilderName)? FindBuildTargetModel(INamedTypeSymbol migration, CancellationToken cancellationToken)
    {
        foreach (var reference in migration.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var member in declaration.Members)
            {
                if (member is MethodDeclarationSyntax { Identifier.ValueText: "BuildTargetModel", Body: { } body } method
                    && method.ParameterList.Parameters.Count == 1)
                {
                    return (body, method.ParameterList.Parameters[0].Identifier.ValueText);
                }
            }
        }

        return null;
    }

    /// <summary>Reads the keys of a BuildTargetModel / BuildModel body. Internal for tests.</summary>
    internal static TargetKeys ReadKeys(BlockSyntax body, string modelBuilderName, CancellationToken cancellationToken)
    {
        var (entities, order) = ReadEntities(body, modelBuilderName, Reading.Tables, cancellationToken);
        return Keys(entities, order);
    }

    /// <summary>
    /// The keys of a scanned Designer (<see cref="ScanTables"/> reads the key and relationship statements too), the same
    /// keys <see cref="ReadKeys(BlockSyntax, string, CancellationToken)"/> reads, without a second walk of the body. Not
    /// thread-safe: the caller holds a lock.
    /// </summary>
    internal static TargetKeys KeysOf(TableScan scan) => Keys(scan.Entities, scan.Order);

    private static TargetKeys Keys(Dictionary<string, EntityBuilder> entities, List<EntityBuilder> order)
    {
        var primaryKeys = ImmutableArray.CreateBuilder<TargetPrimaryKey>();
        foreach (var entity in order)
        {
            if (entity.BaseType is null && TableOf(entity, entities, 0) is { } table)
            {
                primaryKeys.Add(new TargetPrimaryKey(table, ColumnNames(entity, entity.Key, entities)));
            }
        }

        return new TargetKeys(primaryKeys.ToImmutable(), ForeignKeys(entities, order));
    }

    /// <summary>Reads a BuildTargetModel / BuildModel body. Internal for tests and for the previous-model readers.</summary>
    internal static TargetModel ReadModel(BlockSyntax body, string modelBuilderName, CancellationToken cancellationToken)
    {
        var (entities, order) = ReadEntities(body, modelBuilderName, Reading.Full, cancellationToken);
        var tables = ImmutableArray.CreateBuilder<TargetTable>();
        foreach (var entity in order)
        {
            var table = TableOf(entity, entities, 0);
            if (table is null || entity.BaseType is not null)
            {
                continue;
            }

            var columns = ImmutableArray.CreateBuilder<TargetColumn>();
            foreach (var candidate in order)
            {
                if (ReferenceEquals(RootOf(candidate, entities, 0), entity))
                {
                    foreach (var property in candidate.Properties)
                    {
                        columns.Add(property.Build());
                    }
                }
            }

            var targetTable = new TargetTable(table.Value.Schema, table.Value.Name, columns.ToImmutable(), ColumnNames(entity, entity.Key, entities));
            CompleteTable(targetTable, entity, order, entities);
            tables.Add(targetTable);
        }

        return new TargetModel(tables.ToImmutable(), ForeignKeys(entities, order)) { MaxIdentifierLength = MaxIdentifierLength(body, modelBuilderName) };
    }

    /// <summary>modelBuilder.HasAnnotation("Relational:MaxIdentifierLength", 63), among the statements on the model builder itself.</summary>
    private static int? MaxIdentifierLength(BlockSyntax body, string modelBuilderName)
    {
        foreach (var statement in body.Statements)
        {
            if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call })
            {
                continue;
            }

            for (var current = call; current is not null; current = (current.Expression as MemberAccessExpressionSyntax)?.Expression as InvocationExpressionSyntax)
            {
                if (current.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasAnnotation" }
                    && current.ArgumentList.Arguments.Count == 2
                    && StringValue(current.ArgumentList.Arguments[0].Expression) == "Relational:MaxIdentifierLength"
                    && current.ArgumentList.Arguments[1].Expression is LiteralExpressionSyntax { Token.Value: int length })
                {
                    return length;
                }
            }

            if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entity" })
            {
                // The model's own annotations come first: past the first entity there are none.
                break;
            }
        }

        return null;
    }

    private static (Dictionary<string, EntityBuilder> Entities, List<EntityBuilder> Order) ReadEntities(
        BlockSyntax body, string modelBuilderName, Reading reading, CancellationToken cancellationToken, TableScan? previous = null, SourceText? text = null, List<ScanStatement>? statements = null)
    {
        var entities = new Dictionary<string, EntityBuilder>(StringComparer.Ordinal);
        var order = new List<EntityBuilder>();
        var bodyStart = body.SpanStart;
        var builders = statements is null ? null : StatementBuilders(body.Statements.Count);
        foreach (var statement in body.Statements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entityStatement = EntityStatement(statement, modelBuilderName);
            statements?.Add(new ScanStatement(statement.SpanStart - bodyStart, statement.Span.End - bodyStart, entityStatement?.Entity));
            if (builders is not null)
            {
                builders[statements!.Count - 1] = null;
            }

            if (entityStatement is var (entityName, lambda))
            {
                if (!entities.TryGetValue(entityName, out var entity))
                {
                    entity = new EntityBuilder(entityName);
                    entities.Add(entityName, entity);
                    order.Add(entity);
                }

                if (builders is not null)
                {
                    builders[statements!.Count - 1] = entity;
                    entity.StatementCount++;
                }

                if (reading == Reading.Full)
                {
                    ReadEntity(entity, lambda, reading);
                }
                else
                {
                    (entity.Blocks ??= new List<SimpleLambdaExpressionSyntax>(2)).Add(lambda);
                }
            }
        }

        if (statements is not null)
        {
            ListStatements(statements, builders!, previous);
        }

        if (reading != Reading.Full)
        {
            // Each entity's blocks are read together (an entity's reading depends on its own statements alone), or, when
            // they are the same text as in the previous Designer, that Designer's reading of them is taken as it is.
            foreach (var entity in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (previous is null || text is null || !TakeFrom(previous, entity, text))
                {
                    foreach (var block in entity.Blocks!)
                    {
                        ReadEntity(entity, block, reading);
                    }
                }

                entity.Scanned = new ScannedEntity(entity, entity.StatementsHere);
            }
        }

        return (entities, order);
    }

    /// <summary>
    /// Gives <paramref name="entity"/> the previous Designer's scan of the same entity when every block of it is the same
    /// text there: the scan is a function of the blocks' syntax alone, and the same text parses to the same syntax. A
    /// migration's Designer repeats the previous one's model but for what the migration changed, so most of a long-lived
    /// project's entities are compared, not read. False (nothing taken) when any block differs or holds a directive.
    /// </summary>
    private static bool TakeFrom(TableScan previous, EntityBuilder entity, SourceText text)
    {
        if (!previous.Entities.TryGetValue(entity.Name, out var old)
            || old.Scanned is not { } scanned
            || scanned.BlockCount != entity.Blocks!.Count)
        {
            return false;
        }

        // The other scan's blocks are in the tree of the scan that read them (an entity's reading may be shared by scans
        // of several Designers): compared with that tree's text.
        var theirBlocks = scanned.Blocks;
        for (var i = 0; i < theirBlocks.Count; i++)
        {
            var (mine, theirs) = (entity.Blocks[i], theirBlocks[i]);
            if (mine.ContainsDirectives || theirs.ContainsDirectives
                || !theirs.SyntaxTree.TryGetText(out var theirText)
                || !SameText(text, mine.Span, theirText, theirs.Span))
            {
                return false;
            }
        }

        entity.TakeReading(scanned);
        return true;
    }

    [ThreadStatic]
    private static char[]? _mine;

    [ThreadStatic]
    private static char[]? _theirs;

    [ThreadStatic]
    private static EntityBuilder?[]? _statementBuilders;

    /// <summary>Whether two spans of source text hold the same characters, compared a chunk at a time without strings.</summary>
    private static bool SameText(SourceText text, TextSpan span, SourceText otherText, TextSpan otherSpan)
    {
        if (span.Length != otherSpan.Length)
        {
            return false;
        }

        var mine = _mine ??= new char[4096];
        var theirs = _theirs ??= new char[4096];
        for (var offset = 0; offset < span.Length; offset += mine.Length)
        {
            var count = Math.Min(mine.Length, span.Length - offset);
            text.CopyTo(span.Start + offset, mine, 0, count);
            otherText.CopyTo(otherSpan.Start + offset, theirs, 0, count);
            if (!new ReadOnlySpan<char>(mine, 0, count).SequenceEqual(new ReadOnlySpan<char>(theirs, 0, count)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>modelBuilder.Entity("Ns.Type", b =&gt; { … }): the entity's name and its block; null for any other statement.</summary>
    internal static (string Entity, SimpleLambdaExpressionSyntax Block)? EntityStatement(StatementSyntax statement, string modelBuilderName)
        => statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call }
            && call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entity", Expression: IdentifierNameSyntax receiver }
            && receiver.Identifier.ValueText == modelBuilderName
            && call.ArgumentList.Arguments.Count == 2
            && StringValue(call.ArgumentList.Arguments[0].Expression) is { } entityName
            && call.ArgumentList.Arguments[1].Expression is SimpleLambdaExpressionSyntax lambda
                ? (entityName, lambda)
                : null;

    /// <summary>
    /// The table whose columns the entity's properties are (its root entity's table, as <see cref="ReadModel"/> builds
    /// tables), and whether another root entity maps to the same table (table splitting); null when the scan has no such
    /// entity or it maps to no table. Not thread-safe: the caller holds a lock.
    /// </summary>
    internal static (ColumnRefTable Table, bool Shared)? TableOfEntity(TableScan scan, string entityName)
    {
        if (!scan.Entities.TryGetValue(entityName, out var entity)
            || RootOf(entity, scan.Entities, 0) is not { } root
            || root.BaseType is not null
            || TableOf(root, scan.Entities, 0) is not { } table)
        {
            return null;
        }

        var shared = false;
        foreach (var other in scan.Order)
        {
            if (!ReferenceEquals(other, root) && other.BaseType is null && other.Table is { } name
                && string.Equals(name, table.Name, StringComparison.Ordinal) && ColumnRef.SchemasMatch(other.Schema, table.Schema))
            {
                shared = true;
                break;
            }
        }

        return (table, shared);
    }

    /// <summary>
    /// The foreign keys whose dependent table is <paramref name="table"/>, as <see cref="KeysOf"/> gives them, in the same
    /// order: the other relationships are not resolved. Not thread-safe: the caller holds a lock.
    /// </summary>
    internal static ImmutableArray<TargetForeignKey> ForeignKeysFrom(TableScan scan, string? schema, string table)
        => ForeignKeys(scan.Entities, scan.Order, dependentOnly: new ColumnRefTable(schema, table));

    /// <summary>
    /// The foreign keys whose principal table is <paramref name="table"/>, as <see cref="KeysOf"/> gives them, in the same
    /// order: the other relationships are not resolved. Not thread-safe: the caller holds a lock.
    /// </summary>
    internal static ImmutableArray<TargetForeignKey> ForeignKeysTo(TableScan scan, string? schema, string table)
        => ForeignKeys(scan.Entities, scan.Order, principalOnly: new ColumnRefTable(schema, table));

    private static ImmutableArray<TargetForeignKey> ForeignKeys(
        Dictionary<string, EntityBuilder> entities, List<EntityBuilder> order, ColumnRefTable? dependentOnly = null, ColumnRefTable? principalOnly = null)
    {
        var foreignKeys = ImmutableArray.CreateBuilder<TargetForeignKey>();
        foreach (var entity in order)
        {
            foreach (var relationship in entity.Relationships)
            {
                var dependent = relationship.DependentEntity is { } dependentName && entities.TryGetValue(dependentName, out var named) ? named : entity;
                if (!entities.TryGetValue(relationship.PrincipalEntity, out var principal)
                    || TableOf(dependent, entities, 0) is not { } dependentTable
                    || (dependentOnly is { } only && !(string.Equals(dependentTable.Name, only.Name, StringComparison.Ordinal) && ColumnRef.SchemasMatch(dependentTable.Schema, only.Schema)))
                    || TableOf(principal, entities, 0) is not { } principalTable
                    || (principalOnly is { } to && !(string.Equals(principalTable.Name, to.Name, StringComparison.Ordinal) && ColumnRef.SchemasMatch(principalTable.Schema, to.Schema)))
                    || relationship.ForeignKey.Count == 0)
                {
                    continue;
                }

                var principalKey = relationship.PrincipalKey.Count > 0 ? relationship.PrincipalKey : KeyOf(principal, entities, 0);
                var columns = ColumnNames(dependent, relationship.ForeignKey, entities);
                var principalColumns = ColumnNames(principal, principalKey, entities);
                if (columns.IsEmpty || principalColumns.Length != columns.Length)
                {
                    continue;
                }

                foreignKeys.Add(new TargetForeignKey(relationship.Name, dependentTable, columns, principalTable, principalColumns, relationship.OnDelete));
            }
        }

        return foreignKeys.ToImmutable();
    }

    private static void ReadEntity(EntityBuilder entity, SimpleLambdaExpressionSyntax lambda, Reading reading)
    {
        var builderName = lambda.Parameter.Identifier.ValueText;
        var statements = lambda.Block?.Statements ?? default;
        if (lambda.Block is null && lambda.ExpressionBody is InvocationExpressionSyntax single)
        {
            ReadStatement(entity, single, builderName, reading);
            return;
        }

        foreach (var statement in statements)
        {
            if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call })
            {
                ReadStatement(entity, call, builderName, reading, statements.Count);
            }
        }
    }

    /// <summary>Reads one statement of an entity block; for the scan, says what it gave the entity (Other for the full reading).</summary>
    private static BlockStatementKind ReadStatement(EntityBuilder entity, InvocationExpressionSyntax outermost, string builderName, Reading reading, int capacity = 4)
    {
        if (reading == Reading.Full)
        {
            ReadEntityStatement(entity, outermost, builderName);
            return BlockStatementKind.Other;
        }

        // The scan: the statements that say which table each entity maps to, its base type, its keys and relationships
        // (one walk serves tables and keys). Property statements, most of a Designer, are not read: the few a key
        // names are looked up afterwards (TryGetColumnName), the rest per table on demand.
        if (RootCall(outermost, builderName) is not var (call, name))
        {
            return BlockStatementKind.Other;
        }

        switch (name)
        {
            case "HasKey" or "HasOne" or "ToTable" or "HasBaseType":
                return ReadStructure(entity, outermost, call, name);
            case "Property":
                // What two Designers are compared by (DesignerModel.TablesChangedSince): each property's name, CLR type
                // and column name, in order, taken from the chain the scan walks anyway.
                (entity.Signature ??= new List<PropertySignature>(capacity)).Add(new PropertySignature(
                    call.ArgumentList.Arguments.Count >= 1 ? StringValue(call.ArgumentList.Arguments[0].Expression) : null,
                    call.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic } ? generic.TypeArgumentList.Arguments[0] : null,
                    ColumnNameIn(outermost)));
                return BlockStatementKind.Property;
            default:
                return BlockStatementKind.Other;
        }
    }

    /// <summary>How much of each entity block a reading takes in.</summary>
    private enum Reading
    {
        /// <summary>Every statement of every entity block.</summary>
        Full,

        /// <summary>Tables, base types, keys, relationships and property signatures; the blocks kept for the rest.</summary>
        Tables,
    }

    /// <summary>
    /// The entities of a BuildTargetModel body with only their tables, base types, keys, relationships and property
    /// signatures read: what <see cref="ReadTable"/> needs to read one table's entities and nothing else.
    /// </summary>
    internal sealed class TableScan
    {
        private static long _made;

        public TableScan(
            Dictionary<string, EntityBuilder> entities,
            List<EntityBuilder> order,
            SourceText? text,
            BlockSyntax body,
            string builderName,
            ScanStatement[] statements,
            bool clean,
            TableScan? from = null,
            int taken = 0)
        {
            Id = Interlocked.Increment(ref _made);
            FromId = taken > 0 ? from!.Id : 0;
            Taken = taken;
            Entities = entities;
            Order = order;
            Text = text;
            BodyStart = body.SpanStart;
            BodyLength = body.Span.Length;
            BuilderName = builderName;
            Statements = statements;
            Clean = clean;
        }

        /// <summary>This scan, among the scans of the process (never 0).</summary>
        public long Id { get; }

        /// <summary>
        /// The scan whose reading of <see cref="Taken"/> entities this one took (<see cref="EntityBuilder.Taken"/>), by
        /// <see cref="Id"/> (not held: a scan would keep every scan before it alive); 0 when none was taken.
        /// </summary>
        public long FromId { get; }

        /// <summary>How many entities were taken from that scan.</summary>
        public int Taken { get; }

        /// <summary>Where the BuildTargetModel body starts in <see cref="Text"/>, and its length.</summary>
        public int BodyStart { get; }

        public int BodyLength { get; }

        public string BuilderName { get; }

        /// <summary>Every statement of the body, in order: its span from <see cref="BodyStart"/> and the entity it configures.</summary>
        public ScanStatement[] Statements { get; }

        /// <summary>
        /// Whether the body parsed without error and has no directive among its statements: its text can be compared with
        /// another's.
        /// </summary>
        public bool Clean { get; }

        /// <summary>The entities by name. Neither it nor <see cref="Order"/> changes after the scan.</summary>
        public Dictionary<string, EntityBuilder> Entities { get; }

        public List<EntityBuilder> Order { get; }

        /// <summary>The Designer's source text, when its syntax tree holds it (the next Designer's scan compares with it).</summary>
        public SourceText? Text { get; }
    }

    /// <summary>
    /// Reads which table each entity maps to (ToTable, HasBaseType), its keys, relationships and property signatures,
    /// keeping each entity's blocks for <see cref="ReadTable"/>. With the previous migration's scan, an entity whose
    /// blocks are the same text in both Designers takes that scan's reading instead of being read again.
    /// </summary>
    internal static TableScan ScanTables(BlockSyntax body, string modelBuilderName, CancellationToken cancellationToken, TableScan? previous = null)
    {
        Interlocked.Increment(ref _reads);
        var text = body.SyntaxTree.TryGetText(out var found) ? found : null;

        // Only a body that parsed without error and whose statements hold no directive but the #pragma warning and
        // #nullable lines EF Core writes is compared as text: each statement then reads as its text says, whatever comes
        // after it, and the same text after a statement boundary parses to the same statements.
        var parsed = text is not null && !body.ContainsDiagnostics;
        if (parsed && previous is { Clean: true, Text: not null }
            && string.Equals(previous.BuilderName, modelBuilderName, StringComparison.Ordinal)
            && ScanAfterByText(body, modelBuilderName, text!, previous, cancellationToken) is { } diffed)
        {
            return diffed;
        }

        var statements = new List<ScanStatement>(body.Statements.Count);
        var (entities, order) = ReadEntities(body, modelBuilderName, Reading.Tables, cancellationToken, previous, text, statements);
        var clean = parsed;
        foreach (var statement in body.Statements)
        {
            clean = clean && NoDirectiveBut(statement);
        }

        var taken = 0;
        foreach (var entity in order)
        {
            taken += entity.Taken ? 1 : 0;
        }

        return new TableScan(entities, order, text, body, modelBuilderName, statements.ToArray(), clean, previous, taken);
    }

    /// <summary>
    /// The scan of a Designer made from another Designer's scan by comparing their BuildTargetModel bodies as text: the
    /// statements in the text both begin with and the text both end with are that scan's statements (their spans
    /// shifted at the end), and an entity all of whose blocks stand there, as many as it had, is taken as that scan read
    /// it, without its syntax being walked (Roslyn holds a method body's statements weakly, so walking them after the
    /// compile builds every node again). Only the statements between are walked, to learn which entity each configures;
    /// an entity with one of them is taken when its statements are the same text as its statements there, one by one,
    /// and read otherwise. Null when the two bodies do not line up or a walked statement holds a directive (then the
    /// statements are all walked).
    /// </summary>
    private static TableScan? ScanAfterByText(BlockSyntax body, string builderName, SourceText text, TableScan previous, CancellationToken cancellationToken)
    {
        var bodyStart = body.SpanStart;
        var length = body.Span.Length;
        var (prefix, suffix) = CommonEnds(text, bodyStart, length, previous.Text!, previous.BodyStart, previous.BodyLength);
        var old = previous.Statements;
        var statementList = body.Statements;
        var count = statementList.Count;

        // The statements before the first difference; those after the last one, counted from the end.
        var (head, tail) = WithinEnds(old, prefix, suffix, previous.BodyLength);

        // The statements of the text both begin and end with stand as in the other Designer, and hold no directive, as
        // the other Designer's did (the first of those at the end holds the trivia after the last difference: looked at).
        var shift = length - previous.BodyLength;
        if (head + tail > count
            || (head > 0 && !Stands(statementList[head - 1], bodyStart, old[head - 1], 0))
            || (tail > 0 && (!Stands(statementList[count - tail], bodyStart, old[old.Length - tail], shift) || !NoDirectiveBut(statementList[count - tail]))))
        {
            return null;
        }

        var statements = new ScanStatement[count];
        SimpleLambdaExpressionSyntax?[]? lambdas = null;

        // Which of the other Designer's statements each one is the same text as, when that is known: the ones both
        // begin and end with, and those between found equal below; -1 for the others.
        var same = new int[count];
        Array.Copy(old, statements, head);
        for (var i = 0; i < head; i++)
        {
            same[i] = i;
        }

        for (var i = count - tail; i < count; i++)
        {
            var before = old[i - count + old.Length];
            statements[i] = new ScanStatement(before.Start + shift, before.End + shift, before.Entity);
            same[i] = i - count + old.Length;
        }

        // Between the differences, a statement that is the same text as the other Designer's next one there (or the one
        // after it: one statement added, dropped or changed before it) configures the same entity; only the others are
        // walked below the statement to learn which.
        var next = head;
        var nextEnd = old.Length - tail;
        for (var i = head; i < count - tail; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var statement = statementList[i];
            if (!NoDirectiveBut(statement))
            {
                return null;
            }

            var start = statement.SpanStart - bodyStart;
            var end = statement.Span.End - bodyStart;
            var match = next < nextEnd && SameStatementText(text, bodyStart, start, end, previous, old[next]) ? next
                : next + 1 < nextEnd && SameStatementText(text, bodyStart, start, end, previous, old[next + 1]) ? next + 1
                : -1;
            same[i] = match;
            if (match >= 0)
            {
                statements[i] = new ScanStatement(start, end, old[match].Entity);
                next = match + 1;

                // The statements after it stand as after its match for as long as the text both go on with is the same
                // (most often up to the next difference): taken from where they stand there, shifted, without being
                // walked, the last of them checked where it stands.
                var run = SameRun(text, bodyStart, length, end, statementList, i, count - tail, previous, match, nextEnd);
                var by = start - old[match].Start;
                for (var r = 1; r <= run; r++)
                {
                    var stood = old[match + r];
                    statements[i + r] = new ScanStatement(stood.Start + by, stood.End + by, stood.Entity);
                    same[i + r] = match + r;
                }

                i += run;
                next += run;
                continue;
            }

            var entityStatement = EntityStatement(statement, builderName);
            statements[i] = new ScanStatement(start, end, entityStatement?.Entity);
            if (entityStatement is var (_, walked))
            {
                (lambdas ??= new SimpleLambdaExpressionSyntax?[count])[i] = walked;
            }
        }

        // Each entity, and whether one of its statements is between the two differences (sized as the other scan: most
        // Designers have the entities of the one before).
        var entities = new Dictionary<string, EntityBuilder>(previous.Order.Count + 4, StringComparer.Ordinal);
        var order = new List<EntityBuilder>(previous.Order.Count + 4);
        var builders = StatementBuilders(count);
        for (var i = 0; i < count; i++)
        {
            if (statements[i].Entity is not { } name)
            {
                builders[i] = null;
                continue;
            }

            if (!entities.TryGetValue(name, out var entity))
            {
                entity = new EntityBuilder(name);
                entities.Add(name, entity);
                order.Add(entity);
            }

            builders[i] = entity;
            entity.StatementCount++;
            entity.Changed |= i >= head && i < count - tail;
        }

        ListStatements(statements, builders, previous);
        var taken = 0;
        ScanBody? scanBody = null;
        foreach (var entity in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var list = entity.StatementsHere!;
            ScannedEntity? takenFrom = null;
            if (previous.Entities.TryGetValue(entity.Name, out var them)
                && them.Scanned is { StatementIndexes: { } theirs } scanned
                && theirs.Length == list.Length
                && (!entity.Changed || SameStatements(text, bodyStart, statements, list, same, previous, theirs)))
            {
                // Every block stands where the other Designer has the same text (or is the same text as its block there),
                // and that Designer's entity has no other: its blocks are these, in this order.
                entity.TakeReading(scanned);
                takenFrom = scanned;
                entity.PendingBody = scanBody ??= new ScanBody(body, builderName);
                taken++;
                if (ReferenceEquals(list, theirs))
                {
                    // Its statements are that scan's, at the same indexes: what that scan kept of it is what this one
                    // would keep (its blocks, found when asked in either body, are the same text).
                    entity.Scanned = scanned;
                    continue;
                }
            }
            else
            {
                var blocks = new List<SimpleLambdaExpressionSyntax>(list.Length);
                foreach (var index in list)
                {
                    if ((lambdas?[index] ?? EntityStatement(statementList[index], builderName)?.Block) is { } block)
                    {
                        blocks.Add(block);
                    }
                }

                entity.Blocks = blocks;
                ReadBlocks(entity, blocks, text, them?.Scanned);
            }

            entity.Scanned = new ScannedEntity(entity, list, takenFrom);
        }

        return new TableScan(entities, order, text, body, builderName, statements, clean: true, previous, taken);
    }

    /// <summary>
    /// Gives each entity the indexes of its statements in <paramref name="statements"/>, in order, one array each (a scan
    /// of ErsatzTV's 395 Designers lists some 40,000 entities), or, when they are the indexes <paramref name="other"/>
    /// scan listed for the entity (most are: a Designer adds to the end of its predecessor's model), that scan's array,
    /// which is never changed after its scan. <paramref name="builders"/> holds the entity of each statement (null for a
    /// statement that configures none) and each entity its <see cref="EntityBuilder.StatementCount"/>, from the loop that
    /// made the entities: listing looks no name up but the other scan's, once an entity.
    /// </summary>
    private static void ListStatements(IReadOnlyList<ScanStatement> statements, EntityBuilder?[] builders, TableScan? other)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            if (builders[i] is not { } entity)
            {
                continue;
            }

            builders[i] = null;
            if (entity.StatementsHere is null)
            {
                var theirs = other is not null
                    && other.Entities.TryGetValue(entity.Name, out var them)
                    && them.Scanned?.StatementIndexes is { } indexes
                    && indexes.Length == entity.StatementCount
                    ? indexes
                    : null;
                entity.StatementsHere = theirs ?? new int[entity.StatementCount];
                entity.SharesStatements = theirs is not null;
            }

            var listed = entity.StatementsHere;
            if (entity.SharesStatements && listed[entity.Listed] != i)
            {
                // Not the other scan's indexes after all: the entity's own array, with what was listed so far.
                var own = new int[listed.Length];
                Array.Copy(listed, own, entity.Listed);
                entity.StatementsHere = listed = own;
                entity.SharesStatements = false;
            }

            if (!entity.SharesStatements)
            {
                listed[entity.Listed] = i;
            }

            entity.Listed++;
        }
    }

    /// <summary>
    /// A buffer of at least <paramref name="count"/> slots for the entity of each statement of a body being scanned: one
    /// per thread, so a scan allocates none. The caller writes every slot it reads (a scan cancelled half-way leaves
    /// some behind); <see cref="ListStatements"/> empties the slots it reads, so the buffer holds no scan alive.
    /// </summary>
    internal static EntityBuilder?[] StatementBuilders(int count)
    {
        var builders = _statementBuilders;
        if (builders is null || builders.Length < count)
        {
            builders = _statementBuilders = new EntityBuilder?[Math.Max(count, 256)];
        }

        return builders;
    }

    /// <summary>
    /// How many statements after the <paramref name="index"/>-th, which ends at <paramref name="from"/> and is the same
    /// text as the other Designer's <paramref name="match"/>-th, are the same text as the statements after that one: as
    /// many as the text both go on with holds whole (those before <paramref name="end"/> and <paramref name="otherEnd"/>),
    /// when the last of them stands where the other Designer's stands, shifted; none when it does not.
    /// </summary>
    private static int SameRun(SourceText text, int bodyStart, int bodyLength, int from, SyntaxList<StatementSyntax> statements, int index, int end, TableScan other, int match, int otherEnd)
    {
        var old = other.Statements;
        if (index + 1 >= end || match + 1 >= otherEnd)
        {
            return 0;
        }

        var otherFrom = old[match].End;
        var shift = from - otherFrom;
        var same = SamePrefix(text, bodyStart + from, bodyLength - from, other.Text!, other.BodyStart + otherFrom, old[otherEnd - 1].End - otherFrom);
        var run = 0;
        while (index + run + 1 < end && match + run + 1 < otherEnd && old[match + run + 1].End - otherFrom <= same)
        {
            run++;
        }

        return run > 0 && Stands(statements[index + run], bodyStart, old[match + run], shift) ? run : 0;
    }

    private static bool SameStatementText(SourceText text, int bodyStart, int start, int end, TableScan other, ScanStatement theirs)
        => end - start == theirs.End - theirs.Start
            && SameText(text, TextSpan.FromBounds(bodyStart + start, bodyStart + end), other.Text!, TextSpan.FromBounds(other.BodyStart + theirs.Start, other.BodyStart + theirs.End));

    /// <summary>
    /// Whether an entity's statements here are the same text as its statements in the other Designer, one by one; a
    /// statement known to be the same text as that one (<paramref name="same"/>) is not compared again.
    /// </summary>
    private static bool SameStatements(SourceText text, int bodyStart, ScanStatement[] statements, int[] mine, int[] same, TableScan other, int[] theirs)
    {
        for (var i = 0; i < mine.Length; i++)
        {
            if (same[mine[i]] == theirs[i])
            {
                continue;
            }

            var (a, b) = (statements[mine[i]], other.Statements[theirs[i]]);
            if (!SameText(text, TextSpan.FromBounds(bodyStart + a.Start, bodyStart + a.End), other.Text!, TextSpan.FromBounds(other.BodyStart + b.Start, other.BodyStart + b.End)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads a changed entity's blocks as <see cref="ReadEntity"/> does, keeping where each statement stands and what it
    /// gave (<see cref="EntityBuilder.Readings"/>). With <paramref name="before"/>, the same entity as the other Designer's
    /// scan by text read it, each block is compared as text with its block there: the statements in the text both begin
    /// and end with give what they gave there (the n-th Property statement the n-th signature), and only those between
    /// are walked. A Designer's entity most often changes by a property or two (bitwarden's Organization, some seventy
    /// properties, gained one in many migrations): walking every chain of it again was a third of a scan. The body is
    /// clean, as a scan by text requires (it parsed without error, no directive): the same text after a statement
    /// boundary parses to the same statements, and a statement's reading depends on its own text and the builder's name.
    /// </summary>
    private static void ReadBlocks(EntityBuilder entity, List<SimpleLambdaExpressionSyntax> blocks, SourceText text, ScannedEntity? before)
    {
        foreach (var lambda in blocks)
        {
            if (lambda.Block is null)
            {
                // An expression-bodied block (never scaffolded): read as it is, and the entity's reading not kept.
                foreach (var block in blocks)
                {
                    ReadEntity(entity, block, Reading.Tables);
                }

                return;
            }
        }

        var theirs = ReadingsToTake(before, blocks.Count);
        var readings = new BlockReading[blocks.Count];

        // Which of the other reading's signatures and relationships its next statement gave: counted over its blocks.
        var (property, relationship) = (0, 0);
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b].Block!;
            var builderName = blocks[b].Parameter.Identifier.ValueText;
            var statements = block.Statements;
            var count = statements.Count;
            var start = block.SpanStart;
            var length = block.Span.Length;
            var old = theirs?.Readings![b];
            var (head, tail, shift) = old is not null && string.Equals(old.BuilderName, builderName, StringComparison.Ordinal)
                ? SameEnds(statements, start, length, text, old)
                : (0, 0, 0);

            var read = new BlockStatement[count];
            var next = 0;
            for (var i = 0; i < count; i++)
            {
                if (i >= head && i < count - tail)
                {
                    var statement = statements[i];
                    var kind = statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call }
                        ? ReadStatement(entity, call, builderName, Reading.Tables, count)
                        : BlockStatementKind.Other;
                    read[i] = new BlockStatement(statement.SpanStart - start, statement.Span.End - start, kind);
                    continue;
                }

                // A statement of the text both blocks begin or end with: what it gave the other reading.
                var j = i < head ? i : i - count + old!.Statements.Length;
                for (; next < j; next++)
                {
                    Count(old!.Statements[next].Kind, ref property, ref relationship);
                }

                var stood = old!.Statements[j];
                var by = i < head ? 0 : shift;
                read[i] = new BlockStatement(stood.Start + by, stood.End + by, stood.Kind);
                Give(entity, theirs!, stood.Kind, property, relationship, count);
            }

            // The rest of the other block's statements, counted for the blocks after it.
            for (; old is not null && next < old.Statements.Length; next++)
            {
                Count(old.Statements[next].Kind, ref property, ref relationship);
            }

            readings[b] = new BlockReading(text, start, length, builderName, read);
        }

        entity.Readings = readings;
    }

    /// <summary>
    /// The other reading when its statements can give theirs to this one: it has a reading of as many blocks, whose
    /// signatures and relationships are its statements' (one each, in order), and at most one key, table and base type
    /// statement (the reading keeps only the last of each).
    /// </summary>
    private static ScannedEntity? ReadingsToTake(ScannedEntity? before, int blockCount)
    {
        if (before?.Readings is not { } readings || readings.Length != blockCount)
        {
            return null;
        }

        var (properties, relationships, keys, tables, baseTypes) = (0, 0, 0, 0, 0);
        foreach (var reading in readings)
        {
            foreach (var statement in reading.Statements)
            {
                Count(statement.Kind, ref properties, ref relationships);
                keys += statement.Kind == BlockStatementKind.Key ? 1 : 0;
                tables += statement.Kind == BlockStatementKind.Table ? 1 : 0;
                baseTypes += statement.Kind == BlockStatementKind.BaseType ? 1 : 0;
            }
        }

        return properties == (before.Signature?.Count ?? 0) && relationships == before.Relationships.Count && keys <= 1 && tables <= 1 && baseTypes <= 1
            ? before
            : null;
    }

    private static void Count(BlockStatementKind kind, ref int properties, ref int relationships)
    {
        properties += kind == BlockStatementKind.Property ? 1 : 0;
        relationships += kind == BlockStatementKind.Relationship ? 1 : 0;
    }

    /// <summary>Gives <paramref name="entity"/> what a statement of the other reading gave it, as <see cref="ReadStatement"/> would.</summary>
    private static void Give(EntityBuilder entity, ScannedEntity theirs, BlockStatementKind kind, int property, int relationship, int capacity)
    {
        switch (kind)
        {
            case BlockStatementKind.Property:
                (entity.Signature ??= new List<PropertySignature>(capacity)).Add(theirs.Signature![property]);
                break;
            case BlockStatementKind.Relationship:
                entity.Relationships.Add(theirs.Relationships[relationship]);
                break;
            case BlockStatementKind.Key:
                entity.Key = theirs.Key;
                entity.KeyName = theirs.KeyName ?? entity.KeyName;
                break;
            case BlockStatementKind.Table:
                entity.Table = theirs.Table;
                entity.Schema = theirs.Schema;
                break;
            case BlockStatementKind.BaseType:
                entity.BaseType = theirs.BaseType;
                break;
        }
    }

    /// <summary>
    /// How many statements of a block stand at its start, and at its end, as in the other reading of the block (their
    /// text the same): found as <see cref="ScanAfterByText"/> finds a body's, the last of those at the start and the first
    /// of those at the end checked where they stand; none when they do not line up.
    /// </summary>
    private static (int Head, int Tail, int Shift) SameEnds(SyntaxList<StatementSyntax> statements, int start, int length, SourceText text, BlockReading old)
    {
        var (prefix, suffix) = CommonEnds(text, start, length, old.Text, old.Start, old.Length);
        var theirs = old.Statements;
        var count = statements.Count;
        var (head, tail) = WithinEnds(theirs, prefix, suffix, old.Length);
        var shift = length - old.Length;
        return head + tail > count
            || (head > 0 && !Stands(statements[head - 1], start, theirs[head - 1], 0))
            || (tail > 0 && !Stands(statements[count - tail], start, theirs[theirs.Length - tail], shift))
            ? (0, 0, 0)
            : (head, tail, shift);
    }

    /// <summary>
    /// How many of the other text's statements lie whole in the <paramref name="prefix"/> characters both texts begin
    /// with, and how many after those lie whole in the <paramref name="suffix"/> characters both end with.
    /// </summary>
    private static (int Head, int Tail) WithinEnds<T>(T[] theirs, int prefix, int suffix, int otherLength)
        where T : struct, IStatementSpan
    {
        var head = 0;
        while (head < theirs.Length && theirs[head].End <= prefix)
        {
            head++;
        }

        var tail = 0;
        while (tail < theirs.Length - head && theirs[theirs.Length - 1 - tail].Start >= otherLength - suffix)
        {
            tail++;
        }

        return (head, tail);
    }

    /// <summary>Whether a statement stands, from <paramref name="start"/>, where the other text's stands, shifted.</summary>
    private static bool Stands<T>(StatementSyntax statement, int start, T other, int shift)
        where T : struct, IStatementSpan
        => statement.SpanStart - start == other.Start + shift && statement.Span.End - start == other.End + shift;

    /// <summary>
    /// Whether a statement holds no directive but #pragma warning and #nullable (what EF Core writes around a model:
    /// neither changes how the text parses); a node that holds none says so without its trivia being walked.
    /// </summary>
    private static bool NoDirectiveBut(StatementSyntax statement)
    {
        if (!statement.ContainsDirectives)
        {
            return true;
        }

        foreach (var trivia in statement.DescendantTrivia())
        {
            if (trivia.IsDirective && !trivia.IsKind(SyntaxKind.PragmaWarningDirectiveTrivia) && !trivia.IsKind(SyntaxKind.NullableDirectiveTrivia))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many characters two spans of text have in common at their start, compared a chunk at a time.</summary>
    private static int SamePrefix(SourceText text, int start, int length, SourceText otherText, int otherStart, int otherLength)
    {
        var mine = _mine ??= new char[4096];
        var theirs = _theirs ??= new char[4096];
        var limit = Math.Min(length, otherLength);
        var prefix = 0;
        while (prefix < limit)
        {
            var count = Math.Min(mine.Length, limit - prefix);
            text.CopyTo(start + prefix, mine, 0, count);
            otherText.CopyTo(otherStart + prefix, theirs, 0, count);
            if (new ReadOnlySpan<char>(mine, 0, count).SequenceEqual(new ReadOnlySpan<char>(theirs, 0, count)))
            {
                prefix += count;
                continue;
            }

            var same = 0;
            while (mine[same] == theirs[same])
            {
                same++;
            }

            return prefix + same;
        }

        return prefix;
    }

    /// <summary>
    /// How many characters two spans of text have in common at their start, and then at their end (never overlapping
    /// the start), compared a chunk at a time without strings.
    /// </summary>
    internal static (int Prefix, int Suffix) CommonEnds(SourceText text, int start, int length, SourceText otherText, int otherStart, int otherLength)
    {
        var mine = _mine ??= new char[4096];
        var theirs = _theirs ??= new char[4096];
        var limit = Math.Min(length, otherLength);
        var prefix = SamePrefix(text, start, length, otherText, otherStart, otherLength);
        var suffix = 0;
        while (suffix < limit - prefix)
        {
            var count = Math.Min(mine.Length, limit - prefix - suffix);
            text.CopyTo(start + length - suffix - count, mine, 0, count);
            otherText.CopyTo(otherStart + otherLength - suffix - count, theirs, 0, count);
            if (new ReadOnlySpan<char>(mine, 0, count).SequenceEqual(new ReadOnlySpan<char>(theirs, 0, count)))
            {
                suffix += count;
                continue;
            }

            var same = 0;
            while (mine[count - 1 - same] == theirs[count - 1 - same])
            {
                same++;
            }

            suffix += same;
            break;
        }

        return (prefix, suffix);
    }

    /// <summary>
    /// The table <paramref name="table"/> exactly as <see cref="ReadModel"/> builds it (the first table of that name
    /// and schema in the model's order), reading in full only the entity blocks that map to it: its entity and the
    /// entities derived from it. Null when the model has no such table. Not thread-safe: the caller holds a lock.
    /// </summary>
    internal static TargetTable? ReadTable(TableScan scan, string? schema, string table)
    {
        if (EntityOf(scan, schema, table) is not { } found)
        {
            return null;
        }

        var columns = ImmutableArray.CreateBuilder<TargetColumn>();
        foreach (var candidate in scan.Order)
        {
            if (!ReferenceEquals(RootOf(candidate, scan.Entities, 0), found))
            {
                continue;
            }

            if (candidate.Blocks is { } blocks)
            {
                // Read the whole of the entity's blocks, in order, as the full reading does; its lookups then go by name.
                // The scan read its relationships already: the full reading adds them again, in the same order.
                candidate.Blocks = null;
                candidate.Relationships = new List<RelationshipBuilder>();
                foreach (var block in blocks)
                {
                    ReadEntity(candidate, block, Reading.Full);
                }
            }

            foreach (var property in candidate.Properties)
            {
                columns.Add(property.Build());
            }
        }

        var targetTable = new TargetTable(found.Schema, table, columns.ToImmutable(), ColumnNames(found, found.Key, scan.Entities));
        CompleteTable(targetTable, found, scan.Order, scan.Entities);
        return targetTable;
    }

    /// <summary>
    /// The primary key of <paramref name="table"/> as <see cref="ReadTable"/> gives it (column names), from the scan's
    /// key statements and the named properties' HasColumnName alone; empty when the model has no such table. Not
    /// thread-safe: the caller holds a lock.
    /// </summary>
    internal static ImmutableArray<string> PrimaryKeyOf(TableScan scan, string? schema, string table)
        => EntityOf(scan, schema, table) is { } found ? ColumnNames(found, found.Key, scan.Entities) : ImmutableArray<string>.Empty;

    /// <summary>Whether <see cref="ReadTable"/> finds the table, and the schema it gives it, without reading it.</summary>
    internal static bool FindsTable(TableScan scan, string? schema, string table, out string? foundSchema)
    {
        var found = EntityOf(scan, schema, table);
        foundSchema = found?.Schema;
        return found is not null;
    }

    /// <summary>The first root entity mapped to the table, in the model's order, as the full reading finds it.</summary>
    /// <summary>
    /// The first column named <paramref name="column"/> of the table <see cref="ReadTable"/> reads, read from the statements
    /// of the one property that gives it, as the full reading reads them, and none of the table's other statements. True
    /// when that is the answer: no such table (no column), or the table is one entity's alone (no base type, no derived
    /// entity) whose properties give distinct columns (<see cref="ColumnTypes"/>), one of them this one. False when only
    /// the whole table can say: a hierarchy, no property giving the column, two properties giving one column or a
    /// property name that is not a literal, an expression-bodied block, a property an extension call makes with the
    /// column's name, the entity read in full already.
    /// Not thread-safe: the caller holds a lock.
    /// </summary>
    internal static bool ReadColumn(TableScan scan, string? schema, string table, string column, out TargetColumn? found)
    {
        found = null;
        if (EntityOf(scan, schema, table) is not { } entity)
        {
            return true;
        }

        if (!entity.HasBlocks || IsBaseOfAnother(entity.Name, scan))
        {
            return false;
        }

        // The property whose column it is, from the scan's signatures merged as the full reading merges them (the list
        // LL1010 compares, kept on the scanned entity; none when two properties give one column or a name is not a literal).
        if (ColumnTypesOf(entity) is not { } list || Array.BinarySearch(list.Columns, column, StringComparer.Ordinal) is var at && at < 0)
        {
            return false;
        }

        var property = list.Properties[at];

        // Its statements, read into an entity of their own: a property's reading depends on its own statements alone.
        var reading = new EntityBuilder(entity.Name);
        foreach (var lambda in entity.Blocks!)
        {
            if (lambda.Block is null)
            {
                return false;
            }

            var builderName = lambda.Parameter.Identifier.ValueText;
            foreach (var statement in lambda.Block.Statements)
            {
                if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call })
                {
                    continue;
                }

                var target = ExtendedProperty(call, builderName) is { } extended
                    ? extended
                    : Chain(call, builderName) is { Root: { Name: "Property", Arguments.Count: >= 1 } root } ? StringValue(root.Arguments[0]) : null;
                if (string.Equals(target, property, StringComparison.Ordinal))
                {
                    ReadEntityStatement(reading, call, builderName);
                }
                else if (string.Equals(target, column, StringComparison.Ordinal) && Array.IndexOf(list.Properties, target) < 0)
                {
                    // A property only an extension call names, whose column is its name: the table may have two such columns.
                    return false;
                }
            }
        }

        if (reading.Properties.Count != 1)
        {
            return false;
        }

        found = reading.Properties[0].Build();
        return true;
    }

    private static EntityBuilder? EntityOf(TableScan scan, string? schema, string table)
    {
        foreach (var entity in scan.Order)
        {
            if (entity.BaseType is null && entity.Table is { } name
                && string.Equals(name, table, StringComparison.Ordinal) && ColumnRef.SchemasMatch(entity.Schema, schema))
            {
                return entity;
            }
        }

        return null;
    }

    /// <summary>modelBuilder.HasAnnotation("Relational:MaxIdentifierLength", n) of a BuildTargetModel body, or null.</summary>
    internal static int? ReadMaxIdentifierLength(BlockSyntax body, string modelBuilderName) => MaxIdentifierLength(body, modelBuilderName);

    /// <summary>
    /// The property an extension call on a property builder configures (NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property&lt;int&gt;("Id"))
    /// and the like); null for any other statement.
    /// </summary>
    private static string? ExtendedProperty(InvocationExpressionSyntax outermost, string builderName)
        => outermost.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax extensions }
            && extensions.Identifier.ValueText.EndsWith("PropertyBuilderExtensions", StringComparison.Ordinal)
            && outermost.ArgumentList.Arguments.Count >= 1
            && outermost.ArgumentList.Arguments[0].Expression is InvocationExpressionSyntax target
            && Chain(target, builderName) is { } targetChain
            && targetChain.Root.Name == "Property"
            && targetChain.Root.Arguments.Count >= 1
            ? StringValue(targetChain.Root.Arguments[0])
            : null;

    private static void ReadEntityStatement(EntityBuilder entity, InvocationExpressionSyntax outermost, string builderName)
    {
        if (ExtendedProperty(outermost, builderName) is { } extendedProperty)
        {
            // NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<int>("Id")) and the like.
            var extension = ((MemberAccessExpressionSyntax)outermost.Expression).Name;
            var annotation = ValueGenerationFromExtension(extension.Identifier.ValueText, outermost.ArgumentList.Arguments);
            if (annotation is not null)
            {
                entity.Property(extendedProperty).ValueGenerationAnnotation = annotation;
            }

            return;
        }

        if (RootCall(outermost, builderName) is var (structural, structuralName)
            && structuralName is "HasKey" or "HasOne" or "ToTable" or "HasBaseType")
        {
            ReadStructure(entity, outermost, structural, structuralName);
            return;
        }

        if (Chain(outermost, builderName) is not { } chain)
        {
            return;
        }

        var root = chain.Root;
        switch (root.Name)
        {
            case "Property" when root.Arguments.Count >= 1 && StringValue(root.Arguments[0]) is { } propertyName:
                var property = entity.Property(propertyName);
                property.ClrType ??= root.TypeArgument;
                foreach (var link in chain)
                {
                    switch (link.Name)
                    {
                        case "HasColumnName" when link.Arguments.Count == 1:
                            property.ColumnName = StringValue(link.Arguments[0]) ?? property.ColumnName;
                            break;
                        case "HasColumnType" when link.Arguments.Count == 1:
                            property.ColumnType = StringValue(link.Arguments[0]);
                            break;
                        case "HasDefaultValue" when link.Arguments.Count == 1:
                            property.DefaultValue = link.Arguments[0].ToString();
                            break;
                        case "HasMaxLength" when link.Arguments.Count == 1:
                            property.MaxLength = IntValue(link.Arguments[0]);
                            break;
                        case "IsRequired":
                            property.IsRequired = link.Arguments.Count == 0 || link.Arguments[0] is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression };
                            break;
                        case "HasPrecision" when link.Arguments.Count >= 1:
                            property.Precision = IntValue(link.Arguments[0]);
                            property.Scale = link.Arguments.Count >= 2 ? IntValue(link.Arguments[1]) : null;
                            break;
                        case "IsUnicode":
                            property.IsUnicode = link.Arguments.Count == 0 || link.Arguments[0] is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression };
                            break;
                        case "IsFixedLength":
                            property.IsFixedLength = link.Arguments.Count == 0 || link.Arguments[0] is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression };
                            break;
                        case "HasDefaultValueSql" when link.Arguments.Count == 1:
                            property.DefaultValueSql = StringValue(link.Arguments[0]);
                            break;
                        case "HasComputedColumnSql" when link.Arguments.Count >= 1:
                            property.ComputedColumnSql = StringValue(link.Arguments[0]);
                            property.IsStored = link.Arguments.Count >= 2 ? link.Arguments[1] is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } : null;
                            break;
                        case "HasComment" when link.Arguments.Count == 1:
                            property.Comment = StringValue(link.Arguments[0]);
                            break;
                        case "UseCollation" when link.Arguments.Count == 1:
                            property.Collation = StringValue(link.Arguments[0]);
                            break;
                        case "ValueGeneratedOnAdd":
                            property.IsValueGeneratedOnAdd = true;
                            break;
                        case "HasAnnotation" when link.Arguments.Count == 2
                            && StringValue(link.Arguments[0]) is { } annotationName
                            && (annotationName.EndsWith(":ValueGenerationStrategy", StringComparison.Ordinal) || annotationName == "SqlServer:Identity"):
                            property.ValueGenerationAnnotation = new KeyValuePair<string, string>(annotationName, link.Arguments[1].ToString());
                            break;
                    }
                }

                break;
            case "HasAlternateKey":
                entity.AlternateKeys.Add(new IndexBuilder(Strings(root.Arguments)) { Name = NameIn(chain, "HasName") });
                break;
            case "HasIndex" when root.Arguments.Count >= 1:
                var index = new IndexBuilder(root.Arguments.Count == 1 && root.Arguments[0] is ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax
                    ? ArrayStrings(root.Arguments[0])
                    : Strings(root.Arguments));
                foreach (var link in chain)
                {
                    switch (link.Name)
                    {
                        case "IsUnique":
                            index.IsUnique = link.Arguments.Count == 0 || link.Arguments[0] is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression };
                            break;
                        case "HasFilter" when link.Arguments.Count == 1:
                            index.Filter = StringValue(link.Arguments[0]);
                            break;
                        case "HasDatabaseName" or "HasName" when link.Arguments.Count == 1:
                            index.Name = StringValue(link.Arguments[0]);
                            break;
                        case "IsDescending":
                            index.Descending = new List<bool>();
                            foreach (var argument in link.Arguments)
                            {
                                index.Descending.Add(argument is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression });
                            }

                            break;
                    }
                }

                entity.Indexes.Add(index);
                break;
        }
    }

    /// <summary>
    /// The statements that say which table an entity maps to and how it is keyed and related (HasKey, ToTable,
    /// HasBaseType, HasOne), read in place from the chain: the scan meets them in every entity of every Designer, and
    /// both readings go through here, so they read them alike.
    /// </summary>
    private static BlockStatementKind ReadStructure(EntityBuilder entity, InvocationExpressionSyntax outermost, InvocationExpressionSyntax root, string rootName)
    {
        var arguments = root.ArgumentList.Arguments;
        switch (rootName)
        {
            case "HasKey":
                entity.Key = Strings(arguments);
                entity.KeyName = InnermostName(outermost, "HasName") ?? entity.KeyName;
                return BlockStatementKind.Key;
            case "ToTable" when arguments.Count >= 1 && StringValue(arguments[0].Expression) is { } tableName:
                entity.Table = tableName;
                entity.Schema = arguments.Count >= 2 ? StringValue(arguments[1].Expression) : null;
                return BlockStatementKind.Table;
            case "HasBaseType" when arguments.Count == 1:
                entity.BaseType = StringValue(arguments[0].Expression);
                return BlockStatementKind.BaseType;
            case "HasOne" when arguments.Count >= 1 && StringValue(arguments[0].Expression) is { } principalName:
                var relationship = new RelationshipBuilder(principalName);
                var oneToOne = false;
                ReadRelationship(outermost, relationship, ref oneToOne);
                entity.Relationships.Add(relationship);
                return BlockStatementKind.Relationship;
            default:
                return BlockStatementKind.Other;
        }
    }

    /// <summary>The links of a HasOne chain, innermost first (WithOne must be seen before HasForeignKey), without a list.</summary>
    private static void ReadRelationship(ExpressionSyntax current, RelationshipBuilder relationship, ref bool oneToOne)
    {
        if (current is not InvocationExpressionSyntax invocation || invocation.Expression is not MemberAccessExpressionSyntax member)
        {
            return;
        }

        ReadRelationship(member.Expression, relationship, ref oneToOne);
        var arguments = invocation.ArgumentList.Arguments;
        switch (member.Name.Identifier.ValueText)
        {
            case "WithOne":
                oneToOne = true;
                break;
            case "HasForeignKey":
                var names = Strings(arguments);
                if (oneToOne && names.Count >= 2)
                {
                    relationship.DependentEntity = names[0];
                    names.RemoveAt(0);
                }

                relationship.ForeignKey = names;
                break;
            case "HasPrincipalKey":
                var keys = Strings(arguments);
                if (oneToOne && keys.Count >= 2)
                {
                    keys.RemoveAt(0);
                }

                relationship.PrincipalKey = keys;
                break;
            case "OnDelete" when arguments.Count == 1 && arguments[0].Expression is MemberAccessExpressionSyntax behavior:
                relationship.OnDelete = behavior.Name.Identifier.ValueText;
                break;
            case "HasConstraintName" when arguments.Count == 1:
                relationship.Name = StringValue(arguments[0].Expression);
                break;
        }
    }

    /// <summary>The value of the innermost <paramref name="method"/>("…") link of a chain with one argument (null when that argument is no string), or null.</summary>
    private static string? InnermostName(InvocationExpressionSyntax outermost, string method)
    {
        string? name = null;
        ExpressionSyntax current = outermost;
        while (current is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member)
        {
            if (member.Name.Identifier.ValueText == method && invocation.ArgumentList.Arguments.Count == 1)
            {
                name = StringValue(invocation.ArgumentList.Arguments[0].Expression);
            }

            current = member.Expression;
        }

        return name;
    }

    /// <summary>
    /// The innermost call of a fluent chain on the builder parameter (b.Property("Id") in
    /// b.Property("Id").HasColumnName("id")) and its method name, found without allocating; null when not rooted there.
    /// </summary>
    private static (InvocationExpressionSyntax Call, string Name)? RootCall(InvocationExpressionSyntax outermost, string builderName)
    {
        InvocationExpressionSyntax? root = null;
        var name = string.Empty;
        ExpressionSyntax current = outermost;
        while (current is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member)
        {
            root = invocation;
            name = member.Name.Identifier.ValueText;
            current = member.Expression;
        }

        return root is not null && current is IdentifierNameSyntax receiver && receiver.Identifier.ValueText == builderName
            ? (root, name)
            : null;
    }

    /// <summary>The outermost constant HasColumnName("…") of a chain (the one the full reading keeps), or null.</summary>
    private static string? ColumnNameIn(InvocationExpressionSyntax outermost)
    {
        ExpressionSyntax current = outermost;
        while (current is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member)
        {
            if (member.Name.Identifier.ValueText == "HasColumnName"
                && invocation.ArgumentList.Arguments.Count == 1
                && StringValue(invocation.ArgumentList.Arguments[0].Expression) is { } named)
            {
                return named;
            }

            current = member.Expression;
        }

        return null;
    }

    /// <summary>
    /// True when no column of the entity's table can have another CLR type here than in the other scan: every column of
    /// the table (a property's last HasColumnName, else its name) has the same CLR type text (a property's first
    /// Property&lt;T&gt;, as the full reading keeps it) as the first column of its name in the other scan's table, as
    /// LL1010 compares them. The table is the entity's own when it has no base type and no derived entity; in a
    /// hierarchy it is the root's, whose columns are every entity's of the hierarchy, in the scan's order (as
    /// <see cref="ReadTable"/> reads them), and the two roots must be the same entity. False whenever an entity's property
    /// name is not a literal or two of its properties share a column, or the table or schema differ.
    /// </summary>
    internal static bool SameColumnTypes(EntityBuilder entity, EntityBuilder other, TableScan scan, TableScan otherScan)
    {
        if (entity.BaseType is not null || other.BaseType is not null || IsBaseOfAnother(entity.Name, scan) || IsBaseOfAnother(other.Name, otherScan))
        {
            return SameHierarchyColumnTypes(RootOf(entity, scan.Entities, 0), scan, RootOf(other, otherScan.Entities, 0), otherScan);
        }

        if (!string.Equals(entity.Table, other.Table, StringComparison.Ordinal)
            || !string.Equals(entity.Schema, other.Schema, StringComparison.Ordinal)
            || ColumnTypesOf(entity) is not { } mine
            || ColumnTypesOf(other) is not { } theirs)
        {
            return false;
        }

        // Both lists are sorted by column name: walked side by side, the columns both have meet.
        var (i, j) = (0, 0);
        while (i < mine.Columns.Length && j < theirs.Columns.Length)
        {
            var order = string.CompareOrdinal(mine.Columns[i], theirs.Columns[j]);
            if (order == 0 && !string.Equals(mine.Types[i], theirs.Types[j], StringComparison.Ordinal))
            {
                return false;
            }

            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return true;
    }

    // The other table's first column of each name, and each hierarchy's column lists, one of each per thread
    // (SameHierarchyColumnTypes is not reentrant).
    [ThreadStatic]
    private static Dictionary<string, string?>? _firstColumns;

    [ThreadStatic]
    private static List<ColumnTypeList>? _mineLists;

    [ThreadStatic]
    private static List<ColumnTypeList>? _theirLists;

    /// <summary>
    /// The column lists of every entity of <paramref name="root"/>'s hierarchy, in the scan's order (cleared first); false
    /// when one of them cannot be said.
    /// </summary>
    private static bool HierarchyColumns(EntityBuilder root, TableScan scan, List<ColumnTypeList> into)
    {
        into.Clear();
        foreach (var candidate in scan.Order)
        {
            if (ReferenceEquals(RootOf(candidate, scan.Entities, 0), root))
            {
                if (ColumnTypesOf(candidate) is not { } columns)
                {
                    return false;
                }

                into.Add(columns);
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="SameColumnTypes"/> for the table of a hierarchy: each column of every entity of <paramref name="root"/>'s
    /// hierarchy, against the first column of its name among the other hierarchy's entities, in the other scan's order.
    /// </summary>
    private static bool SameHierarchyColumnTypes(EntityBuilder root, TableScan scan, EntityBuilder otherRoot, TableScan otherScan)
    {
        if (root.BaseType is not null
            || otherRoot.BaseType is not null
            || !string.Equals(root.Name, otherRoot.Name, StringComparison.Ordinal)
            || !string.Equals(root.Table, otherRoot.Table, StringComparison.Ordinal)
            || !string.Equals(root.Schema, otherRoot.Schema, StringComparison.Ordinal))
        {
            return false;
        }

        var (mine, theirs) = (_mineLists ??= new List<ColumnTypeList>(), _theirLists ??= new List<ColumnTypeList>());
        if (!HierarchyColumns(root, scan, mine) || !HierarchyColumns(otherRoot, otherScan, theirs))
        {
            return false;
        }

        var first = _firstColumns ??= new Dictionary<string, string?>(StringComparer.Ordinal);
        first.Clear();
        foreach (var columns in theirs)
        {
            for (var i = 0; i < columns.Columns.Length; i++)
            {
                if (!first.ContainsKey(columns.Columns[i]))
                {
                    first.Add(columns.Columns[i], columns.Types[i]);
                }
            }
        }

        foreach (var columns in mine)
        {
            for (var i = 0; i < columns.Columns.Length; i++)
            {
                if (first.TryGetValue(columns.Columns[i], out var type) && !string.Equals(columns.Types[i], type, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The entity's columns and their CLR types, as its scanned reading keeps them once computed: a changed entity is
    /// compared twice, with the Designer before it and, as the older side, with the Designer after it.
    /// </summary>
    private static ColumnTypeList? ColumnTypesOf(EntityBuilder entity)
        => entity.Scanned is { } scanned && ReferenceEquals(scanned.Signature, entity.Signature)
            ? scanned.ColumnTypes()
            : ColumnTypes(entity.Signature);

    private static bool IsBaseOfAnother(string entityName, TableScan scan)
    {
        foreach (var candidate in scan.Order)
        {
            if (string.Equals(candidate.BaseType, entityName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A property's CLR type text as two Designers' types are compared (LL1010): a nullable value type as the type itself
    /// (EF Core gives both the same store type, and no value changes), a keyword or short name as its System type.
    /// </summary>
    internal static string ComparedClrType(string typeText) => ClrTypeMapping.Canonical(typeText.Trim().TrimEnd('?'));

    /// <summary>
    /// <see cref="ComparedClrType(string)"/> of a type argument's text; a nullable keyword or name written as EF Core
    /// writes it (no space before the '?') without making the text of the whole.
    /// </summary>
    private static string ComparedClrType(TypeSyntax type)
        => type is NullableTypeSyntax { ElementType: PredefinedTypeSyntax or IdentifierNameSyntax } nullable
            && !nullable.ElementType.HasTrailingTrivia
            && !nullable.QuestionToken.HasLeadingTrivia
            ? ClrTypeMapping.Canonical(TypeText(nullable.ElementType))
            : ComparedClrType(TypeText(type));

    // The properties merged, one dictionary per thread, cleared for each entity (ColumnTypes is not reentrant).
    [ThreadStatic]
    private static Dictionary<string, (TypeSyntax? Type, string? Column)>? _properties;

    /// <summary>
    /// Each column's CLR type, as the full reading gives the properties and as LL1010 compares them (<see cref="ComparedClrType"/>),
    /// sorted by column name; null when that cannot be said (a property's name is not a literal, or two properties share
    /// a column).
    /// </summary>
    internal static ColumnTypeList? ColumnTypes(List<PropertySignature>? signature)
    {
        // The full reading merges a property's statements: the first type argument and the last HasColumnName win.
        var properties = _properties ??= new Dictionary<string, (TypeSyntax? Type, string? Column)>(StringComparer.Ordinal);
        properties.Clear();
        for (var i = 0; i < (signature?.Count ?? 0); i++)
        {
            var statement = signature![i];
            if (statement.Property is not { } name)
            {
                properties.Clear();
                return null;
            }

            properties[name] = properties.TryGetValue(name, out var known)
                ? (known.Type ?? statement.Type, statement.Column ?? known.Column)
                : (statement.Type, statement.Column);
        }

        var count = properties.Count;
        var (columns, order, names, clrTypes) = (new string[count], new int[count], new string[count], new string?[count]);
        var at = 0;
        foreach (var property in properties)
        {
            columns[at] = property.Value.Column ?? property.Key;
            names[at] = property.Key;
            clrTypes[at] = property.Value.Type is { } type ? ComparedClrType(type) : null;
            order[at] = at++;
        }

        // The buffer is the thread's: left full, its type syntax would keep a Designer's tree alive after the compilation.
        properties.Clear();

        Array.Sort(columns, order, StringComparer.Ordinal);
        var (types, sortedNames) = (new string?[count], new string[count]);
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && string.Equals(columns[i - 1], columns[i], StringComparison.Ordinal))
            {
                return null;
            }

            (types[i], sortedNames[i]) = (clrTypes[order[i]], names[order[i]]);
        }

        return new ColumnTypeList(columns, types, sortedNames);
    }

    /// <summary>
    /// True when the two scanned entities declare the same properties (names, CLR types, column names, in order) and
    /// map to the same table and base type: the columns they give their tables are the same.
    /// </summary>
    internal static bool SameShape(EntityBuilder entity, EntityBuilder other)
    {
        if (!string.Equals(entity.Table, other.Table, StringComparison.Ordinal)
            || !string.Equals(entity.Schema, other.Schema, StringComparison.Ordinal)
            || !string.Equals(entity.BaseType, other.BaseType, StringComparison.Ordinal))
        {
            return false;
        }

        var mine = entity.Signature;
        var theirs = other.Signature;
        if (ReferenceEquals(mine, theirs))
        {
            // One scan took the other's reading of the same text.
            return true;
        }

        if ((mine?.Count ?? 0) != (theirs?.Count ?? 0))
        {
            return false;
        }

        for (var i = 0; i < (mine?.Count ?? 0); i++)
        {
            var (a, b) = (mine![i], theirs![i]);
            if (!string.Equals(a.Property, b.Property, StringComparison.Ordinal)
                || !string.Equals(a.Column, b.Column, StringComparison.Ordinal)
                || (a.Type is null) != (b.Type is null)
                || (a.Type is not null && !a.Type.IsEquivalentTo(b.Type!)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The calls of a fluent chain rooted at the builder parameter, innermost first; null when not rooted there.</summary>
    /// <summary>
    /// The calls of b.Property&lt;int&gt;("Id").HasColumnName("id").IsRequired() on the builder named
    /// <paramref name="builderName"/>, from the first to <paramref name="outermost"/>; null when the chain does not start
    /// at that builder. Read in place: a table's reading meets a chain per statement, and a list of each would be made
    /// only to be walked once.
    /// </summary>
    private static CallChain? Chain(InvocationExpressionSyntax outermost, string builderName)
    {
        ExpressionSyntax current = outermost;
        InvocationExpressionSyntax? first = null;
        while (current is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member)
        {
            first = invocation;
            current = member.Expression;
        }

        return first is not null && current is IdentifierNameSyntax root && root.Identifier.ValueText == builderName
            ? new CallChain(first, outermost)
            : null;
    }

    /// <summary>
    /// A type argument's text, as ToString gives it: a keyword's or a simple name's token text without a copy (nearly
    /// every Property&lt;T&gt; of a Designer, thousands per Designer), any other type's text built.
    /// </summary>
    private static string TypeText(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax predefined => predefined.Keyword.Text,
        IdentifierNameSyntax name => name.Identifier.Text,
        _ => type.ToString(),
    };

    private static string? StringValue(ExpressionSyntax expression)
    {
        while (expression is CastExpressionSyntax cast)
        {
            expression = cast.Expression;
        }

        return expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
            ? literal.Token.ValueText
            : null;
    }

    private static int? IntValue(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int value } ? value : null;

    private static List<string> Strings(SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        var result = new List<string>(arguments.Count);
        foreach (var argument in arguments)
        {
            if (StringValue(argument.Expression) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static List<string> Strings(CallArguments arguments) => Strings(arguments.List);

    private static EntityBuilder RootOf(EntityBuilder entity, Dictionary<string, EntityBuilder> entities, int depth)
        => depth < 16 && entity.BaseType is { } baseName && entities.TryGetValue(baseName, out var baseEntity)
            ? RootOf(baseEntity, entities, depth + 1)
            : entity;

    private static ColumnRefTable? TableOf(EntityBuilder entity, Dictionary<string, EntityBuilder> entities, int depth)
    {
        if (entity.Table is { } table)
        {
            return new ColumnRefTable(entity.Schema, table);
        }

        return depth < 16 && entity.BaseType is { } baseName && entities.TryGetValue(baseName, out var baseEntity)
            ? TableOf(baseEntity, entities, depth + 1)
            : null;
    }

    private static List<string> KeyOf(EntityBuilder entity, Dictionary<string, EntityBuilder> entities, int depth)
        => entity.Key.Count > 0 || depth >= 16 || entity.BaseType is null || !entities.TryGetValue(entity.BaseType, out var baseEntity)
            ? entity.Key
            : KeyOf(baseEntity, entities, depth + 1);

    /// <summary>Maps property names to column names, looking through base types; empty when any is not found.</summary>
    private static ImmutableArray<string> ColumnNames(EntityBuilder entity, List<string> properties, Dictionary<string, EntityBuilder> entities)
    {
        var result = ImmutableArray.CreateBuilder<string>(properties.Count);
        foreach (var propertyName in properties)
        {
            string? column = null;
            for (var current = entity; current is not null && column is null;)
            {
                if (current.TryGetColumnName(propertyName, out var columnName))
                {
                    column = columnName ?? propertyName;
                }

                current = current.BaseType is { } baseName && entities.TryGetValue(baseName, out var baseEntity) && !ReferenceEquals(baseEntity, current) ? baseEntity : null;
            }

            // A shadow or convention property the Designer does not list keeps its property name as column name.
            result.Add(column ?? propertyName);
        }

        return result.MoveToImmutable();
    }

    private static string? NameIn(CallChain chain, string method)
    {
        foreach (var link in chain)
        {
            if (link.Name == method && link.Arguments.Count == 1)
            {
                return StringValue(link.Arguments[0]);
            }
        }

        return null;
    }

    private static List<string> ArrayStrings(ExpressionSyntax expression)
    {
        var initializer = expression switch
        {
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
            ArrayCreationExpressionSyntax array => array.Initializer,
            _ => null,
        };
        var result = new List<string>();
        if (initializer is not null)
        {
            foreach (var element in initializer.Expressions)
            {
                if (StringValue(element) is { } value)
                {
                    result.Add(value);
                }
            }
        }

        return result;
    }

    /// <summary>The column annotation a migration carries for a provider's value-generation extension call.</summary>
    private static KeyValuePair<string, string>? ValueGenerationFromExtension(string method, SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        switch (method)
        {
            case "UseIdentityByDefaultColumn":
                return new KeyValuePair<string, string>("Npgsql:ValueGenerationStrategy", "NpgsqlValueGenerationStrategy.IdentityByDefaultColumn");
            case "UseIdentityAlwaysColumn":
                return new KeyValuePair<string, string>("Npgsql:ValueGenerationStrategy", "NpgsqlValueGenerationStrategy.IdentityAlwaysColumn");
            case "UseSerialColumn":
                return new KeyValuePair<string, string>("Npgsql:ValueGenerationStrategy", "NpgsqlValueGenerationStrategy.SerialColumn");
            case "UseIdentityColumn":
                var seed = arguments.Count >= 2 ? arguments[1].Expression.ToString().TrimEnd('L') : "1";
                var increment = arguments.Count >= 3 ? arguments[2].Expression.ToString() : "1";
                return new KeyValuePair<string, string>("SqlServer:Identity", "\"" + seed + ", " + increment + "\"");
            default:
                return null;
        }
    }

    /// <summary>Keys, indexes and alternate keys of a table, with EF Core's default names where the Designer gives none.</summary>
    private static void CompleteTable(TargetTable table, EntityBuilder entity, List<EntityBuilder> order, Dictionary<string, EntityBuilder> entities)
    {
        table.PrimaryKeyName = table.PrimaryKey.IsEmpty ? null : entity.KeyName ?? "PK_" + table.Name;
        var indexes = ImmutableArray.CreateBuilder<TargetIndex>();
        var keys = ImmutableArray.CreateBuilder<TargetKey>();
        foreach (var candidate in order)
        {
            if (!ReferenceEquals(RootOf(candidate, entities, 0), entity))
            {
                continue;
            }

            foreach (var index in candidate.Indexes)
            {
                var columns = ColumnNames(candidate, index.Properties, entities);
                if (!columns.IsEmpty)
                {
                    indexes.Add(new TargetIndex(
                        index.Name ?? "IX_" + table.Name + "_" + string.Join("_", columns),
                        columns,
                        index.IsUnique,
                        index.Filter,
                        index.Descending is null ? ImmutableArray<bool>.Empty : ImmutableArray.CreateRange(index.Descending)));
                }
            }

            foreach (var key in candidate.AlternateKeys)
            {
                var columns = ColumnNames(candidate, key.Properties, entities);
                if (!columns.IsEmpty)
                {
                    keys.Add(new TargetKey(key.Name ?? "AK_" + table.Name + "_" + string.Join("_", columns), columns));
                }
            }
        }

        table.Indexes = indexes.ToImmutable();
        table.UniqueConstraints = keys.ToImmutable();
    }

    internal sealed class IndexBuilder
    {
        public IndexBuilder(List<string> properties) => Properties = properties;

        public List<string> Properties { get; }

        public string? Name { get; set; }

        public bool IsUnique { get; set; }

        public string? Filter { get; set; }

        public List<bool>? Descending { get; set; }
    }

    /// <summary>One call of a chain, read from its syntax when asked.</summary>
    internal readonly struct Call
    {
        private readonly InvocationExpressionSyntax _invocation;

        /// <param name="invocation">A call on a member: <c>receiver.Name(…)</c> (what <see cref="Chain"/> walks).</param>
        public Call(InvocationExpressionSyntax invocation) => _invocation = invocation;

        private SimpleNameSyntax Member => ((MemberAccessExpressionSyntax)_invocation.Expression).Name;

        public string Name => Member.Identifier.ValueText;

        public CallArguments Arguments => new(_invocation.ArgumentList.Arguments);

        /// <summary>The text of the one type argument, as in Property&lt;int&gt;; null without exactly one.</summary>
        public string? TypeArgument => Member is GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic
            ? TypeText(generic.TypeArgumentList.Arguments[0])
            : null;
    }

    /// <summary>
    /// A chain of calls on a builder, from its first call (<see cref="Root"/>) out to its outermost, walked in that order
    /// through the syntax's parents: each call's parent is the member access on it, whose parent is the next call.
    /// </summary>
    internal readonly struct CallChain
    {
        private readonly InvocationExpressionSyntax _first;
        private readonly InvocationExpressionSyntax _outermost;

        public CallChain(InvocationExpressionSyntax first, InvocationExpressionSyntax outermost)
        {
            _first = first;
            _outermost = outermost;
        }

        public Call Root => new(_first);

        public Enumerator GetEnumerator() => new(_first, _outermost);

        internal struct Enumerator
        {
            private readonly InvocationExpressionSyntax _first;
            private readonly InvocationExpressionSyntax _outermost;
            private InvocationExpressionSyntax? _current;

            public Enumerator(InvocationExpressionSyntax first, InvocationExpressionSyntax outermost)
            {
                _first = first;
                _outermost = outermost;
                _current = null;
            }

            public Call Current => new(_current!);

            public bool MoveNext()
            {
                if (_current is null)
                {
                    _current = _first;
                    return true;
                }

                if (ReferenceEquals(_current, _outermost))
                {
                    return false;
                }

                _current = (InvocationExpressionSyntax)_current.Parent!.Parent!;
                return true;
            }
        }
    }

    /// <summary>
    /// A call's argument expressions, read from its argument list in place: a Designer has thousands of chained calls,
    /// and a copy of each one's arguments into a list of its own is not needed to read them.
    /// </summary>
    internal readonly struct CallArguments
    {
        public CallArguments(SeparatedSyntaxList<ArgumentSyntax> list) => List = list;

        public SeparatedSyntaxList<ArgumentSyntax> List { get; }

        public int Count => List.Count;

        public ExpressionSyntax this[int index] => List[index].Expression;

        public Enumerator GetEnumerator() => new(List);

        internal struct Enumerator
        {
            private readonly SeparatedSyntaxList<ArgumentSyntax> _list;
            private int _index;

            public Enumerator(SeparatedSyntaxList<ArgumentSyntax> list)
            {
                _list = list;
                _index = -1;
            }

            public ExpressionSyntax Current => _list[_index].Expression;

            public bool MoveNext() => ++_index < _list.Count;
        }
    }

    /// <summary>One b.Property&lt;T&gt;("Name")…HasColumnName("column") statement, as two Designers are compared.</summary>
    internal readonly struct PropertySignature
    {
        public PropertySignature(string? property, TypeSyntax? type, string? column)
        {
            Property = property;
            Type = type;
            Column = column;
        }

        public string? Property { get; }

        public TypeSyntax? Type { get; }

        public string? Column { get; }
    }

    internal sealed class EntityBuilder
    {
        // Most entities of a scan made after its predecessor's are taken from it and never read (a scan of ErsatzTV's 395
        // Designers makes some 40,000 entities): such an entity reads what the scan gave it through the reading it took,
        // and has its own fields (and collections) only once one is set.
        private FullReading? _read;
        private ScannedEntity? _takenFrom;
        private OwnReading? _own;

        public EntityBuilder(string name) => Name = name;

        public string Name { get; }

        public string? Table
        {
            get => _own is { } own ? own.Table : _takenFrom?.Table;
            set => Own().Table = value;
        }

        public string? Schema
        {
            get => _own is { } own ? own.Schema : _takenFrom?.Schema;
            set => Own().Schema = value;
        }

        public string? BaseType
        {
            get => _own is { } own ? own.BaseType : _takenFrom?.BaseType;
            set => Own().BaseType = value;
        }

        /// <summary>The key's properties; made when first used (an entity taken from another scan shares that one's).</summary>
        public List<string> Key
        {
            get => _own is null && _takenFrom is { } taken ? taken.Key : Own().Key ??= new List<string>();
            set => Own().Key = value;
        }

        public string? KeyName
        {
            get => _own is { } own ? own.KeyName : _takenFrom?.KeyName;
            set => Own().KeyName = value;
        }

        public List<IndexBuilder> Indexes => (_read ??= new()).Indexes ??= new();

        public List<IndexBuilder> AlternateKeys => (_read ??= new()).AlternateKeys ??= new();

        public List<PropertyBuilder> Properties => (_read ??= new()).Properties ??= new();

        /// <summary>Its relationships, in order; made when first used (an entity taken from another scan shares that one's).</summary>
        public List<RelationshipBuilder> Relationships
        {
            get => _own is null && _takenFrom is { } taken ? taken.Relationships : Own().Relationships ??= new List<RelationshipBuilder>();
            set => Own().Relationships = value;
        }

        /// <summary>What the scan read, kept apart from the fields a later full reading of the entity sets again.</summary>
        public ScannedEntity? Scanned { get; set; }

        /// <summary>Its Property statements as the scan saw them (<see cref="SameShape"/>); never changed after the scan.</summary>
        public List<PropertySignature>? Signature
        {
            get => _own is { } own ? own.Signature : _takenFrom?.Signature;
            set => Own().Signature = value;
        }

        /// <summary>Its blocks as a scan by text read them, statement by statement (<see cref="ReadBlocks"/>); null when not so read.</summary>
        public BlockReading[]? Readings
        {
            get => _own is { } own ? own.Readings : _takenFrom?.Readings;
            set => Own().Readings = value;
        }

        /// <summary>
        /// Gives the entity another scan's reading of the same blocks: what the scan reads is never changed afterwards
        /// (ReadTable replaces lists rather than add to them), so it is shared, and read through that scan's entity until
        /// one of the fields is set here.
        /// </summary>
        public void TakeReading(ScannedEntity scanned)
        {
            Taken = true;
            _takenFrom = scanned;
            _own = null;
        }

        /// <summary>The entity's own fields, made from the reading it took (if any) when first set.</summary>
        private OwnReading Own() => _own ??= _takenFrom is { } taken ? new OwnReading(taken) : new OwnReading();

        /// <summary>What a scan reads of an entity, once the entity has its own (read, or changed after it was taken).</summary>
        private sealed class OwnReading
        {
            public OwnReading()
            {
            }

            public OwnReading(ScannedEntity taken)
            {
                Table = taken.Table;
                Schema = taken.Schema;
                BaseType = taken.BaseType;
                Key = taken.Key;
                KeyName = taken.KeyName;
                Relationships = taken.Relationships;
                Signature = taken.Signature;
                Readings = taken.Readings;
            }

            public string? Table;
            public string? Schema;
            public string? BaseType;
            public List<string>? Key;
            public string? KeyName;
            public List<RelationshipBuilder>? Relationships;
            public List<PropertySignature>? Signature;
            public BlockReading[]? Readings;
        }

        public PropertyBuilder Property(string name)
        {
            var byName = (_read ??= new()).ByName ??= new Dictionary<string, PropertyBuilder>(StringComparer.Ordinal);
            if (!byName.TryGetValue(name, out var property))
            {
                property = new PropertyBuilder(name);
                byName.Add(name, property);
                Properties.Add(property);
            }

            return property;
        }

        /// <summary>
        /// The entity's blocks, kept when only keys are read: properties are then looked up on demand. Null once the
        /// entity is read whole. An entity taken from another scan by text finds its blocks when first asked.
        /// </summary>
        public List<SimpleLambdaExpressionSyntax>? Blocks
        {
            get
            {
                if (_pendingBody is { } body)
                {
                    _blocks = body.Find(StatementsHere!);
                    _pendingBody = null;
                }

                return _blocks;
            }

            set
            {
                _blocks = value;
                _pendingBody = null;
            }
        }

        /// <summary>The indexes of the entity's statements in its scan's body, in order (<see cref="ListStatements"/>).</summary>
        public int[]? StatementsHere { get; set; }

        /// <summary>While a scan lists them: how many statements the entity has, and how many are listed.</summary>
        public int StatementCount { get; set; }

        public int Listed { get; set; }

        /// <summary>While a scan lists them: whether <see cref="StatementsHere"/> is still another scan's array.</summary>
        public bool SharesStatements { get; set; }

        /// <summary>While a scan compares texts: whether one of the entity's statements stands between the differences.</summary>
        public bool Changed { get; set; }

        /// <summary>
        /// Whether the scan took the entity as the scan it was made from read it (<see cref="TableScan.FromId"/>): the same
        /// table, base type and property signatures, the very objects.
        /// </summary>
        public bool Taken { get; set; }

        /// <summary>
        /// The body an entity taken by text finds its blocks in, at <see cref="StatementsHere"/>, until they are asked for
        /// (one per scan: the entities of a scan made from another's are mostly taken).
        /// </summary>
        public ScanBody? PendingBody
        {
            get => _pendingBody;
            set => _pendingBody = value;
        }

        /// <summary>Whether the entity is still read only as far as the scan goes (its blocks kept, found or not).</summary>
        public bool HasBlocks => _pendingBody is not null || _blocks is not null;

        private List<SimpleLambdaExpressionSyntax>? _blocks;
        private ScanBody? _pendingBody;

        /// <summary>What only a full reading of the entity's blocks fills (most entities of a scan never are).</summary>
        private sealed class FullReading
        {
            public Dictionary<string, PropertyBuilder>? ByName;
            public List<IndexBuilder>? Indexes;
            public List<IndexBuilder>? AlternateKeys;
            public List<PropertyBuilder>? Properties;
        }

        /// <summary>Whether the entity declares the property, and its HasColumnName (null when none).</summary>
        public bool TryGetColumnName(string propertyName, out string? columnName)
        {
            if (!HasBlocks)
            {
                PropertyBuilder? property = null;
                var found = _read?.ByName?.TryGetValue(propertyName, out property) == true;
                columnName = property?.ColumnName;
                return found;
            }

            // As the full reading does: any Property("name") chain declares it, and the last HasColumnName wins. The
            // scan kept every Property chain's name and column name, in order: no block is walked again.
            var declared = false;
            columnName = null;
            var signature = Signature;
            for (var i = 0; i < (signature?.Count ?? 0); i++)
            {
                if (string.Equals(signature![i].Property, propertyName, StringComparison.Ordinal))
                {
                    declared = true;
                    columnName = signature[i].Column ?? columnName;
                }
            }

            return declared;
        }
    }

    /// <summary>
    /// The columns an entity's properties give its table, sorted by name (ordinal), each one's CLR type as compared and
    /// the property that gives it.
    /// </summary>
    internal sealed class ColumnTypeList
    {
        public ColumnTypeList(string[] columns, string?[] types, string[] properties)
        {
            Columns = columns;
            Types = types;
            Properties = properties;
        }

        public string[] Columns { get; }

        public string?[] Types { get; }

        public string[] Properties { get; }
    }

    /// <summary>An entity as the scan left it; never changed, so the next Designer's scan can take it from another thread.</summary>
    internal sealed class ScannedEntity
    {
        // What ColumnTypes() found: a ColumnTypeList, NoColumnTypes when it could not be said, null until asked.
        private static readonly object NoColumnTypes = new();
        private object? _columnTypes;

        /// <param name="takenFrom">The other scan's entity this one's reading was taken from: what it computed of that reading is kept.</param>
        public ScannedEntity(EntityBuilder entity, int[]? statementIndexes = null, ScannedEntity? takenFrom = null)
        {
            StatementIndexes = statementIndexes;
            Table = entity.Table;
            Schema = entity.Schema;
            BaseType = entity.BaseType;
            Key = entity.Key;
            KeyName = entity.KeyName;
            Relationships = entity.Relationships;
            Signature = entity.Signature;
            Readings = entity.Readings;
            _pendingBody = entity.PendingBody;
            _blocks = _pendingBody is null ? entity.Blocks! : null;
            BlockCount = _pendingBody is null ? _blocks!.Count : statementIndexes!.Length;
            _columnTypes = takenFrom is not null && ReferenceEquals(takenFrom.Signature, Signature) ? Volatile.Read(ref takenFrom._columnTypes) : null;
        }

        private readonly ScanBody? _pendingBody;
        private List<SimpleLambdaExpressionSyntax>? _blocks;

        public string? Table { get; }

        public string? Schema { get; }

        public string? BaseType { get; }

        public List<string> Key { get; }

        public string? KeyName { get; }

        public List<RelationshipBuilder> Relationships { get; }

        public List<PropertySignature>? Signature { get; }

        /// <summary>Where each block's statements stood and what each gave the reading, when a scan by text read them (<see cref="ReadBlocks"/>).</summary>
        public BlockReading[]? Readings { get; }

        public int BlockCount { get; }

        /// <summary>The indexes of the entity's statements in its scan's <see cref="TableScan.Statements"/>, in order.</summary>
        public int[]? StatementIndexes { get; }

        /// <summary>
        /// Its columns and their CLR types (<see cref="TargetModelReader.ColumnTypes"/>), computed when first asked, from any
        /// thread (two threads asking at once compute the same list); null when they cannot be said.
        /// </summary>
        public ColumnTypeList? ColumnTypes()
        {
            var known = Volatile.Read(ref _columnTypes);
            if (known is null)
            {
                known = (object?)TargetModelReader.ColumnTypes(Signature) ?? NoColumnTypes;
                known = Interlocked.CompareExchange(ref _columnTypes, known, null) ?? known;
            }

            return known as ColumnTypeList;
        }

        /// <summary>The entity's blocks, found when first asked (from any thread: the same statements are found).</summary>
        public List<SimpleLambdaExpressionSyntax> Blocks
        {
            get
            {
                if (Volatile.Read(ref _blocks) is { } blocks)
                {
                    return blocks;
                }

                Interlocked.CompareExchange(ref _blocks, _pendingBody!.Find(StatementIndexes!), null);
                return _blocks!;
            }
        }
    }

    /// <summary>Where a statement stands, from the start of its body or block.</summary>
    internal interface IStatementSpan
    {
        int Start { get; }

        int End { get; }
    }

    /// <summary>A top-level statement of a scanned body: its span from the body's start, and the entity it configures.</summary>
    internal readonly struct ScanStatement : IStatementSpan
    {
        public ScanStatement(int start, int end, string? entity)
        {
            Start = start;
            End = end;
            Entity = entity;
        }

        public int Start { get; }

        public int End { get; }

        public string? Entity { get; }
    }

    /// <summary>What one statement of an entity block gave the scan's reading of the entity (<see cref="ReadStatement"/>).</summary>
    internal enum BlockStatementKind : byte
    {
        /// <summary>Nothing the scan keeps (an index, an annotation, a statement that is no call).</summary>
        Other,

        /// <summary>A property signature (Property), added to <see cref="EntityBuilder.Signature"/>.</summary>
        Property,

        /// <summary>The key and its name (HasKey).</summary>
        Key,

        /// <summary>The table and its schema (ToTable with a constant name).</summary>
        Table,

        /// <summary>The base type (HasBaseType).</summary>
        BaseType,

        /// <summary>A relationship (HasOne with a constant principal), added to <see cref="EntityBuilder.Relationships"/>.</summary>
        Relationship,
    }

    /// <summary>A statement of an entity block: its span from the block's start, and what it gave the reading.</summary>
    internal readonly struct BlockStatement : IStatementSpan
    {
        public BlockStatement(int start, int end, BlockStatementKind kind)
        {
            Start = start;
            End = end;
            Kind = kind;
        }

        public int Start { get; }

        public int End { get; }

        public BlockStatementKind Kind { get; }
    }

    /// <summary>
    /// An entity block as a scan by text read it: the block's text (its braces, in the tree of the scan that read it), the
    /// builder parameter's name, and each statement's span and kind. What each statement gave is in the entity's reading
    /// (the n-th Property statement gave the n-th signature), so nothing more is kept: a few bytes per statement.
    /// </summary>
    internal sealed class BlockReading
    {
        public BlockReading(SourceText text, int start, int length, string builderName, BlockStatement[] statements)
        {
            Text = text;
            Start = start;
            Length = length;
            BuilderName = builderName;
            Statements = statements;
        }

        public SourceText Text { get; }

        public int Start { get; }

        public int Length { get; }

        public string BuilderName { get; }

        public BlockStatement[] Statements { get; }
    }

    /// <summary>A scanned BuildTargetModel body and its builder's name: where entities taken by text find their blocks.</summary>
    internal sealed class ScanBody
    {
        private readonly BlockSyntax _body;
        private readonly string _builderName;

        public ScanBody(BlockSyntax body, string builderName)
        {
            _body = body;
            _builderName = builderName;
        }

        /// <summary>The entity blocks of the body's statements at <paramref name="indexes"/>, in order.</summary>
        public List<SimpleLambdaExpressionSyntax> Find(int[] indexes)
        {
            var statements = _body.Statements;
            var blocks = new List<SimpleLambdaExpressionSyntax>(indexes.Length);
            foreach (var index in indexes)
            {
                if (EntityStatement(statements[index], _builderName) is var (_, block))
                {
                    blocks.Add(block);
                }
            }

            return blocks;
        }
    }

    internal sealed class PropertyBuilder
    {
        public PropertyBuilder(string name) => Name = name;

        public string Name { get; }

        public string? ColumnName { get; set; }

        public string? ColumnType { get; set; }

        public string? ClrType { get; set; }

        public bool IsRequired { get; set; }

        public int? MaxLength { get; set; }

        public int? Precision { get; set; }

        public int? Scale { get; set; }

        public bool? IsUnicode { get; set; }

        public bool IsFixedLength { get; set; }

        public string? DefaultValue { get; set; }

        public string? DefaultValueSql { get; set; }

        public string? ComputedColumnSql { get; set; }

        public bool? IsStored { get; set; }

        public string? Comment { get; set; }

        public string? Collation { get; set; }

        public bool IsValueGeneratedOnAdd { get; set; }

        public KeyValuePair<string, string>? ValueGenerationAnnotation { get; set; }

        public TargetColumn Build()
            => new(Name, ColumnName ?? Name, ClrType, ColumnType, IsRequired || (ClrType is { } type && !type.EndsWith("?", StringComparison.Ordinal) && type != "string" && type != "byte[]"), MaxLength, DefaultValue)
            {
                Precision = Precision,
                Scale = Scale,
                IsUnicode = IsUnicode,
                IsFixedLength = IsFixedLength,
                DefaultValueSql = DefaultValueSql,
                ComputedColumnSql = ComputedColumnSql,
                IsStored = IsStored,
                Comment = Comment,
                Collation = Collation,
                IsValueGeneratedOnAdd = IsValueGeneratedOnAdd,
                ValueGenerationAnnotation = ValueGenerationAnnotation,
            };
    }

    internal sealed class RelationshipBuilder
    {
        public RelationshipBuilder(string principalEntity) => PrincipalEntity = principalEntity;

        public string PrincipalEntity { get; }

        public string? DependentEntity { get; set; }

        public List<string> ForeignKey { get; set; } = new();

        public List<string> PrincipalKey { get; set; } = new();

        public string? OnDelete { get; set; }

        public string? Name { get; set; }
    }
}
