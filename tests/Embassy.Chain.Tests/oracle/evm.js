// A real EVM for the payout tests: ganache (in-process, served on a free local port), an OpenZeppelin ERC-20 of 18
// decimals compiled here with solc, and Safe's own contracts from @safe-global/safe-contracts 1.4.1 (their compiled
// artifacts): Safe, SafeProxyFactory and MultiSendCallOnly. A 2-of-3 Safe holds the tokens; the three owners' keys
// are made at random on each run and never leave this process.
//
// Protocol: one JSON line out when ready ({rpcUrl, chainId, token, safe, multiSend, executor}); then one JSON request
// per line in, one JSON answer per line out:
//   {"execute": <Safe Transaction Builder batch file>}  -> {"txHash", "status"}   (multiSend through execTransaction)
//   {"balances": ["0x…", …]}                           -> {"balances": ["123…", …]} (token units, decimal strings)
//   {"quit": true}                                      -> the process exits
// No network: everything runs on 127.0.0.1.
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const ganache = require("ganache");
const solc = require("solc");
const { ethers } = require("ethers");

const artifacts = path.join(path.dirname(require.resolve("@safe-global/safe-contracts/package.json")), "build", "artifacts", "contracts");
const artifact = (rel) => JSON.parse(fs.readFileSync(path.join(artifacts, rel), "utf8"));

function compileToken() {
  const source = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
contract EmbassyTestToken is ERC20 {
    constructor(address holder, uint256 supply) ERC20("Phala Test", "PHA") { _mint(holder, supply); }
}`;
  const input = {
    language: "Solidity",
    sources: { "EmbassyTestToken.sol": { content: source } },
    settings: { evmVersion: "shanghai", optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const findImports = (p) => {
    try { return { contents: fs.readFileSync(require.resolve(p), "utf8") }; } catch (e) { return { error: String(e) }; }
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (out.errors || []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const c = out.contracts["EmbassyTestToken.sol"].EmbassyTestToken;
  return { abi: c.abi, bytecode: "0x" + c.evm.bytecode.object };
}

// MultiSend's packed encoding, as Safe's Transaction Builder sends a batch of more than one transaction:
// operation (uint8) ‖ to (address) ‖ value (uint256) ‖ data length (uint256) ‖ data, for each transaction.
function encodeMultiSend(txs) {
  return ethers.concat(txs.map((t) => ethers.solidityPacked(
    ["uint8", "address", "uint256", "uint256", "bytes"], [0, t.to, t.value, ethers.dataLength(t.data), t.data])));
}

// What the Transaction Builder does with a file's transaction: its data when given, else the contract method's ABI
// encoding of contractInputsValues.
function callData(tx) {
  if (tx.data) return tx.data;
  const m = tx.contractMethod;
  const iface = new ethers.Interface([{ type: "function", name: m.name, inputs: m.inputs, outputs: [], stateMutability: m.payable ? "payable" : "nonpayable" }]);
  return iface.encodeFunctionData(m.name, m.inputs.map((i) => tx.contractInputsValues[i.name]));
}

async function main() {
  const server = ganache.server({ logging: { quiet: true }, chain: { chainId: 1337 }, wallet: { totalAccounts: 1, defaultBalance: 1000 }, miner: { blockGasLimit: 60000000 } });
  await server.listen(0, "127.0.0.1");
  const rpcUrl = `http://127.0.0.1:${server.address().port}`;
  const provider = new ethers.JsonRpcProvider(rpcUrl, undefined, { staticNetwork: true, batchMaxCount: 1 });
  const executor = await provider.getSigner(0);
  const owners = [0, 1, 2].map(() => ethers.Wallet.createRandom()).sort((a, b) => (a.address.toLowerCase() < b.address.toLowerCase() ? -1 : 1));

  const deploy = async (abi, bytecode, ...args) => {
    const c = await new ethers.ContractFactory(abi, bytecode, executor).deploy(...args);
    await c.waitForDeployment();
    return c;
  };
  const safeArtifact = artifact("Safe.sol/Safe.json");
  const factoryArtifact = artifact("proxies/SafeProxyFactory.sol/SafeProxyFactory.json");
  const multiSendArtifact = artifact("libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json");
  const singleton = await deploy(safeArtifact.abi, safeArtifact.bytecode);
  const factory = await deploy(factoryArtifact.abi, factoryArtifact.bytecode);
  const multiSend = await deploy(multiSendArtifact.abi, multiSendArtifact.bytecode);

  const setup = singleton.interface.encodeFunctionData("setup", [owners.map((o) => o.address), 2, ethers.ZeroAddress, "0x", ethers.ZeroAddress, ethers.ZeroAddress, 0, ethers.ZeroAddress]);
  const singletonAddress = await singleton.getAddress();
  const safeAddress = await factory.createProxyWithNonce.staticCall(singletonAddress, setup, 1);
  await (await factory.createProxyWithNonce(singletonAddress, setup, 1)).wait();
  const safe = new ethers.Contract(safeAddress, safeArtifact.abi, executor);

  const tokenBuild = compileToken();
  const token = await deploy(tokenBuild.abi, tokenBuild.bytecode, safeAddress, ethers.parseUnits("100000000", 18));
  const tokenAddress = await token.getAddress();
  const multiSendAddress = await multiSend.getAddress();

  const write = (o) => process.stdout.write(JSON.stringify(o) + "\n");
  write({ rpcUrl, chainId: 1337, token: tokenAddress, safe: safeAddress, multiSend: multiSendAddress, executor: await executor.getAddress() });

  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const request = JSON.parse(line);
    try {
      if (request.quit) break;
      if (request.execute) {
        const batch = request.execute;
        const txs = batch.transactions.map((t) => ({ to: t.to, value: BigInt(t.value || "0"), data: callData(t) }));
        const data = multiSend.interface.encodeFunctionData("multiSend", [encodeMultiSend(txs)]);
        const nonce = await safe.nonce();
        // execTransaction(to, value, data, operation = DelegateCall into MultiSendCallOnly, safeTxGas, baseGas, gasPrice, gasToken, refundReceiver, signatures)
        const args = [multiSendAddress, 0, data, 1, 0, 0, 0, ethers.ZeroAddress, ethers.ZeroAddress];
        const hash = await safe.getTransactionHash(...args, nonce);
        // Two of the three owners sign the Safe transaction hash; signatures sorted by owner address (Safe's rule).
        const signatures = ethers.concat(owners.slice(0, 2).map((o) => ethers.Signature.from(o.signingKey.sign(hash)).serialized));
        const sent = await safe.execTransaction(...args, signatures, { gasLimit: 50000000 });
        const receipt = await sent.wait();
        write({ txHash: receipt.hash, status: receipt.status });
      } else if (request.balances) {
        write({ balances: await Promise.all(request.balances.map(async (a) => (await token.balanceOf(a)).toString())) });
      } else {
        write({ error: "unknown request" });
      }
    } catch (e) {
      write({ error: String(e && e.stack || e) });
    }
  }

  await server.close();
}

main().then(() => process.exit(0), (e) => { process.stderr.write(String(e && e.stack || e) + "\n"); process.exit(1); });
