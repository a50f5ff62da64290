using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Policies.Tests;

public class ShippedPoliciesTests
{
    [Fact]
    public void Shipped_AllPoliciesLoadWithoutErrors()
    {
        var ids = PolicyCatalog.Shipped.All.Select(p => p.Id).ToList();
        Assert.Equal(["phala-v1", "phala-v3", "phala-v3.1", "phala-v4", "phala-v4.1", "phala-v5", "phala-v5-2025-10", "phala-v5-erc20"], ids);
    }

    [Theory]
    [InlineData("2022-06", "phala-v1")]
    [InlineData("2022-12", "phala-v3")]
    [InlineData("2023-08", "phala-v3.1")]
    [InlineData("2024-07", "phala-v4")]
    [InlineData("2024-09", "phala-v4.1")]
    [InlineData("2025-03", "phala-v5")]
    [InlineData("2025-09", "phala-v5")]
    [InlineData("2025-10", "phala-v5-2025-10")]
    [InlineData("2025-11", "phala-v5-erc20")]
    [InlineData("2026-10", "phala-v5-erc20")]
    public void ForPeriod_ReturnsPolicyInForce(string period, string expected)
    {
        Assert.Equal(expected, PolicyCatalog.Shipped.ForPeriod(Period.Parse(period).Value).Id);
    }

    [Fact]
    public void Default_IsPhalaV4()
    {
        Assert.Equal("phala-v4", PolicyCatalog.Shipped.Default.Id);
        Assert.Null(PolicyCatalog.Shipped.InForce(new Period(2021, 1)));
    }

    [Fact]
    public void PhalaV4_MatchesSeed()
    {
        var p = PolicyCatalog.Shipped.Get("phala-v4").Value;
        Assert.Equal(RewardModel.DepartmentPools, p.Model);
        Assert.Equal(Token.Pha.Whole(84_000), p.Pool.Base);
        Assert.Equal(Token.Pha.Whole(21_000), p.Pool.GrowthAmount);
        Assert.Equal(20, p.Pool.BaselineMembers);
        Assert.Equal(5, p.Pool.GrowthStep);
        Assert.Equal(
            new Dictionary<string, int> { ["BASIC"] = 1000, ["CM"] = 2500, ["MK"] = 2000, ["CC"] = 2000, ["BD"] = 1000, ["TECH"] = 1000, ["OTHERS"] = 500 },
            p.Departments.ToDictionary(d => d.Code, d => d.WeightBasisPoints));
        Assert.All(p.Departments, d => Assert.Equal(Points.Of(40), d.Max));
        Assert.Equal(["CM", "MK", "CC", "BD", "TECH"], p.Departments.Where(d => d.Kind == DepartmentKind.Selectable).Select(d => d.Code));
        Assert.Equal((2, 3), (p.Choice.Min, p.Choice.Max));
        Assert.Equal(Token.Pha.Whole(4000), p.RankBonuses.Single(b => b.Rank == Rank.Head).Amount);
        Assert.Equal(Token.Pha.Whole(2000), p.RankBonuses.Single(b => b.Rank == Rank.Senior).Amount);
        Assert.Equal(new StreakRule(Rank.Candidate, Rank.Ambassador, 65, 3), p.Promotions[0]);
        Assert.Equal(new StreakRule(Rank.Ambassador, Rank.Senior, 90, 3), p.Promotions[1]);
        Assert.Equal(5, p.Deadline.Day);
        Assert.Equal(PayoutRail.Substrate, p.Payout.Rail);
        Assert.Equal(30, p.Payout.Ss58Prefix);
        Assert.Equal(Token.Pha.Units(10_000_000_000), p.Payout.Minimum);
        Assert.StartsWith("sha256:", p.Hash, StringComparison.Ordinal);
        Assert.True(p.RankIndex(Rank.Head) > p.RankIndex(Rank.Senior));
    }

    [Fact]
    public void PhalaV41_UsesTaForTechAssistance()
    {
        var p = PolicyCatalog.Shipped.Get("phala-v4.1").Value;
        Assert.Equal(["CM", "MK", "CC", "BD", "TA"], p.Departments.Where(d => d.Kind == DepartmentKind.Selectable).Select(d => d.Code));
        Assert.Equal("TA", p.ResolveCode("Tech Assistance"));
    }

    [Fact]
    public void PhalaV5_HasNewWeightsAndPool()
    {
        var p = PolicyCatalog.Shipped.Get("phala-v5").Value;
        Assert.Equal(Token.Pha.Whole(90_000), p.Pool.Base);
        Assert.Equal(
            new Dictionary<string, int> { ["CM"] = 3500, ["CC"] = 4000, ["BD"] = 2000, ["OTHERS"] = 500 },
            p.Departments.ToDictionary(d => d.Code, d => d.WeightBasisPoints));
    }

