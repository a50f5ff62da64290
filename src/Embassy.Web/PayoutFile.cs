using System.Globalization;
using System.Text;
using Embassy.Chain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Embassy.Web;

/// <summary>
/// A file the treasury signers download (R9): the CSV sheet, substrate call data, or one Safe batch. The admin pages and
/// the API serve a month's payout and a month's bounties from here, so a file has one name and one format wherever it
/// is downloaded.
/// </summary>
/// <param name="Content">The bytes (UTF-8 text).</param>
/// <param name="ContentType">The media type.</param>
/// <param name="Name">The download's file name.</param>
internal sealed record PayoutFile(byte[] Content, string ContentType, string Name)
{
    /// <summary>The CSV sheet, <c>{name}.csv</c>.</summary>
    public static PayoutFile Csv(ManualPayout sheet, string name) =>
        new(Encoding.UTF8.GetBytes(sheet.ToCsv()), "text/csv; charset=utf-8", name + ".csv");

    /// <summary>Substrate batch call data with call hashes, <c>{name}-substrate.txt</c>.</summary>
    public static PayoutFile Substrate(SubstratePayout payout, string title, string name, IReadOnlyList<string>? steps = null) =>
        new(Encoding.UTF8.GetBytes(payout.ToSigningText(title, steps)), "text/plain; charset=utf-8", name + "-substrate.txt");

    /// <summary>Safe batch <paramref name="chunk"/> (from 0, clamped to the batches there are), <c>{name}-safe-{n}.json</c>.</summary>
    public static PayoutFile Safe(EvmPayout payout, int? chunk, DateTimeOffset now, string title, string name)
    {
        var index = Math.Clamp(chunk ?? 0, 0, Math.Max(0, payout.Chunks.Count - 1));
        var json = payout.ToSafeBatchJson(index, now, $"{title} ({index + 1}/{payout.Chunks.Count})");
        return new(Encoding.UTF8.GetBytes(json), "application/json", $"{name}-safe-{(index + 1).ToString(CultureInfo.InvariantCulture)}.json");
    }

    /// <summary>The API's answer.</summary>
    public FileContentHttpResult ToResult() => TypedResults.File(Content, ContentType, Name);
}
