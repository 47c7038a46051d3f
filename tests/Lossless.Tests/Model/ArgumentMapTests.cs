using Lossless.Analyzers.Model.Operations;

namespace Lossless.Tests.Model;

public class ArgumentMapTests
{
    [Fact]
    public void Arguments_KeepTheirOrder_AndASecondValueReplacesTheFirstInPlace()
    {
        var map = new ArgumentMap(3);
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
        var map = new ArgumentMap(1);
        map.Set("name", new ArgumentValue(ArgumentState.Default, null, null));

        Assert.False(map.TryGetValue("schema", out var value));
        Assert.Equal(ArgumentState.Absent, value.State);
        Assert.False(map.ContainsKey("Name"));
        Assert.Throws<KeyNotFoundException>(() => map["schema"]);
        Assert.Empty(new ArgumentMap(0));
    }
}
