using System;

namespace Lossless.Analyzers.Model;

/// <summary>Facts about a method body that rules on Down need beyond its operations.</summary>
[Flags]
public enum BodyShape
{
    Empty = 0,
    HasStatements = 1,
    OnlyThrows = 2,

    /// <summary>A loop, a call of a helper, or code outside the class that receives the builder.</summary>
    Opaque = 4,
}
