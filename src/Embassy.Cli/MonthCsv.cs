using System.Globalization;
using System.Text;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Cli;

/// <summary>
/// Reads the CSV files of a month (scores, members, choices, history, carried amounts, bonuses) into the
/// engine's input types. Never throws on bad input: every problem is a <see cref="Diagnostic"/> with the file
/// name and line, and a file with any error yields no rows (nothing is ever computed from partial data).
/// </summary>
internal static class MonthCsv
{
    /// <summary>Codes that mean the file itself could not be used (bad usage, exit 2) rather than bad values in it (exit 1).</summary>
    public static readonly IReadOnlySet<string> FileCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "CSV_FILE_NOT_FOUND", "CSV_UNREADABLE", "CSV_EMPTY", "CSV_MALFORMED", "CSV_MISSING_COLUMN",
    };

    /// <summary>
    /// <c>member,department,effort,result</c> or <c>member,department,points</c> (R3). When both forms are in the
    /// header, each row fills one of them. Values are checked against the policy by the engine, which reports
    /// them at the line kept in <see cref="ScoreLine.Position"/>.
    /// </summary>
    public static Result<IReadOnlyList<ScoreLine>> ReadScores(string path)
    {
        var diagnostics = new List<Diagnostic>();
        var rows = new List<ScoreLine>();
        var csv = MonthCsvDocument.Read(path, diagnostics);
        if (csv is null)
        {
            return Result<IReadOnlyList<ScoreLine>>.Fail(diagnostics);
        }

        csv.WarnUnused(diagnostics, "member", "department", "effort", "result", "points");
        var split = csv.Has("effort") || csv.Has("result");
        var plain = csv.Has("points");
        if (!split && !plain)
        {
            diagnostics.Add(csv.HeaderError("CSV_MISSING_COLUMN", "needs the columns effort and result, or points (member,department,effort,result or member,department,points)."));
        }
        else if (split && !(csv.Has("effort") && csv.Has("result")))
        {
            diagnostics.Add(csv.HeaderError("CSV_MISSING_COLUMN", $"has '{(csv.Has("effort") ? "effort" : "result")}' without '{(csv.Has("effort") ? "result" : "effort")}'; give both, or a points column."));
        }

        if (!csv.Require(diagnostics, "member", "department") || diagnostics.Any(d => d.IsError))
        {
            return Result<IReadOnlyList<ScoreLine>>.Fail(diagnostics);
        }

        foreach (var row in csv.Rows)
        {
            var member = row.Text("member", diagnostics);
            var department = row.Text("department", diagnostics);
            var effortText = split ? row.Get("effort") : string.Empty;
            var resultText = split ? row.Get("result") : string.Empty;
            var pointsText = plain ? row.Get("points") : string.Empty;
            var hasSplit = effortText.Length > 0 || resultText.Length > 0;
            var hasPlain = pointsText.Length > 0;
            if (hasSplit && hasPlain)
            {
                diagnostics.Add(row.Error("CSV_CONFLICT", "gives both effort/result and points; fill one or the other."));
                continue;
            }

            if (!hasSplit && !hasPlain)
            {
                diagnostics.Add(row.Error("CSV_EMPTY_VALUE", split ? "effort and result are empty." : "points is empty."));
                continue;
            }

            if (hasSplit)
            {
                var effort = row.PointsOf("effort", diagnostics);
                var result = row.PointsOf("result", diagnostics);
                if (member is not null && department is not null && effort is not null && result is not null)
                {
                    rows.Add(new ScoreLine(member, department, effort, result, null, row.Position));
                }
            }
            else
            {
                var points = row.PointsOf("points", diagnostics);
                if (member is not null && department is not null && points is not null)
                {
                    rows.Add(new ScoreLine(member, department, null, null, points, row.Position));
                }
            }
        }

        return Result<IReadOnlyList<ScoreLine>>.From(rows, diagnostics);
    }

    /// <summary><c>id,rank[,joined,left,region]</c> (R2); dates are <c>YYYY-MM-DD</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="knownRanks">Rank codes the policies in use know; any other rank is an error at its line.</param>
    public static Result<IReadOnlyList<Member>> ReadMembers(string path, IReadOnlyCollection<string> knownRanks)
    {
        var diagnostics = new List<Diagnostic>();
        var rows = new List<Member>();
        var csv = MonthCsvDocument.Read(path, diagnostics);
        csv?.WarnUnused(diagnostics, "id", "rank", "joined", "left", "region");
        if (csv is null || !csv.Require(diagnostics, "id", "rank"))
        {
            return Result<IReadOnlyList<Member>>.Fail(diagnostics);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in csv.Rows)
        {
            var id = row.Text("id", diagnostics);
            var rank = row.RankOf("rank", knownRanks, diagnostics);
            var joined = row.DateOf("joined", diagnostics);
            var left = row.DateOf("left", diagnostics);
            if (joined is { } j && left is { } l && l < j)
            {
                diagnostics.Add(row.Error("CSV_BAD_DATE", $"left ({l:yyyy-MM-dd}) is before joined ({j:yyyy-MM-dd})."));
                continue;
            }

            if (id is not null && !seen.TryAdd(id, row.Line))
            {
                diagnostics.Add(row.Error("MEMBER_DUPLICATE", $"member '{id}' is already listed on line {seen[id].ToString(CultureInfo.InvariantCulture)}."));
                continue;
            }

            if (id is not null && rank is not null)
            {
                var region = row.Get("region");
                rows.Add(new Member(id, rank.Value, joined, left, region.Length == 0 ? null : region));
            }
        }

        return Result<IReadOnlyList<Member>>.From(rows, diagnostics);
    }

    /// <summary>
    /// <c>member,departments</c>: the departments a member chose (R3), separated by ';' or '|'; V.3's own weights
    /// are written <c>MK:90;CC:10</c>.
    /// </summary>
    public static Result<IReadOnlyList<MemberChoice>> ReadChoices(string path)
    {
        var diagnostics = new List<Diagnostic>();
        var rows = new List<MemberChoice>();
        var csv = MonthCsvDocument.Read(path, diagnostics);
        csv?.WarnUnused(diagnostics, "member", "departments");
        if (csv is null || !csv.Require(diagnostics, "member", "departments"))
        {
            return Result<IReadOnlyList<MemberChoice>>.Fail(diagnostics);
        }
        foreach (var row in csv.Rows)
        {
            var member = row.Text("member", diagnostics);
            var text = row.Text("departments", diagnostics);
            if (member is null || text is null)
            {
                continue;
            }

            var codes = new List<string>();
            var weights = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            var ok = true;
            foreach (var part in text.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                var code = (colon < 0 ? part : part[..colon]).Trim();
                if (code.Length == 0)
                {
                    diagnostics.Add(row.Error("CSV_BAD_VALUE", $"departments: '{part}' has no department code."));
                    ok = false;
                    continue;
                }

                if (codes.Contains(code, StringComparer.OrdinalIgnoreCase))
                {
                    diagnostics.Add(row.Error("CSV_DUPLICATE", $"departments: {code} is listed twice."));
                    ok = false;
                    continue;
                }

                codes.Add(code);
                if (colon >= 0)
                {
                    var w = part[(colon + 1)..].Trim().TrimEnd('%').Trim();
                    if (!decimal.TryParse(w, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight))
                    {
                        diagnostics.Add(row.Error("CSV_BAD_NUMBER", $"departments: the weight of {code} ('{part[(colon + 1)..]}') is not a number of percent."));
                        ok = false;
                        continue;
                    }

                    weights[code] = weight;
                }
            }

            if (weights.Count > 0 && weights.Count != codes.Count)
            {
                diagnostics.Add(row.Error("CSV_BAD_VALUE", "departments: give a weight for every department (MK:90;CC:10) or for none."));
                ok = false;
            }

            if (ok)
            {
                rows.Add(new MemberChoice(member, codes, weights.Count > 0 ? weights : null, row.Position));
            }
        }

        return Result<IReadOnlyList<MemberChoice>>.From(rows, diagnostics);
    }

    /// <summary>
    /// <c>period,member,rank,percent[,status]</c>: earlier closed months for streaks (R8). Percent is written
    /// 95 or 95.5; status is accepted (default), late or missing (R7).
    /// </summary>
    public static Result<IReadOnlyList<ClosedMonth>> ReadHistory(string path, IReadOnlyCollection<string> knownRanks)
    {
        var diagnostics = new List<Diagnostic>();
        var rows = new List<ClosedMonth>();
        var csv = MonthCsvDocument.Read(path, diagnostics);
        csv?.WarnUnused(diagnostics, "period", "member", "rank", "percent", "status");
        if (csv is null || !csv.Require(diagnostics, "period", "member", "rank", "percent"))
        {
            return Result<IReadOnlyList<ClosedMonth>>.Fail(diagnostics);
        }
        var seen = new Dictionary<(Period, string), int>();
        foreach (var row in csv.Rows)
        {
            Period? period = null;
            var periodText = row.Get("period");
            if (Period.TryParse(periodText, out var p))
            {
                period = p;
            }
            else
            {
                diagnostics.Add(row.Error("CSV_BAD_DATE", $"period '{periodText}' is not a month; write YYYY-MM, e.g. 2024-09."));
            }

            var member = row.Text("member", diagnostics);
            var rank = row.RankOf("rank", knownRanks, diagnostics);
            var percent = row.PercentOf("percent", diagnostics);
            var status = MonthStatus.Accepted;
            var statusText = row.Get("status");
            if (statusText.Length > 0)
            {
                switch (statusText.ToUpperInvariant())
                {
                    case "ACCEPTED": status = MonthStatus.Accepted; break;
                    case "LATE": status = MonthStatus.Late; break;
                    case "MISSING": status = MonthStatus.Missing; break;
                    default:
                        diagnostics.Add(row.Error("CSV_BAD_VALUE", $"status '{statusText}' must be accepted, late or missing."));
                        continue;
                }
            }

            if (period is { } pp && member is not null && !seen.TryAdd((pp, member), row.Line))
            {
                diagnostics.Add(row.Error("CSV_DUPLICATE", $"{member} already has a row for {pp} on line {seen[(pp, member)].ToString(CultureInfo.InvariantCulture)}."));
                continue;
            }

            if (period is not null && member is not null && rank is not null && percent is not null)
            {
                rows.Add(new ClosedMonth(period.Value, member, rank.Value, percent.Value, status));
            }
        }

        return Result<IReadOnlyList<ClosedMonth>>.From(rows, diagnostics);
    }

    /// <summary>
    /// <c>department,amount</c>: amounts carried in from earlier months in whole tokens. Under department pools
    /// each row names a department of the policy (R4 carry_forward); under the threshold model the one row is
    /// department <c>*</c>, the whole pool's carry (R5).
    /// </summary>
    public static Result<IReadOnlyDictionary<string, TokenAmount>> ReadCarried(string path, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var diagnostics = new List<Diagnostic>();
        var rows = new Dictionary<string, TokenAmount>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var csv = MonthCsvDocument.Read(path, diagnostics);
        csv?.WarnUnused(diagnostics, "department", "amount");
        if (csv is null || !csv.Require(diagnostics, "department", "amount"))
        {
            return Result<IReadOnlyDictionary<string, TokenAmount>>.Fail(diagnostics);
        }
        var threshold = policy.Model == RewardModel.Threshold;
        foreach (var row in csv.Rows)
        {
            var department = row.Text("department", diagnostics);
            var amount = row.AmountOf("amount", policy.Token, diagnostics);
            if (department is null || amount is null)
            {
                continue;
            }

            string key;
            if (threshold)
            {
                if (department != "*")
                {
                    diagnostics.Add(row.Error("CSV_UNKNOWN_DEPARTMENT", $"policy {policy.Id} pays from one pool (threshold model); carry into it with department '*', not '{department}'."));
                    continue;
                }

                key = string.Empty;
            }
            else if ((policy.FindDepartment(department) ?? (policy.ResolveCode(department) is { } c ? policy.FindDepartment(c) : null)) is { } d)
            {
                key = d.Code;
            }
            else
            {
                diagnostics.Add(row.Error("CSV_UNKNOWN_DEPARTMENT", $"'{department}' is not a department of policy {policy.Id} ({string.Join(", ", policy.Departments.Select(x => x.Code))})."));
                continue;
            }

            if (!lines.TryAdd(key, row.Line))
            {
                diagnostics.Add(row.Error("CSV_DUPLICATE", $"{department} is already carried on line {lines[key].ToString(CultureInfo.InvariantCulture)}."));
                continue;
            }

            rows[key] = amount.Value;
        }

        return Result<IReadOnlyDictionary<string, TokenAmount>>.From(rows, diagnostics);
    }

    /// <summary><c>member,amount,reason,approver</c>: approved ad-hoc bonuses outside the pool (R6), in whole tokens.</summary>
    /// <param name="path">The file.</param>
    /// <param name="token">The policy's token.</param>
    /// <param name="members">The month's member ids, when known: a bonus for anyone else is an error, never silently dropped.</param>
    public static Result<IReadOnlyList<AdHocBonus>> ReadBonuses(string path, Token token, IReadOnlyCollection<string>? members)
    {
        var diagnostics = new List<Diagnostic>();
        var rows = new List<AdHocBonus>();
        var csv = MonthCsvDocument.Read(path, diagnostics);
        csv?.WarnUnused(diagnostics, "member", "amount", "reason", "approver");
        if (csv is null || !csv.Require(diagnostics, "member", "amount", "reason", "approver"))
        {
            return Result<IReadOnlyList<AdHocBonus>>.Fail(diagnostics);
        }
        foreach (var row in csv.Rows)
        {
            var member = row.Text("member", diagnostics);
            var amount = row.AmountOf("amount", token, diagnostics);
            var reason = row.Text("reason", diagnostics);
            var approver = row.Text("approver", diagnostics);
            if (member is not null && members is not null && !members.Contains(member, StringComparer.Ordinal))
            {
                diagnostics.Add(row.Error("BONUS_UNKNOWN_MEMBER", $"'{member}' is not a member this month; a bonus needs a member."));
                continue;
            }

            if (member is not null && amount is not null && reason is not null && approver is not null)
            {
                rows.Add(new AdHocBonus(member, amount.Value, reason, approver));
            }
        }

        return Result<IReadOnlyList<AdHocBonus>>.From(rows, diagnostics);
    }
}

