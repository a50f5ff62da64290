using System.Diagnostics.Metrics;

namespace Embassy.Application;

/// <summary>
/// The program's counters (meter <see cref="MeterName"/>): reports parsed, webhook deliveries by outcome, month transitions.
/// The web host exports them in Prometheus format (<c>Metrics:Path</c>); nothing is measured until a listener subscribes.
/// </summary>
public static class EmbassyMetrics
{
    /// <summary>The meter's name, for exporters.</summary>
    public const string MeterName = "Embassy";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> ReportsParsed = Meter.CreateCounter<long>("embassy.reports.parsed", "{report}", "Report issues read by the parser, by whether they had errors.");

    private static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>("embassy.webhook.deliveries", "{delivery}", "GitHub webhook deliveries: accepted (queued), duplicate (already stored), parked (can never be processed).");

    private static readonly Counter<long> MonthTransitions = Meter.CreateCounter<long>("embassy.month.transitions", "{transition}", "Month-close steps taken (lock, reopen, approve, payment recorded or corrected), by audit action.");

    /// <summary>A report was parsed; <paramref name="valid"/> when it had no error.</summary>
    public static void ReportParsed(bool valid) => ReportsParsed.Add(1, new KeyValuePair<string, object?>("outcome", valid ? "valid" : "invalid"));

    /// <summary>A webhook delivery's outcome: <c>accepted</c>, <c>duplicate</c> or <c>parked</c>.</summary>
    public static void WebhookDelivery(string outcome) => WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A month-close transition, named by its audit action (e.g. <c>month.locked</c>).</summary>
    public static void MonthTransition(string action) => MonthTransitions.Add(1, new KeyValuePair<string, object?>("action", action));
}
