namespace Embassy.GitHubStandIn;

/// <summary>An issue (or pull request) held by the stand-in.</summary>
public sealed class StandInIssue
{
    public long Id { get; init; }

    public int Number { get; init; }

    public required string Repository { get; set; }

    public required string Author { get; set; }

    /// <summary>The author's GitHub user id: stays through a login rename; a re-claimed login has another.</summary>
    public long AuthorId { get; set; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    public string State { get; set; } = "open";

    public List<string> Labels { get; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsPullRequest { get; init; }

    public bool Deleted { get; set; }

    /// <summary>Set when transferred: the repository and number it moved to.</summary>
    public (string Repository, int Number)? TransferredTo { get; set; }

    public List<StandInComment> Comments { get; } = [];
}

/// <summary>An issue comment held by the stand-in.</summary>
public sealed class StandInComment
{
    public long Id { get; init; }

    public required string Author { get; init; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One request the stand-in answered.</summary>
public sealed record StandInRequest(string Method, string Path, string Query, int Status, bool Conditional);