    [Fact]
    public void PhalaV5Erc20_PaysOnEthereumWith18Decimals()
    {
        var p = PolicyCatalog.Shipped.Get("phala-v5-erc20").Value;
        Assert.Equal(18, p.Token.Decimals);
        Assert.Equal(PayoutRail.Evm, p.Payout.Rail);
        Assert.Equal(1, p.Payout.ChainId);
        Assert.NotNull(p.Payout.TokenContract);
        Assert.Equal(p.Token.Whole(45_000), p.Pool.Base);
    }

    [Fact]
    public void PhalaV5October2025_HalvesThePoolAndKeepsTheMarchRules()
    {
        // program-history/2025-10-v5-update.md: 13 members share 45,000 PHA; the rest is read as unchanged from March 2025.
        var october = PolicyCatalog.Shipped.Get("phala-v5-2025-10").Value;
        var march = PolicyCatalog.Shipped.Get("phala-v5").Value;
        Assert.Equal(Token.Pha.Whole(45_000), october.Pool.Base);
        Assert.Equal((new Period(2025, 10), (Period?)new Period(2025, 10)), (october.From, october.Until));
        Assert.Equal(new Period(2025, 9), march.Until);
        Assert.Equal(PayoutRail.Substrate, october.Payout.Rail);
        Assert.Equal(
            march.Departments.Select(d => (d.Code, d.WeightBasisPoints, d.Max)),
            october.Departments.Select(d => (d.Code, d.WeightBasisPoints, d.Max)));
        Assert.Equal(march.Pool with { Base = october.Pool.Base }, october.Pool);
        Assert.Equal(march.RankBonuses, october.RankBonuses);
        Assert.Equal(march.Promotions, october.Promotions);
        Assert.Equal((march.Choice.Min, march.Choice.Max), (october.Choice.Min, october.Choice.Max));
    }

    [Fact]
    public void PhalaV5Erc20_KeepsTheOctober2025RulesOnTheEvmRail()
    {
        var october = PolicyCatalog.Shipped.Get("phala-v5-2025-10").Value;
        var erc20 = PolicyCatalog.Shipped.Get("phala-v5-erc20").Value;
        Assert.Equal(new Period(2025, 11), erc20.From);
        Assert.Null(erc20.Until);
        Assert.Equal(erc20.Token.Whole(45_000), erc20.Pool.Base);
        Assert.Equal(
            october.Departments.Select(d => (d.Code, d.WeightBasisPoints)),
            erc20.Departments.Select(d => (d.Code, d.WeightBasisPoints)));
    }

    [Fact]
    public void PhalaV1_IsThresholdModelWithBasicAndSupplementaryTasks()
    {
        var p = PolicyCatalog.Shipped.Get("phala-v1").Value;
        Assert.Equal(RewardModel.Threshold, p.Model);
        Assert.Equal(PercentBasis.FixedTotal, p.Scoring.Basis);
        Assert.Equal(Points.Of(100), p.Scoring.Total);
        Assert.Equal([("CM", 50m), ("VSM", 30m)], p.Departments.Select(d => (d.Code, d.Max.Value)));
        Assert.All(p.Departments, d => Assert.Equal(DepartmentKind.Basic, d.Kind));
        Assert.Equal(2, p.Supplementary.MaxTasks);
        Assert.Equal(Points.Of(20), p.Supplementary.MaxPoints);
        Assert.Equal(40m, p.Threshold!.MinPercent);
        Assert.Equal(90m, p.Threshold.SurplusMinPercent);
        Assert.Equal(3, p.Terminations.Count);
        Assert.Equal(3, p.Deadline.Day);
    }

    [Fact]
    public void PhalaV1_CarriesProposal14sFiatCaps()
    {
        // R10, seed 001: 2,000 $ a month to active seniors, 2,000 $ to educators/developers; a maximum is clamped.
        var caps = PolicyCatalog.Shipped.Get("phala-v1").Value.FiatCaps;

        Assert.Equal(2, caps.Count);
        Assert.All(caps, c => Assert.Equal(Domain.Treasury.UsdAmount.Dollars(2_000), c.Rule.Cap));
        Assert.All(caps, c => Assert.Equal(Domain.Treasury.CapMode.Clamp, c.Rule.Mode));
        Assert.Equal([Rank.Senior], caps.Single(c => !c.Bounties).Ranks);
        Assert.Single(caps, c => c.Bounties);
        Assert.Empty(PolicyCatalog.Shipped.Get("phala-v4").Value.FiatCaps);
    }

