namespace Embassy.Reports;

/// <summary>
/// The parts of a GitHub issue the report parser reads (a REST API issue object: <c>number</c>, <c>title</c>,
/// <c>body</c>, <c>user.login</c>, <c>created_at</c>, <c>html_url</c>). An immutable snapshot: edits are new snapshots (R7).
/// </summary>
/// <param name="Number">The issue number.</param>
/// <param name="Title">The title, possibly empty.</param>
/// <param name="Body">The body (Markdown), possibly empty.</param>
/// <param name="AuthorLogin">The GitHub login of the author: the identity that links a report to a member (R2).</param>
/// <param name="CreatedAt">Creation time; the filing time the deadline (R7) is measured on.</param>
/// <param name="HtmlUrl">The issue's web address, when known.</param>
public sealed record IssueSnapshot(
    long Number,
    string Title,
    string Body,
    string? AuthorLogin,
    DateTimeOffset CreatedAt,
    string? HtmlUrl = null);
