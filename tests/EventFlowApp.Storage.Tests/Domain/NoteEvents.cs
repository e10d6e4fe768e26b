using System.Text.Json.Nodes;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Upgraders;

namespace EventFlowApp.Storage.Tests.Domain;

/// <summary>Version 2: version 1 ("NoteAdded", text only) is upgraded on read.</summary>
[EventVersion("NoteWritten", 2)]
public sealed record NoteWritten(string Text, int Length) : IAggregateEvent<Note, NoteId>;

[EventVersion("NoteArchived", 1)]
public sealed record NoteArchived : IAggregateEvent<Note, NoteId>;

/// <summary>An event whose payload cannot be written as JSON (a reference cycle).</summary>
[EventVersion("NoteWithPayload", 1)]
public sealed record NoteWithPayload(SelfReferencing Payload) : IAggregateEvent<Note, NoteId>;

public sealed class SelfReferencing
{
    public SelfReferencing() => Self = this;

    public SelfReferencing Self { get; }
}

/// <summary>NoteAdded v1 {text} became NoteWritten v2 {text, length}.</summary>
public sealed class NoteAddedUpgrader : IEventUpgrader
{
    public string EventName => "NoteAdded";

    public int FromVersion => 1;

    public UpgradedEvent Upgrade(JsonObject data)
    {
        var text = data["text"]?.GetValue<string>() ?? "";
        return new UpgradedEvent("NoteWritten", new JsonObject { ["text"] = text, ["length"] = text.Length });
    }
}
