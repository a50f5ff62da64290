using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Cli;

/// <summary><c>embassy address check</c>: checks a payout address as a member typed it (RULES.md R9).</summary>
internal static class AddressCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static Command Create()
    {
        var address = new Argument<string>("address") { Description = "The address as the member typed it (quote it if it has spaces)." };
        var rail = new Option<string?>("--rail")
        {
            Description = "Payout rail: substrate (SS58) or evm (0x). Without it, 0x… is checked as EVM and anything else as SS58.",
        };
        rail.AcceptOnlyFromAmong("substrate", "evm", "manual");
        var prefix = new Option<ushort>("--prefix")
        {
            Description = "The SS58 network prefix expected on the substrate rail (Phala: 30).",
            DefaultValueFactory = _ => ChainProfile.PhalaPrefix,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: text or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var check = new Command("check", "Check a payout address: exit 0 when valid, 1 when not.") { address, rail, prefix, format };
        check.SetAction(pr =>
        {
            var output = pr.InvocationConfiguration.Output;
            var result = AddressCheck.Check(pr.GetValue(address), ParseRail(pr.GetValue(rail)), pr.GetValue(prefix));
            if (pr.GetValue(format) == "json")
            {
                output.WriteLine(JsonSerializer.Serialize(ToJson(result), Json));
            }
            else
            {
                WriteText(output, result);
            }

            return result.Valid ? EmbassyCli.Ok : EmbassyCli.Invalid;
        });

        return new Command("address", "Payout addresses: SS58 (Phala) and EVM (0x).") { check };
    }

    // Without --rail the text decides: the manual rail checks 0x… as EVM and anything else as SS58.
    internal static PayoutRail ParseRail(string? rail) => rail switch
    {
        "substrate" => PayoutRail.Substrate,
        "evm" => PayoutRail.Evm,
        _ => PayoutRail.Manual,
    };

    private static AddressJson ToJson(AddressCheckResult r) => new(
        r.Input,
        r.Valid,
        r.Kind,
        r.Prefix,
        r.Network,
        r.PublicKey,
        r.Canonical,
        r.Error is null ? null : new DiagnosticJson(r.Error.Code, r.Error.Message),
        r.Warnings.Select(w => new DiagnosticJson(w.Code, w.Message)).ToArray());

    private static void WriteText(TextWriter output, AddressCheckResult r)
    {
        if (r.Valid)
        {
            var what = r.Kind == AddressCheck.Ss58Kind
                ? $"SS58 address, {SubstrateNetwork.Describe(r.Prefix!.Value)}"
                : "EVM address";
            output.WriteLine($"valid {what}");
            output.WriteLine($"canonical: {r.Canonical}");
            if (r.PublicKey is not null)
            {
                output.WriteLine($"public key: {r.PublicKey}");
            }
        }
        else
        {
            output.WriteLine($"invalid: {r.Error}");
        }

        foreach (var w in r.Warnings)
        {
            output.WriteLine(w.ToString());
        }
    }

    /// <summary>The JSON contract of <c>address check --format json</c> (issue #3); every key is always present.</summary>
    private sealed record AddressJson(
        string Input,
        bool Valid,
        string? Kind,
        ushort? Prefix,
        string? Network,
        string? PublicKey,
        string? Canonical,
        DiagnosticJson? Error,
        IReadOnlyList<DiagnosticJson> Warnings);

    private sealed record DiagnosticJson(string Code, string Message);
}
