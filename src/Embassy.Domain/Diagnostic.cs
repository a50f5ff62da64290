namespace Embassy.Domain;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>Worth knowing; changes nothing.</summary>
    Info,

    /// <summary>Accepted, but a person should look (e.g. an address normalized from lower case).</summary>
    Warning,

    /// <summary>The input cannot be used as it is.</summary>
    Error,
}

/// <summary>Where in a text (a file, a report body, a CSV) a diagnostic points. Lines and columns count from 1.</summary>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Source">The file or field the position is in, when that helps the reader (e.g. "scores.csv").</param>
public readonly record struct SourcePosition(int Line, int Column = 0, string? Source = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Source is null ? string.Empty : Source + ":";
        if (Line <= 0)
        {
            return Source ?? "?";
        }

        return Column > 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{where}{Line}:{Column}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{where}{Line}");
    }
}

/// <summary>
/// The project's one model of an expected problem (STYLE.md "one error model"): a stable machine code,
/// a message a person understands, a severity and, for parsed text, a position.
/// Programmer errors throw instead; a diagnostic is for input that users or files supply.
/// </summary>
/// <param name="Code">Stable, upper-case code such as <c>REPORT_LATE</c>; tools and tests match on it.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">A sentence for the person who can fix it.</param>
/// <param name="Position">Where it is, when it comes from text.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourcePosition? Position = null)
{
    /// <summary>An error diagnostic.</summary>
    public static Diagnostic Error(string code, string message, SourcePosition? position = null) =>
        new(code, Severity.Error, message, position);

    /// <summary>A warning diagnostic.</summary>
    public static Diagnostic Warning(string code, string message, SourcePosition? position = null) =>
        new(code, Severity.Warning, message, position);

    /// <summary>An informational diagnostic.</summary>
    public static Diagnostic Info(string code, string message, SourcePosition? position = null) =>
        new(code, Severity.Info, message, position);

    /// <summary>True for <see cref="Severity.Error"/>.</summary>
    public bool IsError => Severity == Severity.Error;

    /// <summary>"where: severity CODE: message", the form the CLI prints.</summary>
    public override string ToString()
    {
        var sev = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        return Position is { } p ? $"{p}: {sev} {Code}: {Message}" : $"{sev} {Code}: {Message}";
    }
}

/// <summary>
/// A value together with the diagnostics found while producing it. When any diagnostic is an error,
/// <see cref="Value"/> must not be used (it is <c>default</c>): nothing is ever computed from partial input.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        _value = value;
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic, errors and warnings, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when no diagnostic is an error.</summary>
    public bool IsSuccess => !Diagnostics.Any(d => d.IsError);

    /// <summary>The value. Throws <see cref="InvalidOperationException"/> when the result holds errors.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException("The result has errors: " + string.Join("; ", Errors.Select(e => e.ToString())));

    /// <summary>The error diagnostics only.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>A successful result, optionally with warnings.</summary>
    public static Result<T> Ok(T value, IEnumerable<Diagnostic>? warnings = null)
    {
        var list = warnings?.ToArray() ?? [];
        if (list.Any(d => d.IsError))
        {
            throw new ArgumentException("Ok results cannot carry errors.", nameof(warnings));
        }

        return new Result<T>(value, list);
    }

    /// <summary>A failed result; at least one diagnostic must be an error.</summary>
    public static Result<T> Fail(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var list = diagnostics.ToArray();
        if (!list.Any(d => d.IsError))
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(diagnostics));
        }

        return new Result<T>(default, list);
    }

    /// <summary>A failed result with one error.</summary>
    public static Result<T> Fail(string code, string message, SourcePosition? position = null) =>
        Fail([Diagnostic.Error(code, message, position)]);

    /// <summary>Success when <paramref name="diagnostics"/> holds no error, failure otherwise.</summary>
    public static Result<T> From(T value, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var list = diagnostics.ToArray();
        return new Result<T>(list.Any(d => d.IsError) ? default : value, list);
    }

    /// <summary>Maps the value, keeping the diagnostics.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsSuccess ? Result<TOut>.Ok(map(_value!), Diagnostics) : Result<TOut>.Fail(Diagnostics);
    }
}
