namespace Carbon.Domain.Certificates;

/// <summary>The certificates the district issues.</summary>
public enum CertificateKind
{
    /// <summary>绿色工厂证书 (GB/T 36132), from an approved application.</summary>
    GreenFactory,
    /// <summary>亩均效益综合评价结果告知书 (mǔjūn): 一企一单 of an evaluation run.</summary>
    MujunNotice,
    /// <summary>年度能源与碳排放报告.</summary>
    AnnualReport,
    /// <summary>节能监察文书 (监察通知书, 现场检查笔录, 限期整改通知书, 节能监察建议书, 复查意见书) of one step of a case.</summary>
    SupervisionDocument,
    /// <summary>年度节能监察报告: the district's year of supervision (cases, findings by category, rectification rate); no firm.</summary>
    SupervisionReport,
    /// <summary>规划实施评估报告: the district plan's annual (年度评估) or mid-term (中期评估) evaluation; no firm.</summary>
    PlanEvaluation,
}

/// <summary>Where a certificate stands on a given day.</summary>
public enum CertificateState
{
    Valid,
    Expired,
    Revoked,
    /// <summary>Asked about a day before it was issued.</summary>
    NotYetIssued,
}

/// <summary>Tokens, number prefixes and names of <see cref="CertificateKind"/>, and the one rule of a certificate's state.</summary>
public static class CertificateKinds
{
    /// <summary>The token early notices were issued under (a misspelling of 亩均 mǔjūn); still read, never written.</summary>
    public const string LegacyMujunToken = "muyun-notice";

    public static IReadOnlyList<CertificateKind> All { get; } = Enum.GetValues<CertificateKind>();

    public static string Token(this CertificateKind kind) => kind switch
    {
        CertificateKind.GreenFactory => "green-factory",
        CertificateKind.MujunNotice => "mujun-notice",
        CertificateKind.SupervisionDocument => "supervision-document",
        CertificateKind.SupervisionReport => "supervision-report",
        CertificateKind.PlanEvaluation => "plan-evaluation",
        _ => "annual-report",
    };

    /// <summary>Every token a kind is stored under: its own, and the legacy one for notices.</summary>
    public static string[] StoredTokens(this CertificateKind kind) =>
        kind == CertificateKind.MujunNotice ? [kind.Token(), LegacyMujunToken] : [kind.Token()];

    public static bool TryParse(string? token, out CertificateKind kind)
    {
        foreach (var k in All)
        {
            if (k.StoredTokens().Contains(token))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static CertificateKind Parse(string token) =>
        TryParse(token, out var kind) ? kind : throw new FormatException($"'{token}' is not a certificate kind");

    /// <summary>
    /// GF (绿色工厂证书), MN (亩均评价告知书), AR (年度能源与碳排放报告), SD (节能监察文书), SR (年度节能监察报告),
    /// PE (规划实施评估报告).
    /// </summary>
    public static string Prefix(this CertificateKind kind) => kind switch
    {
        CertificateKind.GreenFactory => "GF",
        CertificateKind.MujunNotice => "MN",
        CertificateKind.SupervisionDocument => "SD",
        CertificateKind.SupervisionReport => "SR",
        CertificateKind.PlanEvaluation => "PE",
        _ => "AR",
    };

    public static string ChineseName(this CertificateKind kind) => kind switch
    {
        CertificateKind.GreenFactory => "绿色工厂证书",
        CertificateKind.MujunNotice => "亩均效益综合评价结果告知书",
        CertificateKind.SupervisionDocument => "节能监察文书",
        CertificateKind.SupervisionReport => "年度节能监察报告",
        CertificateKind.PlanEvaluation => "规划实施评估报告",
        _ => "年度能源与碳排放报告",
    };

    /// <summary>Whether a kind is issued for the district as a whole rather than for one firm (it then names no USCC).</summary>
    public static bool IsDistrictWide(this CertificateKind kind) =>
        kind is CertificateKind.SupervisionReport or CertificateKind.PlanEvaluation;

    /// <summary>
    /// A certificate's state on <paramref name="day"/>: revoked wins; before its issue day it is not yet issued; after
    /// its last valid day it has expired; otherwise valid.
    /// </summary>
    public static CertificateState StateOn(DateOnly day, DateOnly issuedOn, DateOnly? validUntil, bool revoked) =>
        revoked ? CertificateState.Revoked
        : day < issuedOn ? CertificateState.NotYetIssued
        : validUntil is { } last && last < day ? CertificateState.Expired
        : CertificateState.Valid;
}
