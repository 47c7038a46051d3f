using System;

namespace Lossless.Analyzers.Model;

/// <summary>lossless.deploy_model: how the application meets its migrations, and so how much their locks matter.</summary>
public enum DeployModel
{
    /// <summary>Not set: the Availability rules report at their default severity (info); LL3009 is off.</summary>
    Default = 0,

    /// <summary>Zero-downtime deployments: every Availability rule is a warning, and LL3009 is on.</summary>
    Online,

    /// <summary>The application is stopped while migrations run: the Availability rules are off.</summary>
    Offline,
}

/// <summary>Reading lossless.deploy_model and lossless.lock_timeout.</summary>
public static class DeployModels
{
    public const string OptionKey = "lossless.deploy_model";

    public const string LockTimeoutKey = "lossless.lock_timeout";

    public const string DefaultLockTimeout = "5s";

    /// <summary>online or offline, any case; anything else (unset, misspelt) is the default.</summary>
    public static DeployModel Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "online" => DeployModel.Online,
        "offline" => DeployModel.Offline,
        _ => DeployModel.Default,
    };

    /// <summary>
    /// A lock_timeout value PostgreSQL accepts and a fix can write inside a SQL literal: digits with an optional unit
    /// (ms, s, min, h, d); anything else (unset, a quote, a typo) is the default 5s.
    /// </summary>
    public static string NormalizeLockTimeout(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        var digits = 0;
        while (digits < text.Length && text[digits] is >= '0' and <= '9')
        {
            digits++;
        }

        if (digits == 0)
        {
            return DefaultLockTimeout;
        }

        var unit = text.Substring(digits).Trim();
        return unit is "" or "ms" or "s" or "min" or "h" or "d" ? text.Substring(0, digits) + unit : DefaultLockTimeout;
    }
}
