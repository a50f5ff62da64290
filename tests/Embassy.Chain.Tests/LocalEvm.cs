using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Embassy.Chain.Tests;

/// <summary>
/// oracle/evm.js as a running chain: ganache on a local port with an 18-decimal OpenZeppelin ERC-20 held by a real
/// 2-of-3 Safe (Safe's own 1.4.1 contracts), owner keys made at random in that process. One per test class.
/// The ./test script installs its node_modules with npm ci; without them the tests fail with a clear message.
/// </summary>
public sealed class LocalEvm : IAsyncLifetime
{
    private Process? _node;

    /// <summary>The chain's JSON-RPC endpoint.</summary>
    public Uri RpcUrl { get; private set; } = null!;

    /// <summary>The chain id ganache serves.</summary>
    public ulong ChainId { get; private set; }

    /// <summary>The ERC-20 contract.</summary>
    public EvmAddress Token { get; private set; } = null!;

    /// <summary>The treasury Safe (holds the tokens).</summary>
    public EvmAddress Safe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var folder = NodeOracle.Folder;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "ganache")))
        {
            Assert.Fail($"The EVM oracle is not installed: run `npm ci` in {folder} (./test does it before dotnet test).");
        }

        _node = Process.Start(new ProcessStartInfo("node", "evm.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ready = await _node.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("evm.js exited before it was ready");
        var json = JsonNode.Parse(ready)!.AsObject();
        RpcUrl = new Uri(json["rpcUrl"]!.GetValue<string>());
        ChainId = json["chainId"]!.GetValue<ulong>();
        Token = EvmAddress.Parse(json["token"]!.GetValue<string>()).Value;
        Safe = EvmAddress.Parse(json["safe"]!.GetValue<string>()).Value;
    }

    /// <summary>Executes a Transaction Builder batch file through the Safe (two owners sign); the mined hash.</summary>
    public async Task<string> ExecuteAsync(string safeBatchJson)
    {
        var answer = await AskAsync(new JsonObject { ["execute"] = JsonNode.Parse(safeBatchJson) });
        Assert.Equal(1, answer["status"]!.GetValue<int>());
        return answer["txHash"]!.GetValue<string>();
    }

    /// <summary>Token balances in smallest units.</summary>
    public async Task<IReadOnlyList<UInt128>> BalancesAsync(IEnumerable<EvmAddress> addresses)
    {
        var answer = await AskAsync(new JsonObject { ["balances"] = new JsonArray([.. addresses.Select(a => (JsonNode)a.Text)]) });
        return [.. answer["balances"]!.AsArray().Select(b => UInt128.Parse(b!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))];
    }

    private async Task<JsonObject> AskAsync(JsonObject request)
    {
        var node = _node ?? throw new InvalidOperationException("not started");
        await node.StandardInput.WriteLineAsync(request.ToJsonString());
        await node.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var line = await node.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("evm.js exited");
        var answer = JsonNode.Parse(line)!.AsObject();
        Assert.True(answer["error"] is null, "evm.js: " + answer["error"]);
        return answer;
    }

    public async Task DisposeAsync()
    {
        if (_node is null)
        {
            return;
        }

        try
        {
            await _node.StandardInput.WriteLineAsync("{\"quit\":true}");
            await _node.StandardInput.FlushAsync();
            if (!_node.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _node.Kill(entireProcessTree: true);
            }
        }
        catch (IOException)
        {
            // already gone
        }

        _node.Dispose();
    }

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
