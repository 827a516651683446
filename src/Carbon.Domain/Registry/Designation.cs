namespace Carbon.Domain.Registry;

/// <summary>
/// A title a firm holds from a published list (认定名单), on its profile for policies to ask for: the 专精特新 ladder
/// (创新型中小企业 → 专精特新中小企业 → 专精特新“小巨人”) of the MIIT's 优质中小企业梯度培育管理暂行办法 (2022) and the
/// 高新技术企业 of the 高新技术企业认定管理办法 (国科发火〔2016〕32号).
/// </summary>
public enum Designation
{
    /// <summary>创新型中小企业.</summary>
    InnovativeSme,
    /// <summary>专精特新中小企业 (provincial list).</summary>
    SpecializedSme,
    /// <summary>专精特新“小巨人”企业 (national list).</summary>
    LittleGiant,
    /// <summary>高新技术企业.</summary>
    HighTech,
}

public static class Designations
{
    private static readonly (Designation Designation, string Token, string Chinese)[] Table =
    [
        (Designation.InnovativeSme, "innovative-sme", "创新型中小企业"),
        (Designation.SpecializedSme, "specialized-sme", "专精特新中小企业"),
        (Designation.LittleGiant, "little-giant", "专精特新“小巨人”企业"),
        (Designation.HighTech, "high-tech", "高新技术企业"),
    ];

    public static string Token(this Designation d) => Table.First(t => t.Designation == d).Token;

    public static string ChineseName(this Designation d) => Table.First(t => t.Designation == d).Chinese;

    public static bool TryParse(string? token, out Designation designation)
    {
        foreach (var t in Table)
        {
            if (t.Token == token)
            {
                designation = t.Designation;
                return true;
            }
        }
        designation = default;
        return false;
    }

    /// <summary>Every token, for messages.</summary>
    public static IReadOnlyList<string> Tokens { get; } = Table.Select(t => t.Token).ToArray();
}
