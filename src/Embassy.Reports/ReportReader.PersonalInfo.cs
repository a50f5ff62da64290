using System.Text.RegularExpressions;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Reports;

public sealed partial class ReportParser
{
    /// <summary>Reads one report; this part: the personal details (rank, handles, payout address).</summary>
    private sealed partial class Reader
    {
        public void ReadPersonalInfo()
        {
            var rankCandidateAfterBanner = false;
            for (var i = 0; i < cleaned.Length; i++)
            {
                var line = cleaned[i];
                if (line.Length is 0 or > 400)
                {
                    continue;
                }

                if (!Label(i, out var l))
                {
                    if (Rank is null && (rankCandidateAfterBanner || i < 20) && TryRank(line, requireWord: true))
                    {
                        continue;
                    }

                    rankCandidateAfterBanner = false;
                    if (Wallet is null && IsAddressOnly(line))
                    {
                        SetWallet(line, i + 1, labelled: false);
                    }

                    continue;
                }

                var words = l.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var first = words.Length > 0 ? words[0] : string.Empty;
                if (words.Length <= 4 && (first is "discord" or "telegram" or "twitter" or "x" or "tg" or "elegram" || IsRankLabel(l.Key) || IsWalletLabel(l.Key)))
                {
                    _infoLines.Add(i + 1);
                }

                // "My Mandatory (Basic) Contributions of June:" is followed by the rank on its own line (V.1 template).
                if (first is "my" or "basic" or "contribution" or "contributions" || l.Key.Contains("contributions of", StringComparison.Ordinal))
                {
                    rankCandidateAfterBanner = l.Value.Length == 0;
                    if (Rank is null && l.Value.Length > 0)
                    {
                        TryRank(l.Value, requireWord: true);
                    }

                    continue;
                }

                rankCandidateAfterBanner = false;
                if (Rank is null && first is "role" or "position" or "level" or "status" or "tier" && words.Length <= 2 && TryRank(l.Value, requireWord: true))
                {
                    continue;
                }

                if (IsRankLabel(l.Key) && words.Length <= 3)
                {
                    if (Rank is null && RankText is null && l.Value.Length > 0 && !TryRank(l.Value, requireWord: false) && !IsPlaceholderValue(l.Value))
                    {
                        RankText = l.Value;
                        diagnostics.Add(Diagnostic.Warning(ReportCodes.RankUnknown, $"'{l.Value}' is not a rank; write one of candidate, ambassador, senior ambassador, head ambassador.", new SourcePosition(i + 1)));
                    }

                    continue;
                }

                if (IsWalletLabel(l.Key))
                {
                    ReadWallet(l, i);
                    continue;
                }

                if (l.Value.Length == 0 || IsPlaceholderValue(l.Value) || words.Length > 4)
                {
                    continue;
                }

                // "PHA: 41…", "Phala: 41…": any short label whose value is just an address.
                if (IsAddressOnly(l.Value))
                {
                    if (Wallet is null)
                    {
                        SetWallet(l.Value.Trim().Trim(TrimSets.BackticksAndStars), i + 1, labelled: false);
                        _infoLines.Add(i + 1);
                    }

                    continue;
                }

                if (Is(first, "discord") && !Excluded(l.Key))
                {
                    Discord ??= MakeHandle(l.Value, i + 1, HandleKind.Discord);
                }
                else if ((Is(first, "telegram") || first == "tg") && !Excluded(l.Key))
                {
                    Telegram ??= MakeHandle(l.Value, i + 1, HandleKind.Telegram);
                }
                else if ((Is(first, "twitter") || first == "x" || (l.Key == "ambassador" && IsTwitterUrl(l.Value))) && !Excluded(l.Key))
                {
                    Twitter ??= MakeHandle(l.Value, i + 1, HandleKind.Twitter);
                }
            }

            if (Rank is null && TitleRank().Match(title) is { Success: true } tr)
            {
                RankText = tr.Value;
                Rank = RankFromQualifier(tr.Groups["q"].Value);
            }
        }

        private static bool Is(string word, string expected) =>
            word == expected
            || (word.Length >= 6 && Math.Abs(word.Length - expected.Length) <= 1 && (word[0] == expected[0] || word[^1] == expected[^1])
                && Text.EditDistance(word, expected, 1) <= 1);

        private static bool Excluded(string key) =>
            key.Contains("local", StringComparison.Ordinal) || key.Contains("analytic", StringComparison.Ordinal)
            || key.Contains("channel", StringComparison.Ordinal) || key.Contains("group", StringComparison.Ordinal)
            || key.Contains("phala", StringComparison.Ordinal) || key.Contains("space", StringComparison.Ordinal)
            || key.Contains("thread", StringComparison.Ordinal) || key.Contains("post", StringComparison.Ordinal)
            || key.Contains("activit", StringComparison.Ordinal) || key.Contains("stat", StringComparison.Ordinal);

