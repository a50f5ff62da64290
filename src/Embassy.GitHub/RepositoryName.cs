using Embassy.Domain;

namespace Embassy.GitHub;

/// <summary>A GitHub repository, <c>owner/name</c>, compared without case as GitHub does.</summary>
public readonly record struct RepositoryName
{
    private RepositoryName(string owner, string name)
    {
        Owner = owner;
        Name = name;
    }

    public string Owner { get; }

    public string Name { get; }

    /// <summary><c>owner/name</c> in lower case: the key stored in the database.</summary>
    public string Key => (Owner + "/" + Name).ToLowerInvariant();

    /// <summary>Parses <c>owner/name</c>.</summary>
    public static Result<RepositoryName> Parse(string? text)
    {
        var parts = (text ?? string.Empty).Trim().Split('/');
        if (parts.Length != 2 || !parts.All(IsValidPart))
        {
            return Result<RepositoryName>.Fail("GITHUB_REPOSITORY_INVALID", $"'{text}' is not a repository; write it as OWNER/NAME.");
        }

        return Result<RepositoryName>.Ok(new RepositoryName(parts[0], parts[1]));
    }

    /// <summary>Parses <c>owner/name</c>; throws <see cref="ArgumentException"/> when malformed (for code and tests).</summary>
    public static RepositoryName Of(string text)
    {
        var result = Parse(text);
        return result.IsSuccess ? result.Value : throw new ArgumentException(result.Errors.First().Message, nameof(text));
    }

    /// <inheritdoc />
    public bool Equals(RepositoryName other) => string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <inheritdoc />
    public override string ToString() => Owner + "/" + Name;

    private static bool IsValidPart(string part) =>
        part.Length is > 0 and <= 100 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
