using System.Text.Json;
using System.Text.Json.Serialization;
using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("firm-registers")]
public sealed class FirmRegistersGrain(SupervisionReads reader, LedgerWriter writer, TimeProvider clock) : Grain, IFirmRegistersGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private static readonly Caller Service = Caller.System("registers");

    private Uscc _uscc;
    private string? _park;
    private bool _registered;
    private EquipmentLine[] _equipment = [];
    private MeterLine[] _meters = [];
    private int _equipmentRevision, _metersRevision;
    private DateTimeOffset? _at;
    private string? _by;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Uscc.TryParse(this.GetPrimaryKeyString(), null, out _uscc))
        {
            return;
        }
        var enterprise = await GrainFactory.Enterprise(_uscc).GetAsync(Service);
        (_registered, _park) = (enterprise is not null, enterprise?.Profile.ParkCode);
        foreach (var r in (await reader.LatestRegistersAsync(_uscc.Value)).OrderBy(r => r.RecordedAt))
        {
            if (r.Kind == "equipment")
            {
                (_equipment, _equipmentRevision) = (JsonSerializer.Deserialize<EquipmentLine[]>(r.Json, Json)!, r.Revision);
            }
            else
            {
                (_meters, _metersRevision) = (JsonSerializer.Deserialize<MeterLine[]>(r.Json, Json)!, r.Revision);
            }
            (_at, _by) = (r.RecordedAt, r.Actor);
        }
    }

    Task<FirmRegistersView?> IFirmRegistersGrain.GetAsync(Caller caller) =>
        Task.FromResult(_registered && caller.CanRead(_uscc, _park) ? View() : null);

    async Task<FirmRegistersView?> IFirmRegistersGrain.SaveEquipmentAsync(EquipmentLine[] lines, string? reason, Caller caller)
    {
        GrainGuards.Equipment(lines, reason, caller.Account);
        if (!Writes(caller))
        {
            return null;
        }
        await WriteAsync("equipment", _equipmentRevision + 1, JsonSerializer.Serialize(lines, Json), reason, caller);
        (_equipment, _equipmentRevision) = (lines, _equipmentRevision + 1);
        return View();
    }

    async Task<FirmRegistersView?> IFirmRegistersGrain.SaveMetersAsync(MeterLine[] lines, string? reason, Caller caller)
    {
        GrainGuards.Meters(lines, reason, caller.Account);
        if (!Writes(caller))
        {
            return null;
        }
        await WriteAsync("meters", _metersRevision + 1, JsonSerializer.Serialize(lines, Json), reason, caller);
        (_meters, _metersRevision) = (lines, _metersRevision + 1);
        return View();
    }

    /// <summary>The firm declares its own registers; an inspector or the district records them.</summary>
    private bool Writes(Caller caller) =>
        _registered && (caller.Role is Role.Inspector or Role.DistrictOfficial or Role.System || (caller.Role == Role.Filer && caller.CanFile(_uscc)));

    private async Task WriteAsync(string kind, int revision, string json, string? reason, Caller caller)
    {
        var now = clock.GetUtcNow();
        var record = new FirmRegisterRecord
        {
            Uscc = _uscc.Value, Kind = kind, Revision = revision, Json = json, RecordedAt = now, Actor = caller.Account, Reason = reason,
        };
        await writer.WriteAsync(db =>
        {
            db.FirmRegisters.Add(record);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = caller.Account, Action = $"register.{kind}", Subject = _uscc.Value, Detail = $"revision {revision}" });
        });
        (_at, _by) = (now, caller.Account);
    }

    private FirmRegistersView View() => new(_uscc, _equipment, _equipmentRevision, _meters, _metersRevision, _at, _by);
}