/// <summary>
/// An RFC 4180 CSV file with a header row: quoted fields may hold commas, quotes ("") and line breaks.
/// Column names are case-insensitive; values are trimmed; blank lines are skipped. Structural problems
/// (an unterminated quote, a row with the wrong number of fields) are diagnostics with the line number.
/// </summary>
internal sealed class MonthCsvDocument
{
    private readonly Dictionary<string, int> _columns;

    private MonthCsvDocument(string name, int headerLine, IReadOnlyList<string> header, IEnumerable<(int Line, List<string> Fields)> rows)
    {
        Name = name;
        HeaderLine = headerLine;
        Header = header;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i], i);
        }

        Rows = rows.Select(r => new MonthCsvRow(this, r.Line, r.Fields)).ToList();
    }

    /// <summary>The file name used in positions, e.g. "scores.csv".</summary>
    public string Name { get; }

    public int HeaderLine { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<MonthCsvRow> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    public int IndexOf(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>
    /// Reads and splits a file; null when it cannot be used at all (missing, unreadable, no header, malformed). A row may
    /// leave off up to <paramref name="optionalTrailing"/> last columns (read as empty), for files whose last column is optional.
    /// </summary>
    public static MonthCsvDocument? Read(string path, List<Diagnostic> diagnostics, int optionalTrailing = 0)
    {
        var name = Path.GetFileName(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            diagnostics.Add(Diagnostic.Error("CSV_FILE_NOT_FOUND", $"{path}: no such file.", new SourcePosition(0, 0, name)));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(Diagnostic.Error("CSV_UNREADABLE", $"{path}: cannot read the file: {ex.Message}", new SourcePosition(0, 0, name)));
            return null;
        }

        var records = CsvRecords.Read(text, name, "CSV_MALFORMED", diagnostics);
        if (records is null)
        {
            return null;
        }

        if (records.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error("CSV_EMPTY", "the file is empty; it needs a header row.", new SourcePosition(1, 0, name)));
            return null;
        }

        var (headerLine, header) = records[0];
        var names = header.Select(h => h.Trim()).ToList();
        var ok = true;
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
            {
                diagnostics.Add(Diagnostic.Error("CSV_MALFORMED", $"header column {(i + 1).ToString(CultureInfo.InvariantCulture)} has no name.", new SourcePosition(headerLine, 0, name)));
                ok = false;
            }
            else if (names.Take(i).Contains(names[i], StringComparer.OrdinalIgnoreCase))
            {
                diagnostics.Add(Diagnostic.Error("CSV_MALFORMED", $"header column '{names[i]}' appears twice.", new SourcePosition(headerLine, 0, name)));
                ok = false;
            }
        }

        var rows = new List<(int, List<string>)>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != names.Count && !(fields.Count < names.Count && fields.Count >= names.Count - optionalTrailing))
            {
                diagnostics.Add(Diagnostic.Error(
                    "CSV_MALFORMED",
                    $"this row has {fields.Count.ToString(CultureInfo.InvariantCulture)} field(s); the header has {names.Count.ToString(CultureInfo.InvariantCulture)} ({string.Join(",", names)}).",
                    new SourcePosition(line, 0, name)));
                ok = false;
                continue;
            }

            rows.Add((line, fields.Select(f => f.Trim()).Concat(Enumerable.Repeat(string.Empty, names.Count - fields.Count)).ToList()));
        }

        return ok ? new MonthCsvDocument(name, headerLine, names, rows) : null;
    }

    /// <summary>True when every column is present; otherwise one CSV_MISSING_COLUMN per missing column.</summary>
    public bool Require(List<Diagnostic> diagnostics, params string[] columns)
    {
        var ok = true;
        foreach (var c in columns.Where(c => !Has(c)))
        {
            diagnostics.Add(HeaderError("CSV_MISSING_COLUMN", $"has no column '{c}'; the header is {string.Join(",", Header)}, expected {string.Join(",", columns)}."));
            ok = false;
        }

        return ok;
    }

    /// <summary>A warning for each column nobody reads (often a typo such as 'efort').</summary>
    public void WarnUnused(List<Diagnostic> diagnostics, params string[] used)
    {
        foreach (var c in Header.Where(h => !used.Contains(h, StringComparer.OrdinalIgnoreCase)))
        {
            diagnostics.Add(Diagnostic.Warning("CSV_UNKNOWN_COLUMN", $"column '{c}' is not used (known: {string.Join(", ", used)}).", new SourcePosition(HeaderLine, 0, Name)));
        }
    }

    public Diagnostic HeaderError(string code, string problem) =>
        Diagnostic.Error(code, "the header " + problem, new SourcePosition(HeaderLine, 0, Name));
}

