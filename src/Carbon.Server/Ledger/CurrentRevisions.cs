namespace Carbon.Server.Ledger;

/// <summary>
/// The one rule of what is current: of the revisions of a thing (a month's filing, a firm's profile), the highest
/// revision number. Every reader that needs "the current one" offers rows here.
/// </summary>
public sealed class CurrentRevisions<TKey, TRow>(Func<TRow, TKey> key, Func<TRow, int> revision) where TKey : notnull
{
    private readonly Dictionary<TKey, TRow> _current = [];

    public IReadOnlyCollection<TRow> Rows => _current.Values;

    public void Offer(TRow row)
    {
        var k = key(row);
        if (!_current.TryGetValue(k, out var held) || revision(held) < revision(row))
        {
            _current[k] = row;
        }
    }

    public static List<TRow> Of(IEnumerable<TRow> rows, Func<TRow, TKey> key, Func<TRow, int> revision)
    {
        var current = new CurrentRevisions<TKey, TRow>(key, revision);
        foreach (var row in rows)
        {
            current.Offer(row);
        }
        return [.. current.Rows];
    }
}
