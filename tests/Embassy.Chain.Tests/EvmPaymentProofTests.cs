using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;

namespace Embassy.Chain.Tests;

/// <summary>
/// Proof on a real EVM (R9): a month of 150 members computed by the engine under phala-v5-erc20 becomes Embassy's two
/// Safe Transaction Builder batches, which a 2-of-3 Safe executes through MultiSendCallOnly exactly as the Transaction
/// Builder would; every recipient then holds the month's result to the wei, and the verifier accepts those hashes and
/// refuses a batch with one amount or one recipient changed.
/// </summary>
public sealed class EvmPaymentProofTests(LocalEvm evm) : IClassFixture<LocalEvm>
{
    private static readonly DateTimeOffset CreatedAt = new(2025, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MonthOf150Members_TwoSafeBatches_ExecutedByTheSafe_PayEveryMemberToTheWei_AndOnlyTheRealBatchVerifies()
    {
        var month = Month(150);
        var addresses = month.Members.ToDictionary(m => m.Id, m => Address(int.Parse(m.Id[1..], System.Globalization.CultureInfo.InvariantCulture)));
        var lines = month.Members.Select(m => new PayoutLine(m.Id, addresses[m.Id].Text, m.Total)).ToArray();
        var profile = new EvmTokenProfile(evm.ChainId, evm.Token, month.Token);
        var payout = EvmPayout.Build(lines, profile).Value;
        Assert.Equal(2, payout.Chunks.Count); // 100 and 50: the policy's chunk size

        var hashes = new List<string>();
        for (var i = 0; i < payout.Chunks.Count; i++)
        {
            hashes.Add(await evm.ExecuteAsync(payout.ToSafeBatchJson(i, CreatedAt, $"Embassy payout 2025-11 ({i + 1}/2)")));
        }

        // Every member holds exactly the engine's total; the pool is paid out to the unit.
        var balances = await evm.BalancesAsync(month.Members.Select(m => addresses[m.Id]));
        Assert.Equal(month.Members.Select(m => m.Total.Units), balances);
        Assert.Equal(month.TotalPaid.Units, balances.Aggregate(UInt128.Zero, (a, b) => a + b));

        var verifier = new EvmPaymentVerifier(evm.RpcUrl);
        for (var i = 0; i < payout.Chunks.Count; i++)
        {
            var check = await verifier.CheckAsync(hashes[i], profile, payout.Chunks[i], evm.Safe);
            Assert.True(check.IsVerified, string.Join("\n", check.Problems));
            Assert.Equal(payout.Chunks[i].Count, check.Lines.Count);
            Assert.All(check.Lines, l => Assert.True(l.Matches));
        }

        // One amount changed by one unit: refused on that line only.
        var first = payout.Chunks[0];
        var oneAmount = first.Select((t, i) => i == 41 ? t with { Amount = t.Amount + month.Token.Units(1) } : t).ToArray();
        var amountCheck = await verifier.CheckAsync(hashes[0], profile, oneAmount, evm.Safe);
        Assert.Equal(PaymentCheckOutcome.Mismatch, amountCheck.Outcome);
        var amountProblem = Assert.Single(amountCheck.Problems);
        Assert.Equal((PaymentCheck.LineMismatch, 42), (amountProblem.Code, amountCheck.Lines.Single(l => !l.Matches).Line));
        Assert.Contains("Line 42:", amountProblem.Message, StringComparison.Ordinal);

        // One recipient changed: refused on that line only.
        var oneRecipient = first.Select((t, i) => i == 7 ? t with { Destination = Address(9999) } : t).ToArray();
        var recipientCheck = await verifier.CheckAsync(hashes[0], profile, oneRecipient, evm.Safe);
        Assert.Equal(PaymentCheckOutcome.Mismatch, recipientCheck.Outcome);
        Assert.Equal(8, recipientCheck.Lines.Single(l => !l.Matches).Line);
        Assert.Equal(PaymentCheck.LineMismatch, Assert.Single(recipientCheck.Problems).Code);

        // The second batch's hash is not the first batch: 100 lines against 50 transfers, every one wrong or missing.
        var swapped = await verifier.CheckAsync(hashes[1], profile, first, evm.Safe);
        Assert.Equal(PaymentCheckOutcome.Mismatch, swapped.Outcome);
        Assert.Equal(50, swapped.Problems.Count(p => p.Code == PaymentCheck.LineMissing));

        // Another sender than the named Safe, a hash that was never mined, a token contract that moved nothing.
        var otherSafe = await verifier.CheckAsync(hashes[1], profile, payout.Chunks[1], Address(4242));
        Assert.Equal(50, otherSafe.Problems.Count(p => p.Code == PaymentCheck.WrongSender));
        var unknown = await verifier.CheckAsync("0x" + new string('7', 64), profile, first, evm.Safe);
        Assert.Equal(PaymentCheck.NotFound, Assert.Single(unknown.Problems).Code);
        var otherToken = await verifier.CheckAsync(hashes[1], profile with { Contract = Address(77) }, payout.Chunks[1], evm.Safe);
        Assert.Equal(50, otherToken.Problems.Count(p => p.Code == PaymentCheck.LineMissing));
        var otherChain = await verifier.CheckAsync(hashes[1], profile with { ChainId = 1 }, payout.Chunks[1], evm.Safe);
        Assert.Equal(PaymentCheck.WrongChain, Assert.Single(otherChain.Problems).Code);
    }

    [Fact]
    public async Task Check_EndpointDown_IsUnreachable_NeverVerified()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        var check = await new EvmPaymentVerifier(new Uri($"http://127.0.0.1:{port}")).CheckAsync("0x" + new string('1', 64), EvmTokenProfile.PhaOnEthereum, []);

        Assert.Equal(PaymentCheckOutcome.Unreachable, check.Outcome);
        Assert.False(check.IsVerified);
        Assert.Equal(PaymentCheck.RpcUnreachable, Assert.Single(check.Problems).Code);
    }

    // November 2025 under phala-v5-erc20 (18 decimals): members m1…mN with scores that differ, so shares have remainders.
    private static MonthAllocation Month(int members)
    {
        var policy = PolicyCatalog.Shipped.Get("phala-v5-erc20").Value;
        var ids = Enumerable.Range(1, members).Select(i => "m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var scores = ids.SelectMany((id, i) => new[]
        {
            new ScoreLine(id, "CM", null, null, Points.Of(10 + (i * 7 % 31))),
            new ScoreLine(id, "CC", null, null, Points.Of(5 + (i * 13 % 36))),
        }).ToArray();
        var result = MonthEngine.Compute(new MonthInput
        {
            Policy = policy,
            Period = new Period(2025, 11),
            Members = [.. ids.Select(id => new Member(id, Rank.Ambassador))],
            Scores = scores,
        });
        Assert.True(result.IsSuccess, string.Join("\n", result.Diagnostics));
        Assert.Equal(18, result.Value.Token.Decimals);
        Assert.All(result.Value.Members, m => Assert.False(m.Total.IsZero));
        return result.Value;
    }

    private static EvmAddress Address(int n)
    {
        var bytes = new byte[20];
        bytes[0] = 0x5e;
        bytes[1] = 0xed;
        BitConverter.TryWriteBytes(bytes.AsSpan(16), n);
        return EvmAddress.FromBytes(bytes);
    }
}
