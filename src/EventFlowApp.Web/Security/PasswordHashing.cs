using Microsoft.AspNetCore.Identity;

namespace EventFlowApp.Web.Security;

/// <summary>ASP.NET Core Identity's hasher (PBKDF2, salted, format version 3), used the same way everywhere.</summary>
public static class PasswordHashing
{
    // Identity's format: a version byte (0x01 for v3), PRF, iteration count and salt length (4 bytes each), salt, subkey.
    private const byte Version3 = 0x01;
    private const int Version3HeaderLength = 13;

    // The hasher ignores the user object; one instance is safe to share between threads.
    private static readonly PasswordHasher<ConfiguredUser> Hasher = new();

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(new ConfiguredUser(), password);
    }

    /// <summary>True when <paramref name="password"/> matches; a hash made with older settings counts as a match.</summary>
    public static bool Verify(string hash, string password) =>
        LooksLikeHash(hash) &&
        Hasher.VerifyHashedPassword(new ConfiguredUser(), hash, password) != PasswordVerificationResult.Failed;

    /// <summary>Whether <paramref name="value"/> has the shape of a v3 hash: catches a plain password put where a hash belongs.</summary>
    public static bool LooksLikeHash(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var length) && length > Version3HeaderLength && bytes[0] == Version3;
    }
}
