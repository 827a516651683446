namespace Carbon.Server.Grains.Contracts;

public enum LongActionKind
{
    Evaluation,
    CertificateBatch,
    Import,
}

/// <summary>A long action now running: what it is, where its progress is shown, who started it and when.</summary>
[GenerateSerializer, Immutable, Alias("carbon.long-action")]
public sealed record LongAction(LongActionKind Kind, string Id, string Label, string Path, DateTimeOffset StartedAt, string StartedBy);
