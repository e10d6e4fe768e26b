using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.EntityFramework.ReadModels;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Storage.Tests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EventFlowApp.Storage.Tests.ReadModels;

/// <summary>The table a read model class gets by convention, read from the EF model (no database needed).</summary>
public sealed class ReadModelMappingTests
{
    [Theory]
    [InlineData("AccountId", "account_id")]
    [InlineData("VATRate", "vat_rate")]
    [InlineData("Balance2025", "balance2025")]
    [InlineData("Line2Amount", "line2_amount")]
    [InlineData("amount", "amount")]
    public void Property_names_become_snake_case_columns(string property, string column) =>
        Assert.Equal(column, SnakeCase.From(property));

    [Fact]
    public void A_read_model_gets_a_keyed_table_with_bounded_strings_exact_decimals_and_indexes_behind_the_generation()
    {
        var entity = Model(typeof(Posting)).FindEntityType(typeof(Posting))!;

        Assert.Equal("rm_postings", entity.GetTableName());
        Assert.Equal(["generation", "id"], entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()));
        Assert.Equal(200, entity.FindProperty(nameof(Posting.Account))!.GetMaxLength());
        Assert.Null(entity.FindProperty(nameof(Posting.Memo))!.GetMaxLength());
        Assert.Equal((38, 10), (entity.FindProperty(nameof(Posting.Amount))!.GetPrecision(), entity.FindProperty(nameof(Posting.Amount))!.GetScale()));
        Assert.Equal("recorded_at", entity.FindProperty(nameof(Posting.RecordedAt))!.GetColumnName());
        Assert.Null(entity.FindProperty(nameof(Posting.Display)));
        var index = Assert.Single(entity.GetIndexes());
        Assert.Equal(["generation", "account", "day"], index.Properties.Select(p => p.GetColumnName()));
        Assert.Equal("ix_rm_postings_account_day", index.GetDatabaseName());
    }

    [Fact]
    public void A_property_that_would_take_a_key_column_is_refused_with_a_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Model(typeof(WithId)));

        Assert.Contains("WithId: property Id would be stored in the 'id' key column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_sets_of_read_models_get_different_models_in_one_process()
    {
        Assert.NotNull(Model(typeof(Posting)).FindEntityType(typeof(Posting)));
        Assert.Null(Model(typeof(NoteSummary)).FindEntityType(typeof(Posting)));
    }

    private static IModel Model(params Type[] types)
    {
        var catalog = new ReadModelCatalog(types.Select(ReadModelDefinition.For));
        using var context = new ReadModelDbContext(EventStoreDbContextConfigurator.ReadModelOptions(DatabaseOptions.Sqlite("Data Source=:memory:"), catalog));
        return context.Model;
    }

    [ReadModel("with_id")]
    public sealed class WithId : IAmReadModelFor<Note, NoteId, NoteWritten>
    {
        public string Id { get; set; } = "";

        public void Apply(IReadModelContext context, IDomainEvent<Note, NoteId, NoteWritten> domainEvent) => Id = domainEvent.AggregateIdentity.Value;
    }
}
