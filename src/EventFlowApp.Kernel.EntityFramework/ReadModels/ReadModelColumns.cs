namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>The two key columns every read-model table has, which the read model class itself never sees.</summary>
public static class ReadModelColumns
{
    /// <summary>EF's names of the shadow key properties; odd on purpose so they never meet a property of the class.</summary>
    public const string GenerationProperty = "__generation";
    public const string IdProperty = "__id";

    public const string Generation = "generation";
    public const string Id = "id";

    /// <summary>The default length of string columns, the key id included: indexable on every provider.</summary>
    public const int DefaultStringLength = 200;

    /// <summary>
    /// decimal(38,10): 28 digits before the point hold any amount a ledger can reach (and most of .NET's
    /// decimal range), 10 after it hold exchange rates and unit prices exactly. Without an explicit
    /// precision SQL Server would use decimal(18,2) and round rates; PostgreSQL numeric is exact either way,
    /// SQLite stores EF's decimal as exact text.
    /// </summary>
    public const int DecimalPrecision = 38;
    public const int DecimalScale = 10;
}
