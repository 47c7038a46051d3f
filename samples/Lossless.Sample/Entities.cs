namespace Lossless.Sample;

/// <summary>A NextAuth.js-style user: the id is a string the auth library makes, not necessarily a uuid.</summary>
public class User
{
    public Guid Id { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public List<Project> Projects { get; } = [];

    public List<Account> Accounts { get; } = [];
}

public class Project
{
    public int Id { get; set; }

    public string Title { get; set; } = null!;

    public Guid UserId { get; set; }

    public User User { get; set; } = null!;
}

/// <summary>An OAuth account linked to a user, as NextAuth.js stores it.</summary>
public class Account
{
    public int Id { get; set; }

    public string Provider { get; set; } = null!;

    public string ProviderAccountId { get; set; } = null!;

    public Guid UserId { get; set; }

    public User User { get; set; } = null!;
}