    [Fact]
    public void PhalaV3_HasMemberWeightsAdvocateAndRecruiterTask()
    {
        var p = PolicyCatalog.Shipped.Get("phala-v3").Value;
        Assert.True(p.Choice.MemberWeights);
        Assert.Equal(Points.Of(80), p.Choice.SharedPoints);
        Assert.Equal(Points.Of(20), p.FindSupplementary("RC")!.Max);
        Assert.False(p.Ranks.Single(r => r.Rank == Rank.Advocate).Member);
        Assert.Equal(Rank.Advocate, p.Ranks[0].Rank);
    }

    [Fact]
    public void PhalaV31_AddsComputeAndRaisesPromotionThresholds()
    {
        var p = PolicyCatalog.Shipped.Get("phala-v3.1").Value;
        Assert.Equal("CP", p.ResolveCode("Compute"));
        Assert.NotNull(p.FindSupplementary("QC"));
        Assert.Equal([65m, 90m], p.Promotions.Select(x => x.Percent));
        Assert.Equal(5, p.Deadline.Day);
    }

    [Fact]
    public void ResolveCode_FindsByCodeNameAliasAndDecoration()
    {
        var p = PolicyCatalog.Shipped.Get("phala-v4").Value;
        Assert.Equal("CM", p.ResolveCode("#CM"));
        Assert.Equal("CM", p.ResolveCode("[cm]"));
        Assert.Equal("CM", p.ResolveCode("Community Management"));
        Assert.Equal("TECH", p.ResolveCode("Tech"));
        Assert.Equal("OTHERS", p.ResolveCode("Other"));
        Assert.Null(p.ResolveCode("Astrology"));
    }

    [Fact]
    public void ShippedText_ReturnsYamlOfEachPolicy()
    {
        foreach (var p in PolicyCatalog.Shipped.All)
        {
            var text = PolicyCatalog.ShippedText(p.Id);
            Assert.NotNull(text);
            Assert.Contains("id: " + p.Id, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("phala-v1", "expertise commitment influence")]
    [InlineData("phala-v3", "skillsets experience phala-knowledge english")]
    [InlineData("phala-v3.1", "skillsets experience phala-knowledge english")]
    [InlineData("phala-v4", "expertise commitment influence")]
    [InlineData("phala-v4.1", "expertise commitment influence")]
    [InlineData("phala-v5", "expertise commitment influence")]
    [InlineData("phala-v5-2025-10", "expertise commitment influence common-sense")]
    [InlineData("phala-v5-erc20", "expertise commitment influence common-sense")]
    public void ApplicationCriteria_AreThoseOfEachRevision_CommonSenseFromOctober2025(string id, string codes)
    {
        var policy = PolicyCatalog.Shipped.Find(id)!;
        Assert.Equal(codes, string.Join(' ', policy.Application.Criteria.Select(c => c.Code)));
        Assert.All(policy.Application.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
        Assert.Equal((Points.Of(10), Points.Of(1)), (policy.Application.Scale.Max, policy.Application.Scale.Step));
    }

    [Fact]
    public void Payout_ExplorerIsPolicyData_SubscanForTheParachain_EtherscanForTheErc20()
    {
        Assert.All(PolicyCatalog.Shipped.All, p => Assert.Equal(
            p.Payout.Rail == PayoutRail.Evm ? "https://etherscan.io/tx/{tx}" : "https://phala.subscan.io/extrinsic/{tx}",
            p.Payout.Explorer));
    }

    [Theory]
    [InlineData("http://etherscan.io/tx/{tx}")]
    [InlineData("https://etherscan.io/tx/")]
    [InlineData("javascript:alert({tx})")]
    public void Payout_BadExplorer_IsRefusedWithItsLine(string explorer)
    {
        var text = PolicyCatalog.ShippedText("phala-v5-erc20")!;
        var r = PolicyLoader.Load(text.Replace("explorer: https://etherscan.io/tx/{tx}", "explorer: \"" + explorer + "\"", StringComparison.Ordinal), "bad.yaml");

        var e = Assert.Single(r.Errors);
        Assert.Equal("POLICY_BAD_VALUE", e.Code);
        Assert.Contains("payout.explorer", e.Message, StringComparison.Ordinal);
        Assert.Equal(text[..text.IndexOf("explorer: https", StringComparison.Ordinal)].Count(c => c == '\n') + 1, e.Position!.Value.Line);
    }
}
