using EventFlowApp.Kernel.Core;
using EventFlowApp.Kernel.Tests.Domain;

namespace EventFlowApp.Kernel.Tests.Core;

public sealed class IdentityTests
{
    private static readonly Guid Namespace = new("0f1e2d3c-4b5a-4969-8877-665544332211");

    [Fact]
    public void Prefix_is_the_type_name_without_Id_in_lower_case() => Assert.Equal("thing", ThingId.Prefix);

    [Fact]
    public void New_gives_a_prefixed_lower_case_guid_and_a_different_one_each_time()
    {
        var a = ThingId.New;
        var b = ThingId.New;

        Assert.Matches("^thing-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", a.Value);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void With_a_guid_keeps_the_guid()
    {
        var guid = Guid.NewGuid();

        var id = ThingId.With(guid);

        Assert.Equal($"thing-{guid:D}", id.Value);
        Assert.Equal(guid, id.GetGuid());
        Assert.Equal(id.Value, id.ToString());
    }

    [Fact]
    public void With_a_string_round_trips_a_valid_value()
    {
        var original = ThingId.New;

        Assert.Equal(original, ThingId.With(original.Value));
    }

    [Fact]
    public void NewDeterministic_gives_the_same_id_for_the_same_inputs()
    {
        var a = ThingId.NewDeterministic(Namespace, "import-line-42");
        var b = ThingId.NewDeterministic(Namespace, "import-line-42");

        Assert.Equal(a, b);
        Assert.Equal(a.Value, b.Value);
    }

    [Fact]
    public void NewDeterministic_differs_for_another_name_or_namespace()
    {
        var a = ThingId.NewDeterministic(Namespace, "import-line-42");

        Assert.NotEqual(a, ThingId.NewDeterministic(Namespace, "import-line-43"));
        Assert.NotEqual(a, ThingId.NewDeterministic(Guid.NewGuid(), "import-line-42"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("thing-xyz")]
    [InlineData("thing-")]
    [InlineData("thing")]
    [InlineData("other-3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("Thing-3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("thing-3F2504E0-4F89-41D3-9A0C-0305E82C3301")]
    [InlineData("thing-{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    [InlineData("thing-3f2504e04f8941d39a0c0305e82c3301")]
    [InlineData(" thing-3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("thing-3f2504e0-4f89-41d3-9a0c-0305e82c3301 ")]
    public void A_malformed_value_is_rejected_with_a_message_naming_the_expected_form(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ThingId.With(value));

        Assert.Contains("'thing-<guid>'", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ThingId), error.Message, StringComparison.Ordinal);
        Assert.False(ThingId.IsValid(value, out var reason));
        Assert.Contains("'thing-<guid>'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_value_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ThingId.With((string)null!));
        Assert.False(ThingId.IsValid(null, out _));
    }

    [Fact]
    public void IsValid_accepts_a_well_formed_value_without_an_error()
    {
        Assert.True(ThingId.IsValid("thing-3f2504e0-4f89-41d3-9a0c-0305e82c3301", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Equality_is_by_value_with_operators_and_hash_code()
    {
        var value = "thing-3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        var a = ThingId.With(value);
        var b = ThingId.With(value);
        var c = ThingId.New;

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object)value));
        Assert.Single(new HashSet<ThingId> { a, b });
    }
}
