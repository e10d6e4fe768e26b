using System.Text.Json;

namespace EventFlowApp.Ledger.Tests.Reports;

/// <summary>Reports as the determinism tests compare them: System.Text.Json, UTF-8 bytes.</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Of<T>(T report) => JsonSerializer.Serialize(report, Options);

    public static byte[] BytesOf<T>(T report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);
}
