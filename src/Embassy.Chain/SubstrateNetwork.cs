namespace Embassy.Chain;

/// <summary>
/// A network of the SS58 registry that members are likely to confuse with Phala: used to name the network of
/// a valid address given under the wrong prefix ("this is a Polkadot address (prefix 0)").
/// </summary>
/// <param name="Prefix">The SS58 network prefix.</param>
/// <param name="Name">Lower-case identifier, as in the JSON output ("phala").</param>
/// <param name="DisplayName">The name people use ("Phala / Khala").</param>
public sealed record SubstrateNetwork(ushort Prefix, string Name, string DisplayName)
{
    /// <summary>
    /// A modest table of well-known prefixes. Phala and its Kusama sibling Khala share prefix 30, so an
    /// address alone cannot tell them apart; both are named.
    /// </summary>
    public static IReadOnlyList<SubstrateNetwork> Known { get; } =
    [
        new(0, "polkadot", "Polkadot"),
        new(2, "kusama", "Kusama"),
        new(5, "astar", "Astar"),
        new(6, "bifrost", "Bifrost"),
        new(7, "edgeware", "Edgeware"),
        new(8, "karura", "Karura"),
        new(10, "acala", "Acala"),
        new(30, "phala", "Phala / Khala"),
        new(42, "substrate", "generic Substrate"),
        new(1284, "moonbeam", "Moonbeam"),
        new(1285, "moonriver", "Moonriver"),
    ];

    /// <summary>The known network of a prefix, or null.</summary>
    public static SubstrateNetwork? Find(ushort prefix)
    {
        foreach (var n in Known)
        {
            if (n.Prefix == prefix)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>"the Polkadot network (prefix 0)", or "network prefix 1234" when the prefix is not in the table.</summary>
    public static string Describe(ushort prefix) =>
        Find(prefix) is { } n ? $"{n.DisplayName} (prefix {prefix})" : $"network prefix {prefix}";
}