/// <summary>One data row of a <see cref="MonthCsvDocument"/>, with typed accessors that report problems at its line.</summary>
internal sealed class MonthCsvRow(MonthCsvDocument document, int line, IReadOnlyList<string> fields)
{
    public int Line { get; } = line;

    public SourcePosition Position => new(Line, 0, document.Name);

    /// <summary>The trimmed value, or "" when the column is absent.</summary>
    public string Get(string column) => document.IndexOf(column) is var i and >= 0 ? fields[i] : string.Empty;

    public Diagnostic Error(string code, string problem) => Diagnostic.Error(code, problem, Position);

    /// <summary>A required non-empty text value.</summary>
    public string? Text(string column, List<Diagnostic> diagnostics)
    {
        var v = Get(column);
        if (v.Length == 0)
        {
            diagnostics.Add(Error("CSV_EMPTY_VALUE", $"{column} is empty."));
            return null;
        }

        return v;
    }

    public Points? PointsOf(string column, List<Diagnostic> diagnostics)
    {
        var v = Get(column);
        if (v.Length == 0)
        {
            diagnostics.Add(Error("CSV_EMPTY_VALUE", $"{column} is empty."));
            return null;
        }

        // Negative numbers parse: the engine reports them as SCORE_NEGATIVE, with the rule that forbids them.
        if (!Points.TryParse(v, out var p))
        {
            diagnostics.Add(Error("CSV_BAD_NUMBER", $"{column} '{v}' is not a number of points (e.g. 18 or 17.5)."));
            return null;
        }

        return p;
    }

