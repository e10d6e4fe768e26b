namespace EventFlowApp.Kernel.EntityFramework.Model;

public static class EventStoreTables
{
    public const string Events = "events";
    public const string Commands = "commands";
    public const string Snapshots = "snapshots";
}