        private static bool IsTwitterUrl(string value) =>
            Text.ContainsIgnoreCase(value, "twitter.com/") || Text.ContainsIgnoreCase(value, "x.com/");

        private static bool IsPlaceholderValue(string value) =>
            value.Length == 1 && value[0] is 'X' or 'Y' or 'Z';

        private bool TryRank(string text, bool requireWord)
        {
            var key = Text.Key(text);
            if (key.Length == 0 || key.Length > 60)
            {
                return false;
            }

            var m = RankPhrase().Match(key);
            if (!m.Success && !requireWord)
            {
                // A labelled value may go on: "Senior Ambassador (since May)", "Ambassador - Brazil team".
                var cut = text.AsSpan().IndexOfAny(TrimSets.RankCut);
                var dash = text.IndexOf(" - ", StringComparison.Ordinal);
                cut = cut < 0 ? dash : dash < 0 ? cut : Math.Min(cut, dash);
                if (cut > 0)
                {
                    m = RankPhrase().Match(Text.Key(text[..cut]));
                    text = m.Success ? text[..cut] : text;
                }
            }

            if (!m.Success || (!m.Groups["q"].Success && !m.Groups["a"].Success))
            {
                return false;
            }

            // A bare line "amb" or "official" is not a rank; "Ambassador" or "Senior" alone is.
            if (requireWord && m.Groups["a"].Value is "amb" or "ambs" && !m.Groups["q"].Success)
            {
                return false;
            }

            if (m.Groups["q"].Value == "official" && !m.Groups["a"].Success)
            {
                return false;
            }

            RankText = text.Trim().Trim(TrimSets.Emphasis).Trim();
            Rank = RankFromQualifier(m.Groups["q"].Success ? m.Groups["q"].Value : m.Groups["q2"].Value);
            return true;
        }

        // "Amb Rank", "Ambassador rank", and the words other languages use ("Rango", "Rang", "Ранг", "Cargo").
        private static bool IsRankLabel(string key) =>
            key.Contains("rank", StringComparison.Ordinal) || key.Contains("rango", StringComparison.Ordinal)
            || key.Contains("ранг", StringComparison.Ordinal) || key is "rang" or "cargo" or "amb rang";

        private static Rank RankFromQualifier(string qualifier) => qualifier.ToLowerInvariant() switch
        {
            "head" or "jefe" or "chef" => Domain.Rank.Head,
            "senior" or "sênior" => Domain.Rank.Senior,
            "candidate" or "candidato" or "candidata" or "candidat" => Domain.Rank.Candidate,
            "advocate" => Domain.Rank.Advocate,
            _ => Domain.Rank.Ambassador,
        };

        private static bool IsWalletLabel(string key) =>
            key.Contains("address", StringComparison.Ordinal) || key.Contains("wallet", StringComparison.Ordinal)
            || key.Contains("direcci", StringComparison.Ordinal) || key.Contains("adresse", StringComparison.Ordinal)
            || key.Contains("endere", StringComparison.Ordinal) || key.Contains("carteira", StringComparison.Ordinal)
            || key.Contains("billetera", StringComparison.Ordinal) || key.Contains("cartera", StringComparison.Ordinal)
            || key.Contains("indirizzo", StringComparison.Ordinal) || key.Contains("portafoglio", StringComparison.Ordinal)
            || key.Contains("адрес", StringComparison.Ordinal) || key.Contains("кошел", StringComparison.Ordinal)
            || key.Contains("adres", StringComparison.Ordinal) || key.Contains("wallet", StringComparison.Ordinal);

        private void ReadWallet(LabeledLine l, int index)
        {
            var value = l.Value;
            var line = index + 1;
            if (value.Length == 0)
            {
                // The value on the line after its label.
                for (var k = index + 1; k < cleaned.Length && k <= index + 3; k++)
                {
                    if (cleaned[k].Length == 0)
                    {
                        continue;
                    }

                    if (AddressToken(cleaned[k]) is { } onNext && cleaned[k].Trim().Length <= onNext.Length + 4)
                    {
                        value = cleaned[k];
                        line = k + 1;
                    }

                    break;
                }
            }

            var token = AddressToken(value);
            if (token is null)
            {
                // Not address-shaped: keep a single long word as the (invalid) address the member meant.
                var word = value.Trim().TrimEnd(TrimSets.StarsAndBackticks).Trim('`');
                if (word.Length >= 20 && !word.Contains(' ', StringComparison.Ordinal) && !word.Contains("://", StringComparison.Ordinal))
                {
                    token = word;
                }
                else
                {
                    return;
                }
            }

            SetWallet(token, line, labelled: true);
        }

