using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Tests.Core;

public sealed class DeterministicGuidTests
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void Matches_the_RFC_4122_version_5_reference_value()
    {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") in Python's documentation.
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), DeterministicGuid.Create(DnsNamespace, "python.org"));
    }

    [Fact]
    public void Is_stable_for_the_same_namespace_and_name()
    {
        var a = DeterministicGuid.Create(DeterministicGuid.EventIdNamespace, "thing-1-v1");
        var b = DeterministicGuid.Create(DeterministicGuid.EventIdNamespace, "thing-1-v1");

        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("thing-1-v1", "thing-1-v2")]
    [InlineData("a", "A")]
    [InlineData("", " ")]
    public void Differs_for_different_names(string first, string second) =>
        Assert.NotEqual(DeterministicGuid.Create(DnsNamespace, first), DeterministicGuid.Create(DnsNamespace, second));

    [Fact]
    public void Differs_for_different_namespaces() =>
        Assert.NotEqual(DeterministicGuid.Create(DnsNamespace, "x"), DeterministicGuid.Create(DeterministicGuid.EventIdNamespace, "x"));

    [Theory]
    [InlineData("")]
    [InlineData("python.org")]
    [InlineData("journal-entry 2025/0001 ünïcødé")]
    public void Sets_the_version_5_and_RFC_4122_variant_bits(string name)
    {
        var text = DeterministicGuid.Create(DnsNamespace, name).ToString("D");

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void Rejects_a_null_name() =>
        Assert.Throws<ArgumentNullException>(() => DeterministicGuid.Create(DnsNamespace, null!));
}
