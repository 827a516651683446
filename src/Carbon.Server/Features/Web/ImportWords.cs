using Carbon.Server.Ledger;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Web;

/// <summary>The import job's words on the pages: Chinese first, then English.</summary>
public static class ImportWords
{
    public static string Kind(string token) => Kind(EnumTokens.Parse<ImportKind>(token));

    public static string Kind(ImportKind kind) => kind switch
    {
        ImportKind.Form2051 => "205-1表 form 205-1",
        ImportKind.Template => "Carbon 模板 template",
        _ => "在线监测 monitoring",
    };

    public static string Status(ImportItemStatus status) => status switch
    {
        ImportItemStatus.New => "新增 new",
        ImportItemStatus.Revision => "修订 revision",
        ImportItemStatus.Unchanged => "未变 unchanged",
        _ => "退回 rejected",
    };
}
