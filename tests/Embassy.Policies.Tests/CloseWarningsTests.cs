using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Policies.Tests;

/// <summary>The close's warnings under the shipped policies (CloseWarnings in Embassy.Domain).</summary>
public class CloseWarningsTests
{
    private static readonly Token Erc20 = new("PHA", 18);

    [Fact]
    public void Check_October2025HalvesThePool_WarnsOfTheChange()
    {
        var october = PolicyCatalog.Shipped.Get("phala-v5-2025-10").Value;

        var warnings = CloseWarnings.Check(october, Token.Pha.Whole(45_000), Token.Pha.Whole(90_000), Token.Pha.Whole(45_000), null);

        Assert.Equal(CloseWarnings.PoolChanged, Assert.Single(warnings).Code);
        Assert.Equal(Severity.Warning, warnings[0].Severity);
    }

    [Fact]
    public void Check_SamePoolAcrossTheMoveTo18Decimals_NoWarning_AndAboveThePlan_Warns()
    {
        var erc20 = PolicyCatalog.Shipped.Get("phala-v5-erc20").Value;

        Assert.Empty(CloseWarnings.Check(erc20, Erc20.Whole(45_000), Token.Pha.Whole(45_000), Erc20.Whole(45_000), Token.Pha.Whole(45_000)));
        Assert.Empty(CloseWarnings.Check(erc20, Erc20.Whole(50_000), Token.Pha.Whole(45_000), Erc20.Whole(45_000), null)); // 11 %, within 25 %

        var above = CloseWarnings.Check(erc20, Erc20.Whole(45_000), Erc20.Whole(45_000), Erc20.Whole(51_000), Token.Pha.Whole(50_000));
        Assert.Equal(CloseWarnings.AbovePlan, Assert.Single(above).Code);
    }

    [Fact]
    public void Check_PolicySetsTheRatio_OrTurnsItOff()
    {
        var text = PolicyCatalog.ShippedText("phala-v4")!;
        var strict = PolicyLoader.Load(text + "\npool_change_warning: 5\n", "strict.yaml").Value;
        var off = PolicyLoader.Load(text + "\npool_change_warning: off\n", "off.yaml").Value;

        Assert.Single(CloseWarnings.Check(strict, Token.Pha.Whole(90_000), Token.Pha.Whole(84_000), Token.Pha.Whole(1), null)); // 7 %
        Assert.Empty(CloseWarnings.Check(strict, Token.Pha.Whole(88_200), Token.Pha.Whole(84_000), Token.Pha.Whole(1), null)); // exactly 5 %
        Assert.Empty(CloseWarnings.Check(off, Token.Pha.Whole(200_000), Token.Pha.Whole(84_000), Token.Pha.Whole(1), null));
        Assert.Contains(PolicyLoader.Load(text + "\npool_change_warning: lots\n", "bad.yaml").Errors, e => e.Position?.Line > 0);
    }
}
