using System.Globalization;

namespace Embassy.GitHubStandIn;

/// <summary>
/// Runs the stand-in on its own for demos: <c>dotnet run --project tests/GitHubStandIn -- [--port N] [--repo OWNER/NAME]
/// [--issues N] [--token T]</c>. It files N sample reports and serves until stopped (Ctrl+C). Point Embassy at it with
/// <c>EMBASSY_GitHub__ApiBaseAddress</c> and <c>EMBASSY_GitHub__Token</c>.
/// </summary>
public static class StandInProgram
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var port = int.Parse(Arg("--port", "0"), CultureInfo.InvariantCulture);
        var repo = Arg("--repo", "phala/ambassadors");
        var count = int.Parse(Arg("--issues", "20"), CultureInfo.InvariantCulture);
        var token = Arg("--token", "standin-token");

        await using var standIn = await GitHubStandIn.StartAsync(token: token, port: port);
        for (var i = 1; i <= count; i++)
        {
            standIn.AddIssue(repo, "member" + i.ToString(CultureInfo.InvariantCulture), "December 2024 report", $"""
                1. Personal info:
                - Amb rank: Ambassador
                - PHA Wallet Address: 41PLCEdup7XdUH4hsik4hyFoihDRYKfpN2K48jZH8ehL2tP2
                - Departments: [CM]/[MK]

                4. Suggested scores:
                - [CM] {20 + i % 20}/40
                - [MK] {15 + i % 25}/40
                """);
        }

        Console.WriteLine($"GitHub stand-in: {standIn.ApiBaseAddress} repository {repo}, {count} issues, token {token}");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        return 0;
    }
}
