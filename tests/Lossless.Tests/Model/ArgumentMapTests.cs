using System.Collections.Immutable;
using Lossless.Analyzers.Model.Operations;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis.Operations;

namespace Lossless.Tests.Model;

public class ArgumentMapTests
{
    [Fact]
    public void Arguments_KeepTheirOrder_AndASecondValueReplacesTheFirstInPlace()
    {
        var map = new ArgumentMap(ImmutableArray<IArgumentOperation>.Empty, 3);
        map.Set("name", new ArgumentValue(ArgumentState.Constant, "id", null));
        map.Set("table", new ArgumentValue(ArgumentState.Constant, "users", null));
        map.Set("name", new ArgumentValue(ArgumentState.Constant, "email", null));

        Assert.Equal(2, map.Count);
        Assert.Equal(["name", "table"], map.Keys);
        Assert.Equal(["email", "users"], map.Values.Select(static value => (string)value.Value!));
        Assert.Equal(["name=email", "table=users"], map.Select(static pair => pair.Key + "=" + pair.Value.Value));
        Assert.Equal("email", map["name"].Value);
        Assert.True(map.ContainsKey("table"));
    }

    [Fact]
    public void AMissingParameter_IsAbsent_AsInADictionary()
    {
        var map = new ArgumentMap(ImmutableArray<IArgumentOperation>.Empty, 1);
        map.Set("name", new ArgumentValue(ArgumentState.Default, null, null));

        Assert.False(map.TryGetValue("schema", out var value));
        Assert.Equal(ArgumentState.Absent, value.State);
        Assert.False(map.ContainsKey("Name"));
        Assert.Throws<KeyNotFoundException>(() => map["schema"]);
        Assert.Empty(new ArgumentMap(ImmutableArray<IArgumentOperation>.Empty, 0));
    }

    [Fact]
    public void AParameterLeftOut_IsReadAsItsDefault_WhenAsked_AndIsNotEnumerated()
    {
        var model = ModelHarness.Read(Sources.Migration("""
            migrationBuilder.AddColumn<string>(name: "email", table: "users", nullable: false, defaultValue: "");
            """));

        var add = Assert.Single(model.Up);
        Assert.Equal(["name", "table", "nullable", "defaultValue"], add.Arguments.Keys);
        Assert.Equal(4, add.Arguments.Count);

        var schema = add["schema"];
        Assert.Equal(ArgumentState.Default, schema.State);
        Assert.Null(schema.Value);
        Assert.True(schema.IsKnown);
        Assert.False(schema.IsSpecified);
        Assert.NotNull(schema.Operation);
        Assert.Same(schema.Operation, add["schema"].Operation);
        Assert.Equal(ArgumentState.Default, add["maxLength"].State);
        Assert.Equal(ArgumentState.Constant, add["defaultValue"].State);
        Assert.Equal(string.Empty, add["defaultValue"].Value);
        Assert.True(add.Arguments.ContainsKey("unicode"));
        Assert.Equal(ArgumentState.Absent, add["noSuchParameter"].State);
    }
}
