using Embassy.Domain;
using Nethereum.Signer;

namespace Embassy.Chain.Tests;

/// <summary>
/// #13: a member proves a payout address by signing (EIP-191 personal_sign) a message naming the program, the member,
/// the address and a nonce. Keys are generated per test run and never stored.
/// </summary>
public class AddressProofTests
{
    private static readonly DateTimeOffset Expires = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);

    private static (EthECKey Key, EvmAddress Address) NewKey()
    {
        var key = EthECKey.GenerateKey();
        return (key, EvmAddress.Parse(key.GetPublicAddress()).Value);
    }

    private static string Sign(string message, EthECKey key) => new EthereumMessageSigner().EncodeUTF8AndSign(message, key);

    [Fact]
    public void Verify_SignedByTheAddressKey_Accepted()
    {
        var (key, address) = NewKey();
        var message = AddressProof.Message("phala", "alice", address, "00ff", Expires);

        var result = AddressProof.Verify(message, Sign(message, key), address);

        Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.Equal(address, result.Value);
    }

    [Fact]
    public void Message_NamesProgramMemberAddressAndNonce()
    {
        var (_, address) = NewKey();

        var message = AddressProof.Message("phala", "alice", address, "c0ffee", Expires);

        Assert.Contains("Program: phala\n", message, StringComparison.Ordinal);
        Assert.Contains("Member: alice\n", message, StringComparison.Ordinal);
        Assert.Contains("Address: " + address.Text + "\n", message, StringComparison.Ordinal);
        Assert.Contains("Nonce: c0ffee\n", message, StringComparison.Ordinal);
        Assert.Contains("Expires: 2026-11-20T13:00:00Z", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignedByAnotherKey_RefusedNamingTheSigner()
    {
        var (_, address) = NewKey();
        var (other, otherAddress) = NewKey();
        var message = AddressProof.Message("phala", "alice", address, "01", Expires);

        var result = AddressProof.Verify(message, Sign(message, other), address);

        Assert.False(result.IsSuccess);
        Assert.Equal(ChainCodes.ProofWrongSigner, result.Errors.Single().Code);
        Assert.Contains(otherAddress.Text, result.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Member: alice", "Member: mallory")]
    [InlineData("Nonce: 01", "Nonce: 02")]
    [InlineData("Program: phala", "Program: other")]
    public void Verify_SignatureOverAnotherMessage_Refused(string field, string replaced)
    {
        var (key, address) = NewKey();
        var signed = AddressProof.Message("phala", "alice", address, "01", Expires);

        var result = AddressProof.Verify(signed.Replace(field, replaced, StringComparison.Ordinal), Sign(signed, key), address);

        Assert.Equal(ChainCodes.ProofWrongSigner, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Signer_VAsZeroOrOne_ReadAs27Or28()
    {
        var (key, address) = NewKey();
        var message = AddressProof.Message("phala", "alice", address, "01", Expires);
        var signature = Sign(message, key);
        var v = Convert.ToByte(signature[^2..], 16);
        var lowV = signature[..^2] + (v - 27).ToString("x2", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(address, AddressProof.Signer(message, lowV).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x1234")]
    [InlineData("not a signature at all")]
    public void Signer_Malformed_Diagnostic(string? signature)
    {
        var result = AddressProof.Signer("message", signature);

        Assert.Equal(ChainCodes.ProofSignatureMalformed, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Signer_RandomBytes_NeverThrows()
    {
        var random = new Random(13);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[65];
            random.NextBytes(bytes);
            bytes[64] = (byte)(27 + (i % 2));
            if (i % 7 == 0)
            {
                Array.Clear(bytes, 0, 32); // r = 0: no point on the curve
            }

            var result = AddressProof.Signer("Embassy", "0x" + Convert.ToHexString(bytes));

            // Either some account (random bytes often recover one) or the diagnostic; never an exception.
            Assert.True(result.IsSuccess || result.Errors.Single().Code == ChainCodes.ProofSignatureMalformed);
        }
    }
}
