using System.Text;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>Column names the way the event store spells them: <c>AccountId</c> is <c>account_id</c>, <c>VatRate</c> and <c>VATRate</c> are <c>vat_rate</c>.</summary>
public static class SnakeCase
{
    public static string From(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                // A word starts at an upper-case letter after a lower-case one or a digit, or at the last
                // capital of an acronym that is followed by a lower-case letter (VATRate -> vat_rate).
                var previousLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnd = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousLower || acronymEnd)
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