    /// <summary>A percentage written 95 or 95.5, kept exact as hundredths of a percent over 10,000.</summary>
    public Percent? PercentOf(string column, List<Diagnostic> diagnostics)
    {
        var v = Get(column).TrimEnd('%').TrimEnd();
        if (!decimal.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            || d * 100m != decimal.Truncate(d * 100m) || d > 1000m)
        {
            diagnostics.Add(Error("CSV_BAD_NUMBER", $"{column} '{Get(column)}' is not a percentage with at most two decimals (e.g. 95 or 95.5)."));
            return null;
        }

        return new Percent(decimal.ToInt64(d * 100m), 10_000);
    }

    public TokenAmount? AmountOf(string column, Token token, List<Diagnostic> diagnostics)
    {
        var v = Get(column);
        var parsed = TokenAmount.Parse(v, token);
        if (!parsed.IsSuccess)
        {
            var e = parsed.Errors.First();
            diagnostics.Add(Error(e.Code == "AMOUNT_NEGATIVE" ? "CSV_NEGATIVE" : "CSV_BAD_NUMBER", $"{column}: {e.Message}"));
            return null;
        }

        return parsed.Value;
    }

    public DateOnly? DateOf(string column, List<Diagnostic> diagnostics)
    {
        var v = Get(column);
        if (v.Length == 0)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            diagnostics.Add(Error("CSV_BAD_DATE", $"{column} '{v}' is not a date; write YYYY-MM-DD, e.g. 2024-09-01."));
            return null;
        }

        return date;
    }

    public Rank? RankOf(string column, IReadOnlyCollection<string> knownRanks, List<Diagnostic> diagnostics)
    {
        var v = Text(column, diagnostics);
        if (v is null)
        {
            return null;
        }

        if (!knownRanks.Contains(v, StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Add(Error("CSV_UNKNOWN_RANK", $"{column} '{v}' is not a rank; use one of {string.Join(", ", knownRanks)}."));
            return null;
        }

        return new Rank(v);
    }
}
