using System.Security.Cryptography;
using System.Text;
using Embassy.Domain;
using Embassy.Domain.Community;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;
using YamlDotNet.RepresentationModel;

namespace Embassy.Policies;

/// <summary>
/// Reads one policy file (RULES.md R1) into a <see cref="Policy"/> and checks it. Every problem is a
/// <see cref="Diagnostic"/> naming the file, the key and the problem; a policy with any error is not returned.
/// </summary>
public static class PolicyLoader
{
    private static readonly Dictionary<string, RewardModel> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["department_pools"] = RewardModel.DepartmentPools,
        ["threshold"] = RewardModel.Threshold,
    };

    private static readonly Dictionary<string, UnspentRule> Unspent = new(StringComparer.OrdinalIgnoreCase)
    {
        ["return"] = UnspentRule.Return,
        ["carry_forward"] = UnspentRule.CarryForward,
        ["redistribute"] = UnspentRule.Redistribute,
    };

    private static readonly Dictionary<string, DepartmentKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["selectable"] = DepartmentKind.Selectable,
        ["basic"] = DepartmentKind.Basic,
        ["others"] = DepartmentKind.Others,
    };

    private static readonly Dictionary<string, PercentBasis> Bases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["chosen_departments"] = PercentBasis.ChosenDepartments,
        ["total"] = PercentBasis.FixedTotal,
    };

    private static readonly Dictionary<string, FullRewardBasis> FullRewards = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pool_per_member"] = FullRewardBasis.PoolPerMember,
        ["by_rank"] = FullRewardBasis.ByRank,
    };

    private static readonly Dictionary<string, CapMode> CapModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["flag"] = CapMode.Flag,
        ["clamp"] = CapMode.Clamp,
    };

    private static readonly Dictionary<string, PayoutRail> Rails = new(StringComparer.OrdinalIgnoreCase)
    {
        ["substrate"] = PayoutRail.Substrate,
        ["evm"] = PayoutRail.Evm,
        ["manual"] = PayoutRail.Manual,
    };

    /// <summary>Loads a policy from a file on disk.</summary>
    public static Result<Policy> LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Result<Policy>.Fail("POLICY_UNREADABLE", $"{Path.GetFileName(path)}: cannot read the file: {ex.Message}");
        }

        return Load(text, Path.GetFileName(path));
    }

    /// <summary>Loads a policy from YAML text; <paramref name="file"/> names it in messages.</summary>
    public static Result<Policy> Load(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(file);
        var r = new YamlReader(file);
        var root = YamlReader.LoadRoot(yaml, r);
        if (root is null)
        {
            return Result<Policy>.Fail(r.Diagnostics);
        }

        r.KnownKeys(root, "", "id", "name", "version", "program", "from", "until", "token", "ranks", "model", "pool", "departments",
            "supplementary", "choose", "scoring", "threshold", "rank_bonuses", "bonus_requires_report", "promotions", "terminations",
            "deadline", "payout", "fiat_caps", "vocabulary", "pool_change_warning", "notes", "review", "reminders", "application");

        var id = r.Str(root, "", "id") ?? "?";
        var name = r.Str(root, "", "name") ?? id;
        var version = r.Str(root, "", "version") ?? "?";
        var program = r.Str(root, "", "program", required: false) ?? id;
        var from = r.PeriodOf(root, "", "from", required: true) ?? new Period(2000, 1);
        var until = r.PeriodOf(root, "", "until", required: false);
        if (until is { } u && u < from)
        {
            r.Error("POLICY_BAD_PERIOD", "until", r.Node(root, "until"), $"ends ({u}) before it starts ({from}).");
        }

        var token = ReadToken(r, root);
        var ranks = ReadRanks(r, root);
        var rankSet = ranks.Select(x => x.Rank).ToHashSet();
        var model = r.EnumOf(root, "", "model", RewardModel.DepartmentPools, Models, required: true);
        var choice = ReadChoice(r, root);
        var scoring = ReadScoring(r, root);
        var departments = ReadDepartments(r, root, model, choice, scoring, token);
        var pool = ReadPool(r, root, token, rankSet);
        var supplementary = ReadSupplementary(r, root);
        var threshold = model == RewardModel.Threshold ? ReadThreshold(r, root, token, rankSet) : null;
        if (model == RewardModel.DepartmentPools && r.Node(root, "threshold") is { } tn)
        {
            r.Error("POLICY_BAD_VALUE", "threshold", tn, "only applies to model: threshold.");
        }

        var bonuses = ReadRankBonuses(r, root, token, rankSet);
        var promotions = ReadStreaks(r, root, "promotions", "at_least", ranks, promotion: true);
        var terminations = ReadStreaks(r, root, "terminations", "below", ranks, promotion: false);
        var deadline = ReadDeadline(r, root);
        var review = ReadReview(r, root);
        var reminders = ReadReminders(r, root);
        var application = ReadApplication(r, root);
        var payout = ReadPayout(r, root, token);
        var caps = ReadFiatCaps(r, root, rankSet);
        var vocabulary = ReadVocabulary(r, root);

        // pool_change_warning: a percent (0 to 1000), or "off"; the close warns beyond it.
        var poolWarning = r.Str(root, "", "pool_change_warning", required: false) is "off" ? (int?)null : r.Int(root, "", "pool_change_warning", 25, 0, 1000);

        if (r.Diagnostics.Any(d => d.IsError))
        {
            return Result<Policy>.Fail(r.Diagnostics);
        }

        var policy = new Policy
        {
            Id = id,
            Name = name,
            Version = version,
            Program = program,
            From = from,
            Until = until,
            Hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml))),
            Token = token,
            Ranks = ranks,
            Model = model,
            Pool = pool,
            Departments = departments,
            Supplementary = supplementary,
            Choice = choice,
            Scoring = scoring,
            Threshold = threshold,
            RankBonuses = bonuses,
            BonusRequiresReport = r.Bool(root, "", "bonus_requires_report", true),
            Promotions = promotions,
            Terminations = terminations,
            Deadline = deadline,
            Review = review,
            Reminders = reminders,
            Application = application,
            Payout = payout,
            FiatCaps = caps,
            Vocabulary = vocabulary,
            PoolChangeWarningPercent = poolWarning,
        };
        return Result<Policy>.From(policy, r.Diagnostics);
    }

    private static Token ReadToken(YamlReader r, YamlMappingNode root)
    {
        var map = r.Map(root, "", "token");
        if (map is null)
        {
            return Token.Pha;
        }

        r.KnownKeys(map, "token", "symbol", "decimals", "display_decimals");
        var symbol = r.Str(map, "token", "symbol") ?? "PHA";
        var decimals = r.Int(map, "token", "decimals", 12, 0, 30, required: true);
        // What people read (issue #10): four decimals unless the program says otherwise; files keep every unit.
        var display = r.Int(map, "token", "display_decimals", Token.DefaultDisplayDecimals, 0, 30, required: false);
        return new Token(symbol, decimals, display);
    }

    private static List<RankRule> ReadRanks(YamlReader r, YamlMappingNode root)
    {
        var list = new List<RankRule>();
        foreach (var (node, i) in r.Seq(root, "", "ranks").Select((n, i) => (n, i)))
        {
            var path = $"ranks[{i}]";
            if (node is not YamlMappingNode m)
            {
                r.Error("POLICY_BAD_VALUE", path, node, "must be a mapping with code and title.");
                continue;
            }

            r.KnownKeys(m, path, "code", "title", "appointed", "member");
            var code = r.Str(m, path, "code");
            if (code is null)
            {
                continue;
            }

            var rank = new Rank(code);
            if (list.Any(x => x.Rank == rank))
            {
                r.Error("POLICY_DUPLICATE", path + ".code", m, $"rank '{code}' is listed twice.");
            }

            list.Add(new RankRule(rank, r.Str(m, path, "title", required: false) ?? code, r.Bool(m, path, "appointed", false), r.Bool(m, path, "member", true)));
        }

        if (list.Count == 0)
        {
            r.Error("POLICY_MISSING_KEY", "ranks", root, "at least one rank is required.");
        }

        return list;
    }

    private static ChoiceRule ReadChoice(YamlReader r, YamlMappingNode root)
    {
        var map = r.Map(root, "", "choose", required: false);
        if (map is null)
        {
            return new ChoiceRule(0, 0);
        }

        r.KnownKeys(map, "choose", "min", "max", "from", "member_weights", "shared_points");
        var min = r.Int(map, "choose", "min", 0, 0, 20, required: true);
        var max = r.Int(map, "choose", "max", min, 0, 20, required: true);
        if (max < min)
        {
            r.Error("POLICY_OUT_OF_RANGE", "choose.max", r.Node(map, "max"), $"{max} is less than choose.min ({min}).");
        }

        var weights = r.Bool(map, "choose", "member_weights", false);
        var shared = r.PointsOf(map, "choose", "shared_points", Points.Zero, required: weights);
        return new ChoiceRule(min, max, weights, shared);
    }

    private static ScoringRule ReadScoring(YamlReader r, YamlMappingNode root)
    {
        var map = r.Map(root, "", "scoring");
        if (map is null)
        {
            return new ScoringRule(Points.Of(1), PercentBasis.ChosenDepartments, Points.Zero);
        }

        r.KnownKeys(map, "scoring", "step", "percent_of", "total", "effort_max", "result_max");
        var step = r.PointsOf(map, "scoring", "step", Points.Of(1));
        if (step <= Points.Zero)
        {
            r.Error("POLICY_OUT_OF_RANGE", "scoring.step", r.Node(map, "step"), "must be more than 0.");
        }

        var basis = r.EnumOf(map, "scoring", "percent_of", PercentBasis.ChosenDepartments, Bases, required: true);
        var total = r.PointsOf(map, "scoring", "total", Points.Zero, required: basis == PercentBasis.FixedTotal);
        return new ScoringRule(step, basis, total);
    }

    private static List<Department> ReadDepartments(YamlReader r, YamlMappingNode root, RewardModel model, ChoiceRule choice, ScoringRule scoring, Token token)
    {
        _ = token;
        var scoringMap = r.Map(root, "", "scoring", required: false);
        var effortDefault = scoringMap is null ? Points.Zero : r.PointsOf(scoringMap, "scoring", "effort_max", Points.Zero);
        var resultDefault = scoringMap is null ? Points.Zero : r.PointsOf(scoringMap, "scoring", "result_max", Points.Zero);
        var chooseMap = r.Map(root, "", "choose", required: false);
        var selectable = new List<(string Code, YamlNode Node)>();
        if (chooseMap is not null)
        {
            foreach (var (n, i) in r.Seq(chooseMap, "choose", "from", required: choice.Max > 0).Select((n, i) => (n, i)))
            {
                if (n is YamlScalarNode { Value: { Length: > 0 } v })
                {
                    selectable.Add((v.ToUpperInvariant(), n));
                }
                else
                {
                    r.Error("POLICY_BAD_VALUE", $"choose.from[{i}]", n, "must be a department code.");
                }
            }
        }

        var list = new List<Department>();
        var weightSum = 0;
        foreach (var (node, i) in r.Seq(root, "", "departments").Select((n, i) => (n, i)))
        {
            var path = $"departments[{i}]";
            if (node is not YamlMappingNode m)
            {
                r.Error("POLICY_BAD_VALUE", path, node, "must be a mapping with code, name and weight.");
                continue;
            }

            r.KnownKeys(m, path, "code", "name", "kind", "weight", "max", "effort_max", "result_max", "aliases");
            var code = r.Str(m, path, "code")?.ToUpperInvariant();
            if (code is null)
            {
                continue;
            }

            path = $"departments.{code}";
            if (list.Any(d => d.Code == code))
            {
                r.Error("POLICY_DUPLICATE", path, m, $"department '{code}' is listed twice.");
            }

            var inChoice = selectable.Any(s => s.Code == code);
            var kind = r.EnumOf(m, path, "kind", inChoice ? DepartmentKind.Selectable : DepartmentKind.Basic, Kinds);
            if (kind == DepartmentKind.Selectable && !inChoice)
            {
                r.Error("POLICY_UNKNOWN_DEPARTMENT", path + ".kind", m, $"is selectable but not listed in choose.from.");
            }
            else if (kind != DepartmentKind.Selectable && inChoice)
            {
                r.Error("POLICY_BAD_VALUE", path + ".kind", m, $"is listed in choose.from, so it cannot be '{kind.ToString().ToLowerInvariant()}'.");
            }

            var weight = 0m;
            if (model == RewardModel.DepartmentPools)
            {
                weight = r.Dec(m, path, "weight", 0m, 0m, 100m, required: true);
                if (weight * 100 != decimal.Truncate(weight * 100))
                {
                    r.Error("POLICY_BAD_VALUE", path + ".weight", r.Node(m, "weight"), "a weight has at most two decimals (basis points).");
                }
            }
            else if (r.Node(m, "weight") is { } wn)
            {
                r.Error("POLICY_BAD_VALUE", path + ".weight", wn, "weights apply to model: department_pools only.");
            }

            var bp = (int)decimal.Truncate(weight * 100);
            weightSum += bp;
            var effort = r.PointsOf(m, path, "effort_max", effortDefault);
            var result = r.PointsOf(m, path, "result_max", resultDefault);
            var max = r.PointsOf(m, path, "max", effort + result);
            if (max <= Points.Zero && !(choice.MemberWeights && kind == DepartmentKind.Selectable))
            {
                r.Error("POLICY_MISSING_KEY", path + ".max", m, "needs a maximum: max, or effort_max and result_max (here or under scoring).");
            }

            var aliases = r.Seq(m, path, "aliases", required: false).OfType<YamlScalarNode>().Select(a => a.Value ?? "").Where(a => a.Length > 0).ToList();
            list.Add(new Department
            {
                Code = code,
                Name = r.Str(m, path, "name") ?? code,
                Kind = kind,
                WeightBasisPoints = bp,
                EffortMax = effort,
                ResultMax = result,
                Max = max,
                Aliases = aliases,
            });
        }

        foreach (var (code, n) in selectable.Where(s => list.All(d => d.Code != s.Code)))
        {
            r.Error("POLICY_UNKNOWN_DEPARTMENT", "choose.from", n, $"names department '{code}', which is not in departments.");
        }

        // R3: the department weights share out the whole pool, so they must sum to exactly 100 %.
        if (model == RewardModel.DepartmentPools && list.Count > 0 && weightSum != 10_000)
        {
            r.Error("POLICY_WEIGHTS_NOT_100", "departments", r.Node(root, "departments"),
                $"the weights sum to {weightSum / 100m:0.##} %, not 100 %.");
        }

        if (list.Count == 0)
        {
            r.Error("POLICY_MISSING_KEY", "departments", root, "at least one department (or basic task) is required.");
        }

        _ = scoring;
        return list;
    }

    private static PoolRule ReadPool(YamlReader r, YamlMappingNode root, Token token, HashSet<Rank> ranks)
    {
        var map = r.Map(root, "", "pool");
        if (map is null)
        {
            return new PoolRule(token.Zero, 0, 0, token.Zero, UnspentRule.Return, Rank.Candidate);
        }

        r.KnownKeys(map, "pool", "base", "baseline_members", "growth", "unspent", "active_from");
        var baseAmount = r.Amount(map, "pool", "base", token);
        var baseline = r.Int(map, "pool", "baseline_members", 0, 0);
        var step = 0;
        var growth = token.Zero;
        if (r.Map(map, "pool", "growth", required: false) is { } g)
        {
            r.KnownKeys(g, "pool.growth", "per_members", "amount");
            step = r.Int(g, "pool.growth", "per_members", 0, 1, required: true);
            growth = r.Amount(g, "pool.growth", "amount", token);
        }

        var unspent = r.EnumOf(map, "pool", "unspent", UnspentRule.Return, Unspent);
        var activeFrom = new Rank(r.Str(map, "pool", "active_from", required: false) ?? "candidate");
        if (!ranks.Contains(activeFrom) && ranks.Count > 0)
        {
            r.Error("POLICY_UNKNOWN_RANK", "pool.active_from", r.Node(map, "active_from") ?? map, $"rank '{activeFrom}' is not in ranks.");
        }

        return new PoolRule(baseAmount, baseline, step, growth, unspent, activeFrom);
    }

    private static SupplementaryRule ReadSupplementary(YamlReader r, YamlMappingNode root)
    {
        var map = r.Map(root, "", "supplementary", required: false);
        if (map is null)
        {
            return SupplementaryRule.None;
        }

        r.KnownKeys(map, "supplementary", "max_tasks", "max_points", "tasks");
        var maxTasks = r.Int(map, "supplementary", "max_tasks", 0, 0, 50, required: true);
        Points? maxPoints = r.Node(map, "max_points") is null ? null : r.PointsOf(map, "supplementary", "max_points", Points.Zero);
        var tasks = new List<SupplementaryTask>();
        foreach (var (node, i) in r.Seq(map, "supplementary", "tasks").Select((n, i) => (n, i)))
        {
            var path = $"supplementary.tasks[{i}]";
            if (node is not YamlMappingNode m)
            {
                r.Error("POLICY_BAD_VALUE", path, node, "must be a mapping with code, name and max.");
                continue;
            }

            r.KnownKeys(m, path, "code", "name", "max", "aliases");
            var code = r.Str(m, path, "code")?.ToUpperInvariant();
            if (code is null)
            {
                continue;
            }

            if (tasks.Any(t => t.Code == code))
            {
                r.Error("POLICY_DUPLICATE", path, m, $"task '{code}' is listed twice.");
            }

            var max = r.PointsOf(m, path, "max", Points.Zero, required: true);
            var aliases = r.Seq(m, path, "aliases", required: false).OfType<YamlScalarNode>().Select(a => a.Value ?? "").Where(a => a.Length > 0).ToList();
            tasks.Add(new SupplementaryTask(code, r.Str(m, path, "name") ?? code, max, aliases));
        }

        return new SupplementaryRule(tasks, maxTasks, maxPoints);
    }

    private static ThresholdRule ReadThreshold(YamlReader r, YamlMappingNode root, Token token, HashSet<Rank> ranks)
    {
        var map = r.Map(root, "", "threshold");
        if (map is null)
        {
            return new ThresholdRule(FullRewardBasis.PoolPerMember, new Dictionary<Rank, TokenAmount>(), 40, 90);
        }

        r.KnownKeys(map, "threshold", "full_reward", "by_rank", "min_percent", "surplus_min_percent");
        var basis = r.EnumOf(map, "threshold", "full_reward", FullRewardBasis.PoolPerMember, FullRewards, required: true);
        var byRank = new Dictionary<Rank, TokenAmount>();
        if (r.Map(map, "threshold", "by_rank", required: basis == FullRewardBasis.ByRank) is { } br)
        {
            foreach (var key in br.Children.Keys.OfType<YamlScalarNode>())
            {
                var rank = new Rank(key.Value ?? "?");
                if (!ranks.Contains(rank))
                {
                    r.Error("POLICY_UNKNOWN_RANK", "threshold.by_rank." + key.Value, key, $"rank '{key.Value}' is not in ranks.");
                }

                byRank[rank] = r.Amount(br, "threshold.by_rank", key.Value!, token);
            }
        }

        var min = r.Dec(map, "threshold", "min_percent", 40m, 0m, 100m, required: true);
        var surplus = r.Dec(map, "threshold", "surplus_min_percent", 90m, 0m, 100m, required: true);
        return new ThresholdRule(basis, byRank, min, surplus);
    }

    private static List<RankBonus> ReadRankBonuses(YamlReader r, YamlMappingNode root, Token token, HashSet<Rank> ranks)
    {
        var list = new List<RankBonus>();
        if (r.Map(root, "", "rank_bonuses", required: false) is not { } map)
        {
            return list;
        }

        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            var rank = new Rank(key.Value ?? "?");
            if (!ranks.Contains(rank))
            {
                r.Error("POLICY_UNKNOWN_RANK", "rank_bonuses." + key.Value, key, $"rank '{key.Value}' is not in ranks.");
            }

            list.Add(new RankBonus(rank, r.Amount(map, "rank_bonuses", key.Value!, token)));
        }

        return list;
    }

    /// <summary>
    /// <c>fiat_caps</c> (R10): each with a name, <c>usd</c> per month, <c>mode</c> (flag or clamp) and either
    /// <c>ranks</c> (members' month totals) or <c>bounties: true</c> (community bounties).
    /// </summary>
    private static List<PolicyFiatCap> ReadFiatCaps(YamlReader r, YamlMappingNode root, HashSet<Rank> ranks)
    {
        var list = new List<PolicyFiatCap>();
        foreach (var (node, i) in r.Seq(root, "", "fiat_caps", required: false).Select((n, i) => (n, i)))
        {
            var path = $"fiat_caps[{i}]";
            if (node is not YamlMappingNode m)
            {
                r.Error("POLICY_BAD_VALUE", path, node, "must be a mapping with name, usd, mode and ranks or bounties.");
                continue;
            }

            r.KnownKeys(m, path, "name", "usd", "mode", "ranks", "bounties");
            var name = r.Str(m, path, "name") ?? "?";
            var usdText = r.Str(m, path, "usd");
            var usd = UsdAmount.Zero;
            if (usdText is not null)
            {
                var parsed = UsdAmount.Parse(usdText);
                if (usdText.TrimStart().StartsWith('-'))
                {
                    r.Error("POLICY_NEGATIVE", path + ".usd", r.Node(m, "usd"), $"{usdText} is negative; a cap is a positive dollar amount.");
                }
                else if (!parsed.IsSuccess)
                {
                    r.Error("POLICY_BAD_VALUE", path + ".usd", r.Node(m, "usd"), parsed.Errors.First().Message);
                }
                else if (parsed.Value.IsZero)
                {
                    r.Error("POLICY_OUT_OF_RANGE", path + ".usd", r.Node(m, "usd"), "a cap of 0 $ would pay nothing; remove the cap instead.");
                }
                else
                {
                    usd = parsed.Value;
                }
            }

            var mode = r.EnumOf(m, path, "mode", CapMode.Flag, CapModes, required: true);
            var bounties = r.Bool(m, path, "bounties", false);
            var covered = new HashSet<Rank>();
            foreach (var (rn, k) in r.Seq(m, path, "ranks", required: !bounties).Select((n, k) => (n, k)))
            {
                var rank = new Rank((rn as YamlScalarNode)?.Value ?? "?");
                if (!ranks.Contains(rank))
                {
                    r.Error("POLICY_UNKNOWN_RANK", $"{path}.ranks[{k}]", rn, $"rank '{rank}' is not in ranks.");
                }

                covered.Add(rank);
            }

            if (bounties && covered.Count > 0)
            {
                r.Error("POLICY_BAD_VALUE", path, m, "covers either ranks or bounties, not both.");
            }

            list.Add(new PolicyFiatCap(new FiatCapRule(name, usd, mode), covered, bounties));
        }

        return list;
    }

    /// <summary>
    /// <c>vocabulary</c>: <c>codes</c> (capitals, 2 to 6 letters) and <c>names</c> (a mapping of a plain name to one of
    /// those codes or the policy's own), the words the report parser reads under every policy of the program.
    /// </summary>
    private static ReportVocabulary ReadVocabulary(YamlReader r, YamlMappingNode root)
    {
        var map = r.Map(root, "", "vocabulary", required: false);
        if (map is null)
        {
            return ReportVocabulary.Empty;
        }

        r.KnownKeys(map, "vocabulary", "codes", "names");
        var codes = new List<string>();
        foreach (var (node, i) in r.Seq(map, "vocabulary", "codes", required: false).Select((n, i) => (n, i)))
        {
            var code = (node as YamlScalarNode)?.Value ?? string.Empty;
            if (code.Length is < 2 or > 6 || !code.All(char.IsAsciiLetterUpper))
            {
                r.Error("POLICY_BAD_VALUE", $"vocabulary.codes[{i}]", node, $"'{code}' is not a code: 2 to 6 capital letters.");
                continue;
            }

            codes.Add(code);
        }

        var own = root.Children.TryGetValue(new YamlScalarNode("departments"), out var d) && d is YamlSequenceNode ds
            ? ds.Children.OfType<YamlMappingNode>().Select(m => m.Children.TryGetValue(new YamlScalarNode("code"), out var c) ? (c as YamlScalarNode)?.Value : null)
            : [];
        var known = codes.Concat(own.OfType<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = new List<KeyValuePair<string, string>>();
        if (r.Map(map, "vocabulary", "names", required: false) is { } nameMap)
        {
            foreach (var (key, value) in nameMap.Children)
            {
                var name = (key as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
                var code = (value as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
                if (name.Length == 0 || !known.Contains(code))
                {
                    r.Error("POLICY_BAD_VALUE", "vocabulary.names." + name, value, $"'{code}' is neither in vocabulary.codes nor a department of the policy.");
                    continue;
                }

                names.Add(new(name.ToLowerInvariant(), code.ToUpperInvariant()));
            }
        }

        return new ReportVocabulary(codes, names);
    }

    private static List<StreakRule> ReadStreaks(YamlReader r, YamlMappingNode root, string key, string percentKey, List<RankRule> ranks, bool promotion)
    {
        var list = new List<StreakRule>();
        foreach (var (node, i) in r.Seq(root, "", key, required: false).Select((n, i) => (n, i)))
        {
            var path = $"{key}[{i}]";
            if (node is not YamlMappingNode m)
            {
                r.Error("POLICY_BAD_VALUE", path, node, "must be a mapping with from, to, " + percentKey + " and months.");
                continue;
            }

            r.KnownKeys(m, path, "from", "to", percentKey, "months");
            var from = new Rank(r.Str(m, path, "from") ?? "?");
            var to = new Rank(r.Str(m, path, "to") ?? "?");
            var fromIndex = ranks.FindIndex(x => x.Rank == from);
            var toIndex = ranks.FindIndex(x => x.Rank == to);
            if (fromIndex < 0)
            {
                r.Error("POLICY_UNKNOWN_RANK", path + ".from", r.Node(m, "from") ?? m, $"rank '{from}' is not in ranks.");
            }

            if (promotion)
            {
                if (toIndex < 0)
                {
                    r.Error("POLICY_UNKNOWN_RANK", path + ".to", r.Node(m, "to") ?? m, $"promotes to rank '{to}', which is not in ranks.");
                }
                else if (ranks[toIndex].Appointed)
                {
                    // R8: head ambassador is appointed, never automatic.
                    r.Error("POLICY_APPOINTED_RANK", path + ".to", r.Node(m, "to") ?? m, $"rank '{to}' is appointed by an admin; no rule may promote to it.");
                }
                else if (fromIndex >= 0 && toIndex <= fromIndex)
                {
                    r.Error("POLICY_BAD_PROMOTION", path + ".to", r.Node(m, "to") ?? m, $"'{to}' is not above '{from}'.");
                }
            }
            else if (to != Rank.Terminated && toIndex < 0)
            {
                r.Error("POLICY_UNKNOWN_RANK", path + ".to", r.Node(m, "to") ?? m, $"'{to}' is neither a rank nor 'terminated'.");
            }

            var percent = r.Dec(m, path, percentKey, 0m, 0m, 100m, required: true);
            var months = r.Int(m, path, "months", 1, 1, 120, required: true);
            list.Add(new StreakRule(from, to, percent, months));
        }

        return list;
    }

    /// <summary>Issue #14: <c>review: { reviewers_per_report: 2, disagreement_spread: 10, appeal_window_days: 3 }</c>, each optional.</summary>
    private static ReviewRule ReadReview(YamlReader r, YamlMappingNode root)
    {
        if (r.Node(root, "review") is null || r.Map(root, "", "review") is not { } map)
        {
            return new ReviewRule();
        }

        r.KnownKeys(map, "review", "reviewers_per_report", "disagreement_spread", "appeal_window_days", "review_due_days");
        return new ReviewRule(
            r.Int(map, "review", "reviewers_per_report", 2, 1, 20),
            r.Int(map, "review", "disagreement_spread", 10, 0, 1000),
            r.Int(map, "review", "appeal_window_days", 3, 0, 60),
            r.Int(map, "review", "review_due_days", 7, 0, 60));
    }

    /// <summary>
    /// Issue #14: <c>reminders: { days_before_deadline: 3, tracking_issue: 12 }</c>, both required when the section is
    /// there; absent, no reminder is written to GitHub.
    /// </summary>
    private static ReminderRule? ReadReminders(YamlReader r, YamlMappingNode root)
    {
        if (r.Node(root, "reminders") is null || r.Map(root, "", "reminders") is not { } map)
        {
            return null;
        }

        r.KnownKeys(map, "reminders", "days_before_deadline", "tracking_issue");
        return new ReminderRule(
            r.Int(map, "reminders", "days_before_deadline", 3, 1, 28, required: true),
            r.Int(map, "reminders", "tracking_issue", 1, 1, int.MaxValue, required: true));
    }

    /// <summary>
    /// Issue #17: <c>application: { scale: { max: 10, step: 1 }, criteria: [ { code, name, description } ] }</c>, the
    /// criteria applications are scored on (seed 000's three when absent). Codes are what scores are stored under, so
    /// they are plain (lower-case letters, digits, '_' and '-') and unique; the scale's maximum is a whole number of steps.
    /// </summary>
    private static ApplicationCriteria ReadApplication(YamlReader r, YamlMappingNode root)
    {
        if (r.Node(root, "application") is null || r.Map(root, "", "application") is not { } map)
        {
            return ApplicationCriteria.SeedDefault;
        }

        r.KnownKeys(map, "application", "scale", "criteria");
        var scale = ApplicationScale.Default;
        if (r.Map(map, "application", "scale", required: false) is { } sm)
        {
            r.KnownKeys(sm, "application.scale", "max", "step");
            var max = r.PointsOf(sm, "application.scale", "max", ApplicationScale.Default.Max, required: true);
            var step = r.PointsOf(sm, "application.scale", "step", ApplicationScale.Default.Step, required: false);
            if (step <= Points.Zero)
            {
                r.Error("POLICY_OUT_OF_RANGE", "application.scale.step", r.Node(sm, "step"), "must be more than 0.");
            }
            else if (max <= Points.Zero || !max.IsMultipleOf(step))
            {
                r.Error("POLICY_OUT_OF_RANGE", "application.scale.max", r.Node(sm, "max"), $"must be more than 0 and a whole number of steps of {step}.");
            }

            scale = new ApplicationScale(max, step);
        }

        var list = new List<ApplicationCriterion>();
        foreach (var (node, i) in r.Seq(map, "application", "criteria").Select((n, i) => (n, i)))
        {
            var path = $"application.criteria[{i}]";
            if (node is not YamlMappingNode m)
            {
                r.Error("POLICY_BAD_VALUE", path, node, "must be a mapping with code, name and description.");
                continue;
            }

            r.KnownKeys(m, path, "code", "name", "description");
            var code = r.Str(m, path, "code");
            if (code is null)
            {
                continue;
            }

            if (code.Length > 40 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-') || !char.IsAsciiLetterLower(code[0]))
            {
                r.Error("POLICY_BAD_VALUE", path + ".code", r.Node(m, "code"), $"'{code}' is not a criterion code: a lower-case letter, then lower-case letters, digits, '_' or '-' (up to 40).");
            }
            else if (list.Any(c => c.Code == code))
            {
                r.Error("POLICY_DUPLICATE", path + ".code", r.Node(m, "code"), $"criterion '{code}' is listed twice.");
            }

            list.Add(new ApplicationCriterion(code, r.Str(m, path, "name") ?? code, r.Str(m, path, "description") ?? string.Empty));
        }

        if (list.Count == 0 && r.Node(map, "criteria") is YamlSequenceNode empty)
        {
            r.Error("POLICY_MISSING_KEY", "application.criteria", empty, "at least one criterion is required.");
        }

        return new ApplicationCriteria(list, scale);
    }

    private static DeadlineRule ReadDeadline(YamlReader r, YamlMappingNode root)
    {
        var map = r.Map(root, "", "deadline");
        if (map is null)
        {
            return new DeadlineRule(5, "UTC");
        }

        r.KnownKeys(map, "deadline", "day", "timezone");
        var day = r.Int(map, "deadline", "day", 5, 1, 28, required: true);
        var tz = r.Str(map, "deadline", "timezone", required: false) ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
        {
            r.Error("POLICY_BAD_VALUE", "deadline.timezone", r.Node(map, "timezone"), $"'{tz}' is not a known time zone (use an IANA id such as UTC or Asia/Shanghai).");
        }

        return new DeadlineRule(day, tz);
    }

    private static PayoutRule ReadPayout(YamlReader r, YamlMappingNode root, Token token)
    {
        var map = r.Map(root, "", "payout");
        if (map is null)
        {
            return new PayoutRule { Rail = PayoutRail.Manual };
        }

        r.KnownKeys(map, "payout", "rail", "ss58_prefix", "chunk_size", "minimum", "token_contract", "chain_id", "safe", "explorer", "address_cooling_days");
        var rail = r.EnumOf(map, "payout", "rail", PayoutRail.Manual, Rails, required: true);
        var prefix = r.Int(map, "payout", "ss58_prefix", 30, 0, 16383, required: rail == PayoutRail.Substrate);
        var chunk = r.Int(map, "payout", "chunk_size", 100, 1, 10_000);
        TokenAmount? minimum = r.Node(map, "minimum") is null ? null : r.Amount(map, "payout", "minimum", token);
        var contract = r.Str(map, "payout", "token_contract", required: rail == PayoutRail.Evm);
        var chainId = r.Int(map, "payout", "chain_id", 1, 1, required: rail == PayoutRail.Evm);
        var safe = r.Str(map, "payout", "safe", required: false);

        // Issue #13: explorer links come from the policy (or the chain profile), never from a table per deployment.
        var explorer = r.Str(map, "payout", "explorer", required: false);
        if (explorer is not null && (!explorer.StartsWith("https://", StringComparison.Ordinal) || !explorer.Contains("{tx}", StringComparison.Ordinal)
            || !Uri.TryCreate(explorer.Replace("{tx}", "0", StringComparison.Ordinal), UriKind.Absolute, out _)))
        {
            r.Error("POLICY_BAD_VALUE", "payout.explorer", r.Node(map, "explorer"), $"'{explorer}' is not an https address with {{tx}} where the transaction hash goes.");
        }

        var cooling = r.Int(map, "payout", "address_cooling_days", PayoutRule.DefaultAddressCoolingDays, 0, 365);
        return new PayoutRule
        {
            Rail = rail,
            Ss58Prefix = (ushort)prefix,
            ChunkSize = chunk,
            Minimum = minimum,
            TokenContract = contract,
            ChainId = rail == PayoutRail.Evm ? chainId : null,
            Safe = rail == PayoutRail.Evm ? safe : null,
            Explorer = explorer,
            AddressCoolingDays = cooling,
        };
    }
}
