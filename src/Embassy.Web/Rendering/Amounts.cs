using Embassy.Domain;

namespace Embassy.Web.Rendering;

/// <summary>How pages show amounts: whole tokens with at most four decimals (cut, not rounded); downloads keep every unit.</summary>
public static class Amounts
{
    /// <summary>"38,338.0447" for 38,338.044743307901234567.</summary>
    public static string Short(TokenAmount amount)
    {
        var text = amount.Format();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 || text.Length - dot - 1 <= 4 ? text : text[..(dot + 5)];
    }
}
