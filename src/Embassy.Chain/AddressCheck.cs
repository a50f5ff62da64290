using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Chain;

/// <summary>
/// The outcome of checking an address a member typed: the shape behind <c>embassy address check --format json</c>
/// and what the report parser stores next to a wallet.
/// </summary>
/// <param name="Input">The text exactly as given.</param>
/// <param name="Valid">True when the address can be paid on the rail.</param>
/// <param name="Kind">"ss58", "evm", or null when the text is neither.</param>
/// <param name="Prefix">The SS58 network prefix (SS58 only, also when it is the wrong network).</param>
/// <param name="Network">The known network name of <paramref name="Prefix"/> ("phala"), or null.</param>
/// <param name="PublicKey">The SS58 account id as 0x hex (SS58 only).</param>
/// <param name="Canonical">The form to store and pay: SS58 re-encoded for the policy's prefix, or the EIP-55 form. Null when invalid.</param>
/// <param name="Error">Why the address is not valid, or null.</param>
/// <param name="Warnings">Accepted, but worth showing (whitespace trimmed, case normalized).</param>
public sealed record AddressCheckResult(
    string Input,
    bool Valid,
    string? Kind,
    ushort? Prefix,
    string? Network,
    string? PublicKey,
    string? Canonical,
    Diagnostic? Error,
    IReadOnlyList<Diagnostic> Warnings);

/// <summary>The one entry point for checking a payout address on a rail (RULES.md R9).</summary>
public static class AddressCheck
{
    /// <summary>The kind name of SS58 addresses in <see cref="AddressCheckResult.Kind"/>.</summary>
    public const string Ss58Kind = "ss58";

    /// <summary>The kind name of EVM addresses in <see cref="AddressCheckResult.Kind"/>.</summary>
    public const string EvmKind = "evm";

    /// <summary>
    /// Checks <paramref name="input"/> as a payout address on <paramref name="rail"/>. Never throws on bad input.
    /// <list type="bullet">
    /// <item><c>substrate</c>: an SS58 address of <paramref name="prefix"/>; any other is an error that names its network.</item>
    /// <item><c>evm</c>: a 0x address with a correct EIP-55 checksum (one-case input is normalized, with a warning).</item>
    /// <item><c>manual</c>: either; a text starting with 0x is checked as EVM, anything else as SS58 of <paramref name="prefix"/>.</item>
    /// </list>
    /// </summary>
    /// <param name="input">The text as typed.</param>
    /// <param name="rail">The policy's payout rail.</param>
    /// <param name="prefix">The policy's SS58 prefix (Phala: 30); ignored on the evm rail.</param>
    public static AddressCheckResult Check(string? input, PayoutRail rail, ushort prefix = ChainProfile.PhalaPrefix)
    {
        var given = input ?? string.Empty;
        var looksEvm = given.AsSpan().Trim().StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return rail switch
        {
            PayoutRail.Evm => CheckEvm(given),
            PayoutRail.Substrate => CheckSs58(given, prefix),
            PayoutRail.Manual => looksEvm ? CheckEvm(given) : CheckSs58(given, prefix),
            _ => throw new ArgumentOutOfRangeException(nameof(rail), rail, "Unknown payout rail."),
        };
    }

    private static AddressCheckResult CheckSs58(string input, ushort prefix)
    {
        var parsed = Ss58Address.Parse(input, expectedPrefix: null);
        var warnings = parsed.Diagnostics.Where(d => !d.IsError).ToArray();
        if (!parsed.IsSuccess)
        {
            var error = parsed.Errors.First();

            // A valid address of the other rail is still reported as what it is.
            var kind = error.Code == ChainCodes.AddressIsEvm && EvmAddress.Parse(input).IsSuccess ? EvmKind : null;
            return new AddressCheckResult(input, false, kind, null, null, null, null, error, warnings);
        }

        var address = parsed.Value;
        if (address.Prefix != prefix)
        {
            // Same account, wrong network: name it so the member knows what they copied (R9).
            return new AddressCheckResult(
                input, false, Ss58Kind, address.Prefix, address.Network?.Name, address.PublicKeyHex, null,
                Ss58Address.OtherNetwork(address.Prefix, prefix), warnings);
        }

        return new AddressCheckResult(
            input, true, Ss58Kind, address.Prefix, address.Network?.Name, address.PublicKeyHex,
            address.WithPrefix(prefix).Text, null, warnings);
    }

    private static AddressCheckResult CheckEvm(string input)
    {
        var parsed = EvmAddress.Parse(input);
        var warnings = parsed.Diagnostics.Where(d => !d.IsError).ToArray();
        if (parsed.IsSuccess)
        {
            return new AddressCheckResult(input, true, EvmKind, null, null, null, parsed.Value.Text, null, warnings);
        }

        var error = parsed.Errors.First();
        if (error.Code == ChainCodes.AddressIsSs58 && Ss58Address.Parse(input).IsSuccess)
        {
            // A valid address of the other rail is still reported as what it is.
            var ss58 = Ss58Address.Parse(input).Value;
            return new AddressCheckResult(
                input, false, Ss58Kind, ss58.Prefix, ss58.Network?.Name, ss58.PublicKeyHex, null, error, warnings);
        }

        return new AddressCheckResult(input, false, null, null, null, null, null, error, warnings);
    }
}
