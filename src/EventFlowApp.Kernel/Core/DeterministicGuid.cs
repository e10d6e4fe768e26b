using System.Security.Cryptography;
using System.Text;

namespace EventFlowApp.Kernel.Core;

/// <summary>
/// Name-based GUIDs (RFC 4122 version 5, SHA-1): the same namespace and name always give the same id,
/// so ids derived from business keys (an import's entry id, an aggregate id plus a sequence number)
/// survive a replay or a retry unchanged.
/// </summary>
public static class DeterministicGuid
{
    /// <summary>The namespace the kernel uses for event ids.</summary>
    public static readonly Guid EventIdNamespace = new("5a4c1d6e-8f2b-4c3a-9e7d-1b0f6a2c3d4e");

    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> ns = stackalloc byte[16];
        namespaceId.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 v5 specifies; this is an id, not a signature.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
