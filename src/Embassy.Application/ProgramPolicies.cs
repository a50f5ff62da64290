using Embassy.Domain;
using Embassy.Policies;
using Embassy.Reports;
using Microsoft.Extensions.Configuration;

namespace Embassy.Application;

/// <summary>
/// The one registry of the program's rules (RULES.md R1): the policies of the program's own folder
/// (<c>Program:Policies</c>, environment <c>EMBASSY_Program__Policies</c>) or, unset, the shipped Phala policies, and the
/// report parser whose department vocabulary comes from them. The web app, the CLI and every use case read the rules
/// through it, so another program runs from its own folder with no code change.
/// </summary>
public sealed class ProgramPolicies
{
    /// <summary>The configuration key naming the program's folder of policy files.</summary>
    public const string FolderKey = "Program:Policies";

    private ProgramPolicies(PolicyCatalog catalog, ReportParser parser, string? folder)
    {
        Catalog = catalog;
        Parser = parser;
        Folder = folder;
    }

    /// <summary>The shipped Phala policies (the default).</summary>
    public static ProgramPolicies Shipped { get; } = new(PolicyCatalog.Shipped, ReportParser.Shipped, null);

    /// <summary>The policies with their effective periods.</summary>
    public PolicyCatalog Catalog { get; }

    /// <summary>The report parser over <see cref="Catalog"/>: each month read under the policy in force (R1).</summary>
    public ReportParser Parser { get; }

    /// <summary>The folder the policies came from, or null for the shipped ones.</summary>
    public string? Folder { get; }

    /// <summary>The file text of a policy (what the registry records, R1), or null.</summary>
    public string? Text(string id) => Catalog.Text(id) ?? (Folder is null ? PolicyCatalog.ShippedText(id) : null);

    /// <summary>The policies of <paramref name="folder"/> (every <c>*.yaml</c> in it), or the shipped ones when it is empty.</summary>
    public static Result<ProgramPolicies> FromFolder(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return Result<ProgramPolicies>.Ok(Shipped);
        }

        var full = Path.GetFullPath(folder);
        var catalog = PolicyCatalog.LoadDirectory(full);
        if (!catalog.IsSuccess)
        {
            return Result<ProgramPolicies>.Fail(catalog.Diagnostics);
        }

        var c = catalog.Value;
        return Result<ProgramPolicies>.From(new ProgramPolicies(c, new ReportParser(c.All, c.InForce, c.Default), full), catalog.Diagnostics);
    }

    /// <summary>The policies <c>Program:Policies</c> names, or the shipped ones when it is unset.</summary>
    public static Result<ProgramPolicies> FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return FromFolder(configuration[FolderKey]);
    }

    /// <summary>One line per problem, as <c>embassy policy check</c> prints them: <c>file:line:col: error CODE: message</c>.</summary>
    public static IEnumerable<string> Lines(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics)
        {
            // The loader's messages for a whole file start with its name; with a line, the position says it.
            if (d.Position is { Line: > 0, Source: { Length: > 0 } source } && d.Message.StartsWith(source + ": ", StringComparison.Ordinal))
            {
                yield return (d with { Message = d.Message[(source.Length + 2)..] }).ToString();
            }
            else if (d.Position is { Line: 0, Source: { Length: > 0 } file })
            {
                var bare = (d with { Position = null }).ToString();
                yield return d.Message.StartsWith(file + ": ", StringComparison.Ordinal) ? bare : file + ": " + bare;
            }
            else
            {
                yield return d.ToString();
            }
        }
    }
}