        private void SetWallet(string token, int line, bool labelled)
        {
            var address = token.Trim();
            var kind = EvmAddress().IsMatch(address) ? Reports.WalletKind.Evm
                : Ss58Address().IsMatch(address) ? Reports.WalletKind.Ss58
                : address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Reports.WalletKind.Evm : (WalletKind?)null;
            if (!Wallets.Any(w => string.Equals(w.Address, address, StringComparison.Ordinal)))
            {
                Wallets.Add(new WalletMention(address, kind, line));
            }

            if (Wallet is null)
            {
                (Wallet, WalletLine, WalletKind) = (address, line, kind);
                return;
            }

            if (string.Equals(Wallet, address, StringComparison.Ordinal) || !labelled)
            {
                return;
            }

            // R9: when a report gives an address for each rail (PHA moved to Ethereum), the one the policy pays on is used.
            var rail = policy?.Payout.Rail;
            var fitsNew = (rail == PayoutRail.Evm && kind == Reports.WalletKind.Evm) || (rail == PayoutRail.Substrate && kind == Reports.WalletKind.Ss58);
            var fitsOld = (rail == PayoutRail.Evm && WalletKind == Reports.WalletKind.Evm) || (rail == PayoutRail.Substrate && WalletKind == Reports.WalletKind.Ss58);
            if (fitsNew && !fitsOld)
            {
                (Wallet, WalletLine, WalletKind) = (address, line, kind);
                return;
            }

            if (kind == WalletKind)
            {
                diagnostics.Add(Diagnostic.Warning(ReportCodes.WalletMultiple, $"A second payout address {address} differs from the first, {Wallet}; the first was used. Remove the one that is no longer yours.", new SourcePosition(line)));
            }
        }

        private static string? AddressToken(string text)
        {
            if (EvmAddress().Match(text) is { Success: true } evm)
            {
                return evm.Value;
            }

            return Ss58Address().Match(text) is { Success: true } ss58 ? ss58.Value : null;
        }

        private static bool IsAddressOnly(string line)
        {
            var t = line.Trim().Trim(TrimSets.BackticksAndStars);
            return t.Length is >= 42 and <= 50 && AddressToken(t) is { } tok && tok.Length == t.Length;
        }

        private enum HandleKind
        {
            Discord,
            Telegram,
            Twitter,
        }

        // "[@name](https://t.me/name)" at the end of a handle's value.
        [GeneratedRegex(@"\]\((?<u>[^)\s]+)\)\s*$", RegexOptions.CultureInvariant)]
        private static partial Regex LinkAtEnd();

        private static Handle MakeHandle(string raw, int line, HandleKind kind)
        {
            var value = raw.Trim();
            var normalized = value;

            // [text](url): the URL names the account for Telegram and X; the text for Discord.
            var link = LinkAtEnd().Match(value);
            if (link.Success && kind != HandleKind.Discord)
            {
                normalized = link.Groups["u"].Value;
            }
            else if (link.Success)
            {
                normalized = value[..value.IndexOf(']', StringComparison.Ordinal)].TrimStart('[');
            }

            var url = Url().Match(normalized);
            if (url.Success || Text.ContainsIgnoreCase(normalized, ".com/") || normalized.StartsWith("t.me/", StringComparison.OrdinalIgnoreCase))
            {
                var u = url.Success ? url.Value : normalized;
                var afterHost = u.Contains("://", StringComparison.Ordinal) ? u[(u.IndexOf("://", StringComparison.Ordinal) + 3)..] : u;
                var slash = afterHost.IndexOf('/', StringComparison.Ordinal);
                var path = slash >= 0 ? afterHost[(slash + 1)..] : string.Empty;
                var segment = path.Split('/', '?', '#')[0];
                normalized = segment.Length > 0 ? segment : normalized;
            }
            else
            {
                // "@J102J (치포)": drop a trailing remark in brackets.
                var paren = normalized.IndexOf(" (", StringComparison.Ordinal);
                if (paren > 0)
                {
                    normalized = normalized[..paren];
                }
            }

            normalized = normalized.Trim().TrimStart('@').Trim();
            if (kind == HandleKind.Discord)
            {
                normalized = normalized.Replace(" #", "#", StringComparison.Ordinal);
            }

            return new Handle(value, normalized, line);
        }
    }
}
